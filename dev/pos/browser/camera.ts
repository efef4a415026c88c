/**
 * POS's Camera API in the stand-in: `takePhoto` opens a camera sheet over the tablet, as POS opens
 * the device's camera, where the demo's user takes the "photo" (a coloured card with the time,
 * drawn and encoded as the camera would return it), cancels, or refuses the camera, the three
 * answers an extension has to handle.
 */

interface CameraMediaOptions {
  maxWidth?: number;
  maxHeight?: number;
  quality?: number;
}

interface CameraMediaResponse {
  base64: string;
  width: number;
  height: number;
  fileSize: number;
  type: string;
}

/** A landscape photo's size before the camera scales it down to the extension's maximum. */
const SENSOR = { width: 1600, height: 1200 };

function fitted(options: CameraMediaOptions): { width: number; height: number } {
  const scale = Math.min(1, (options.maxWidth ?? 1080) / SENSOR.width, (options.maxHeight ?? 1080) / SENSOR.height);
  return { width: Math.round(SENSOR.width * scale), height: Math.round(SENSOR.height * scale) };
}

/** A JPEG of a card in a colour of the minute, with the time on it, so each photo differs. */
function drawPhoto(options: CameraMediaOptions): CameraMediaResponse {
  const { width, height } = fitted(options);
  const canvas = Object.assign(document.createElement("canvas"), { width, height });
  const context = canvas.getContext("2d");
  if (!context) throw new Error("The camera is not available");
  const now = new Date();
  const hue = (now.getMinutes() * 6 + now.getSeconds()) % 360;
  context.fillStyle = `hsl(${hue} 60% 55%)`;
  context.fillRect(0, 0, width, height);
  context.fillStyle = "white";
  context.fillRect(width * 0.2, height * 0.25, width * 0.6, height * 0.5);
  context.fillStyle = "#202223";
  context.font = `${Math.round(height / 10)}px sans-serif`;
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.fillText(now.toLocaleTimeString(), width / 2, height / 2);
  const dataUrl = canvas.toDataURL("image/jpeg", options.quality ?? 0.9);
  const base64 = dataUrl.slice(dataUrl.indexOf(",") + 1);
  return { base64, width, height, fileSize: Math.floor((base64.length * 3) / 4), type: "image/jpeg" };
}

function sheetButton(label: string, onClick: () => void): HTMLButtonElement {
  const button = Object.assign(document.createElement("button"), { type: "button", textContent: label });
  button.style.cssText = "padding: 12px 16px; font-size: 16px; border-radius: 8px;";
  button.addEventListener("click", onClick);
  return button;
}

/** The camera POS gives the extension's targets, its sheet shown over `tablet`. */
export function standInCamera(tablet: HTMLElement): {
  takePhoto: (options?: CameraMediaOptions) => Promise<CameraMediaResponse>;
} {
  let open = false;
  return {
    takePhoto(options = {}) {
      if (open) return Promise.reject(new Error("The camera is already in use"));
      open = true;
      return new Promise((resolve, reject) => {
        const sheet = document.createElement("div");
        sheet.id = "camera-sheet";
        sheet.setAttribute("role", "dialog");
        sheet.setAttribute("aria-label", "Camera");
        sheet.style.cssText =
          "position: absolute; inset: 0; z-index: 50; display: flex; flex-direction: column; align-items: center;" +
          "justify-content: center; gap: 16px; background: rgb(0 0 0 / 85%); color: white;";
        const close = (answer: () => void) => {
          sheet.remove();
          open = false;
          answer();
        };
        const buttons = document.createElement("div");
        buttons.style.cssText = "display: flex; gap: 12px;";
        buttons.append(
          sheetButton("Take photo", () =>
            close(() => {
              try {
                resolve(drawPhoto(options));
              } catch (error) {
                reject(error instanceof Error ? error : new Error(String(error)));
              }
            }),
          ),
          sheetButton("Cancel", () => close(() => reject(new Error("User cancelled photo capture")))),
          sheetButton("Deny camera access", () => close(() => reject(new Error("Camera permission denied")))),
        );
        const caption = Object.assign(document.createElement("p"), {
          textContent: "Camera (stand-in): take a photo, cancel, or refuse POS the camera.",
        });
        sheet.append(caption, buttons);
        tablet.append(sheet);
      });
    },
  };
}
