import { useState } from "preact/hooks";
import type { TakenPhoto } from "../api/contract";
import { host, modalHost } from "../host";

/**
 * A photo taken with POS's Camera API for a report (an exception's item, a delivery's proof):
 * taken, shown, removed. The camera throws when the associate cancels, when POS may not use the
 * camera and when the device has none; each says so in words, and nothing on the screen is lost.
 */

/** What the POS API takes and stores: 1.5 MB decoded is this much base64. */
const MAX_BASE64_LENGTH = 2_097_152;

/** Big enough to read a label or see a dent, small enough to send from a store's Wi-Fi. */
const PHOTO_OPTIONS = { maxWidth: 1280, maxHeight: 1280, quality: 0.6 } as const;

export interface PhotoCapture {
  photo: TakenPhoto | null;
  /** The device has no camera (or POS gives this extension none): the screen says so instead of offering one. */
  noCamera: boolean;
  /** Why the last try gave no photo, when the associate needs to do something about it. */
  problem: string | null;
  taking: boolean;
  take: () => Promise<void>;
  remove: () => void;
}

type CameraFailure = "cancelled" | "denied" | "no-camera" | "busy" | "other";

/** POS's errors are plain Errors: their words are all that tells them apart. */
function failureOf(error: unknown): CameraFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (/cancel/i.test(message)) return "cancelled";
  if (/permission|denied|not allowed|authori[sz]/i.test(message)) return "denied";
  if (/no (available )?camera|not available|unavailable|no camera/i.test(message)) return "no-camera";
  if (/in use|busy/i.test(message)) return "busy";
  return "other";
}

/** The camera's answer as the POS API takes it: raw base64, a JPEG or PNG type. */
function asTakenPhoto(answer: { base64: string; width: number; height: number; type: string }): TakenPhoto {
  return {
    base64: answer.base64.replace(/^data:[^,]*,/, ""),
    width: answer.width,
    height: answer.height,
    type: /png/i.test(answer.type) ? "image/png" : "image/jpeg",
  };
}

/** A data URL for `s-image`, to show the associate what they took. */
export function photoDataUrl(photo: TakenPhoto): string {
  return `data:${photo.type};base64,${photo.base64}`;
}

export function usePhotoCapture(): PhotoCapture {
  const [photo, setPhoto] = useState<TakenPhoto | null>(null);
  const [noCamera, setNoCamera] = useState(() => !modalHost().camera?.takePhoto);
  const [problem, setProblem] = useState<string | null>(null);
  const [taking, setTaking] = useState(false);

  const take = async () => {
    setProblem(null);
    setTaking(true);
    try {
      const taken = asTakenPhoto(await modalHost().camera.takePhoto(PHOTO_OPTIONS));
      if (!taken.base64) return setProblem("The camera gave no photo. Take it again.");
      if (taken.base64.length > MAX_BASE64_LENGTH) return setProblem("That photo is too large. Take it again.");
      setPhoto(taken);
    } catch (error) {
      switch (failureOf(error)) {
        case "cancelled":
          host().toast.show("No photo taken");
          break;
        case "denied":
          setProblem("POS may not use the camera. Allow it in the device's settings, then try again.");
          break;
        case "no-camera":
          setNoCamera(true);
          break;
        case "busy":
          setProblem("The camera is busy. Try again in a moment.");
          break;
        default:
          setProblem("The camera could not take a photo. Try again.");
      }
    } finally {
      setTaking(false);
    }
  };

  return { photo, noCamera, problem, taking, take, remove: () => setPhoto(null) };
}
