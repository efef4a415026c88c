import { useCallback, useState } from "react";
import { useAppBridge } from "@shopify/app-bridge-react";

/**
 * Downloads a CSV from one of the app's resource routes through the app's fetch (which carries
 * the session token in the admin), and says so in a toast when it fails.
 */
export function useCsvDownload(url: string, filename: string) {
  const shopify = useAppBridge();
  const [downloading, setDownloading] = useState(false);
  const download = useCallback(async () => {
    setDownloading(true);
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`export answered ${response.status}`);
      const objectUrl = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = objectUrl;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
    } catch {
      shopify.toast.show("The CSV could not be exported; try again", { isError: true });
    } finally {
      setDownloading(false);
    }
  }, [url, filename, shopify]);
  return { download, downloading };
}
