import { useEffect, useState } from "preact/hooks";
import { host } from "../host";

export function isOnline(): boolean {
  return host().connectivity.current.value.internetConnected !== "Disconnected";
}

/** Whether POS has an internet connection, following the Connectivity API's changes. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(isOnline);
  useEffect(
    () => host().connectivity.current.subscribe((state) => setOnline(state.internetConnected !== "Disconnected")),
    [],
  );
  return online;
}
