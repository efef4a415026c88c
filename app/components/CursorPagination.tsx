import { useNavigate, useSearchParams } from "@remix-run/react";
import { InlineStack, Pagination } from "@shopify/polaris";

/**
 * Previous and next for a list paged by cursor in the URL (`?cursor=`): next carries the page's
 * last id, keeping the filters; previous goes back a page in the browser's history.
 */
export function CursorPagination({ nextCursor }: { nextCursor: string | null }) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  return (
    <InlineStack align="center">
      <Pagination
        hasPrevious={params.has("cursor")}
        onPrevious={() => navigate(-1)}
        hasNext={nextCursor !== null}
        onNext={() => {
          const next = new URLSearchParams(params);
          if (nextCursor) next.set("cursor", nextCursor);
          setParams(next);
        }}
      />
    </InlineStack>
  );
}
