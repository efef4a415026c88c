import type { ComponentProps } from "react";
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { Banner, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { PageLoadFailure } from "./PageLoadFailure";

/** An answer the page refuses in its own words (an edited link's query, a location not in the shop), with a way on. */
export interface RefusalView {
  statuses: readonly number[];
  /** The admin's title bar while the refusal shows. */
  titleBar: string;
  /** The page's own heading and back action, for pages that have them. */
  page?: Pick<ComponentProps<typeof Page>, "title" | "backAction">;
  banner: string;
  action: { content: string; url: string };
  /** The explanation shown when the answer carries no reason of its own (`{ error: "…" }`). */
  explanation: string;
  /** Whether the answer's reason, when it has one, is shown instead of the explanation. */
  showsReason?: boolean;
}

/**
 * A page's ErrorBoundary: a refusal the page explains, Shopify's own answers (re-authentication)
 * through its boundary, and any other failure as the page's title and what failed, with the nav
 * still around it.
 */
export function PageErrorBoundary({
  title,
  failed,
  refusal,
}: {
  title: string;
  failed: string;
  refusal?: RefusalView;
}) {
  const error = useRouteError();
  if (refusal && isRouteErrorResponse(error) && refusal.statuses.includes(error.status)) {
    const reason = (error.data as { error?: unknown } | null)?.error;
    return (
      <Page {...refusal.page}>
        <TitleBar title={refusal.titleBar} />
        <Banner tone="warning" title={refusal.banner} action={refusal.action}>
          <Text as="p">{refusal.showsReason && typeof reason === "string" ? reason : refusal.explanation}</Text>
        </Banner>
      </Page>
    );
  }
  if (isRouteErrorResponse(error)) return boundary.error(error);
  return <PageLoadFailure title={title} failed={failed} />;
}
