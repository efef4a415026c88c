import { useEffect, useState } from "react";
import { InlineStack, Link, Text, Thumbnail } from "@shopify/polaris";

export interface StorePhotoLink {
  id: string;
  /** The admin route serving the image (app/routes/app.store-task-photos.$photoId.ts). */
  url: string;
}

/**
 * One photo an associate took. The image is fetched rather than linked: the admin route needs the
 * session token, which App Bridge adds to the app's own fetches and not to an <img>'s request.
 */
function StorePhoto({ photo, label }: { photo: StorePhotoLink; label: string }) {
  const [objectUrl, setObjectUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let made: string | null = null;
    let current = true;
    fetch(photo.url)
      .then(async (response) => {
        if (!response.ok) throw new Error(`${response.status}`);
        const blob = await response.blob();
        if (!current) return;
        made = URL.createObjectURL(blob);
        setObjectUrl(made);
      })
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [photo.url]);

  if (failed) return <Text as="span" tone="subdued">{`${label} (could not be loaded)`}</Text>;
  if (!objectUrl) return <Text as="span" tone="subdued">{`${label}…`}</Text>;
  return (
    <Link url={objectUrl} target="_blank" accessibilityLabel={`${label}: open it full size`}>
      <InlineStack gap="100" blockAlign="center">
        <Thumbnail source={objectUrl} alt={label} size="small" />
        <Text as="span">{label}</Text>
      </InlineStack>
    </Link>
  );
}

/** The photos of a timeline step (an exception's item, a delivery's proof), each a thumbnail that opens it. */
export function StorePhotoThumbnails({ photos }: { photos: readonly StorePhotoLink[] }) {
  return (
    <InlineStack gap="200">
      {photos.map((photo, index) => (
        <StorePhoto key={photo.id} photo={photo} label={photos.length > 1 ? `Photo ${index + 1}` : "Photo"} />
      ))}
    </InlineStack>
  );
}
