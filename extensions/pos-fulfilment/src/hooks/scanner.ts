import { useEffect, useRef, useState } from "preact/hooks";
import { modalHost } from "../host";

/**
 * Calls `onScan` with each code POS's scanners read (camera, external or embedded) while the
 * screen is open. A signal hands its current value to a new subscriber at once: that is the
 * previous scan, not a new one, so it is skipped.
 */
export function useScans(onScan: (code: string) => void): void {
  const latest = useRef(onScan);
  latest.current = onScan;
  useEffect(() => {
    let subscribing = true;
    const stop = modalHost().scanner.scannerData.current.subscribe(({ data }) => {
      const code = data?.trim();
      if (!subscribing && code) latest.current(code);
    });
    subscribing = false;
    return stop;
  }, []);
}

/** The camera scanner, shown and hidden on request and hidden when the screen closes. */
export function useCameraScanner(): { cameraOn: boolean; toggleCamera: () => void } {
  const [cameraOn, setCameraOn] = useState(false);
  useEffect(() => {
    if (!cameraOn) return;
    const { scanner } = modalHost();
    scanner.showCameraScanner();
    return () => scanner.hideCameraScanner();
  }, [cameraOn]);
  return { cameraOn, toggleCamera: () => setCameraOn((on) => !on) };
}
