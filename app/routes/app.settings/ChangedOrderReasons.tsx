import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Button, InlineGrid, List, Text } from "@shopify/polaris";
import type { OrderExplanation } from "~/services/routing-comparison/explain-order.server";

type Explained = Extract<OrderExplanation, { ok: true }>;
type ReasonsReply = { explanation: Explained } | { error: string };

/**
 * "Why?" on an order the draft sends elsewhere: asks for both rule sets' reasons
 * (app.routing-comparisons.$comparisonId_.orders.$orderId) and shows them side by side. The order
 * is replayed again for it, which at a national chain takes a few seconds: the button says so.
 */
export function ChangedOrderReasons({ comparisonId, orderId }: { comparisonId: string; orderId: string }) {
  const reasons = useFetcher<ReasonsReply>();
  const reply = reasons.data;
  const loading = reasons.state !== "idle";
  if (!reply || loading) {
    return (
      <div>
        <Button
          variant="plain"
          loading={loading}
          accessibilityLabel={`Why the live and draft rules send order ${orderId} where they do`}
          onClick={() => reasons.load(`/app/routing-comparisons/${comparisonId}/orders/${encodeURIComponent(orderId)}`)}
        >
          Why?
        </Button>
      </div>
    );
  }
  if ("error" in reply) {
    return (
      <Banner tone="warning">
        <p>{reply.error}</p>
      </Banner>
    );
  }
  const { explanation } = reply;
  return (
    <BlockStack gap="200">
      {explanation.matchesReport ? null : (
        <Banner tone="warning">
          <p>
            Stock has moved since this comparison, so replayed now the order goes elsewhere than the report says.
            Compare again for reasons that match.
          </p>
        </Banner>
      )}
      <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
        {(
          [
            ["Live rules", explanation.live],
            ["Draft rules", explanation.draft],
          ] as const
        ).map(([title, side]) => (
          <BlockStack gap="100" key={title}>
            <Text as="h4" variant="headingXs">
              {title}
            </Text>
            <List type="bullet">
              {side.sentences.map((sentence, index) => (
                <List.Item key={index}>{sentence}</List.Item>
              ))}
            </List>
          </BlockStack>
        ))}
      </InlineGrid>
    </BlockStack>
  );
}
