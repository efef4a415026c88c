import { useEffect } from "react";
import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";
import { useAppBridge } from "@shopify/app-bridge-react";

export interface DeadLetterRow {
  id: string;
  description: string;
  error: string;
  /** When it gave up, formatted for the merchant (see formatDateTime). */
  failedAt: string;
}

/** The action's answer to a retry. */
export interface DeadLetterRetryResult {
  retried: "QUEUED" | "NOT_FOUND";
}

/**
 * Work that gave up after its retries, each with why and a retry. Posts `intent=retry-dead-letter`
 * with the dead letter's id to the page's action.
 */
export function DeadLetterCard({ letters }: { letters: readonly DeadLetterRow[] }) {
  if (letters.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="300">
        <Banner tone="critical" title={`${letters.length === 1 ? "1 task" : `${letters.length} tasks`} gave up`}>
          <p>
            Omniroute tried each of these several times over a few minutes and stopped. Retry once the cause is fixed
            (for example, when Shopify is reachable again): the work runs again from the start, and nothing it already
            did is done twice.
          </p>
        </Banner>
        {letters.map((letter) => (
          <DeadLetterItem key={letter.id} letter={letter} />
        ))}
      </BlockStack>
    </Card>
  );
}

function DeadLetterItem({ letter }: { letter: DeadLetterRow }) {
  const retry = useFetcher<DeadLetterRetryResult>();
  const shopify = useAppBridge();
  useEffect(() => {
    if (retry.state !== "idle" || !retry.data) return;
    shopify.toast.show(retry.data.retried === "QUEUED" ? "Queued again" : "Already retried", {
      isError: retry.data.retried !== "QUEUED",
    });
  }, [retry.state, retry.data, shopify]);

  return (
    <InlineStack align="space-between" blockAlign="center" gap="400" wrap={false}>
      <BlockStack gap="100">
        <Text as="p" fontWeight="semibold">
          {letter.description}
        </Text>
        <Text as="p" tone="subdued" variant="bodySm">
          Gave up {letter.failedAt}: {letter.error}
        </Text>
      </BlockStack>
      <retry.Form method="post">
        <input type="hidden" name="intent" value="retry-dead-letter" />
        <input type="hidden" name="id" value={letter.id} />
        <Button submit loading={retry.state !== "idle"} accessibilityLabel={`Retry: ${letter.description}`}>
          Retry
        </Button>
      </retry.Form>
    </InlineStack>
  );
}
