import { photoDataUrl, type PhotoCapture } from "../hooks/camera";

/**
 * An optional photo on a form: "Add photo", then what was taken with "Retake" and "Remove". A
 * device without a camera says so instead.
 */
export function PhotoField({ heading, capture }: { heading: string; capture: PhotoCapture }) {
  const { photo, noCamera, problem, taking } = capture;
  return (
    <s-section heading={heading}>
      <s-stack direction="block" gap="small">
        {problem && <s-banner tone="warning" heading={problem} />}
        {photo && <s-image src={photoDataUrl(photo)} inlineSize="auto" objectFit="contain" />}
        {noCamera ? (
          <s-text color="subdued">This device has no camera: carry on without a photo.</s-text>
        ) : (
          <s-stack direction="inline" gap="small">
            <s-button disabled={taking} onClick={() => void capture.take()}>
              {photo ? "Retake photo" : "Add photo"}
            </s-button>
            {photo && (
              <s-button tone="critical" onClick={capture.remove}>
                Remove
              </s-button>
            )}
          </s-stack>
        )}
      </s-stack>
    </s-section>
  );
}
