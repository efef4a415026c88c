import { Badge, BlockStack, Card, DataTable, InlineStack, Text } from "@shopify/polaris";
import type { MessageView } from "~/services/notifications/messages/message-view";

/**
 * What the shopper was told about the order, and when: the app's messages (planned, sent,
 * delivered, failed, skipped and why) and Shopify's own, in the order they went.
 */
export function CustomerMessagesCard({ messages }: { messages: MessageView[] }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Customer messages
        </Text>
        {messages.length === 0 ? (
          <Text as="p" tone="subdued">
            No messages for this order yet
          </Text>
        ) : (
          <DataTable
            columnContentTypes={["text", "text", "text", "text", "text"]}
            headings={["Message", "Channel", "Status", "When", "To"]}
            rows={messages.map((message) => [
              message.description,
              <Badge key="channel">{message.channelLabel}</Badge>,
              <MessageStatus key="status" message={message} />,
              message.at,
              message.recipient ?? "—",
            ])}
          />
        )}
      </BlockStack>
    </Card>
  );
}

/** The status in words, and the note the words leave out ("Resent by …"). */
export function MessageStatus({ message }: { message: MessageView }) {
  return (
    <BlockStack gap="100">
      <InlineStack>
        <Badge tone={message.tone ?? undefined}>{message.statusLabel}</Badge>
      </InlineStack>
      {message.note && (
        <Text as="span" tone="subdued" variant="bodySm">
          {message.note}
        </Text>
      )}
    </BlockStack>
  );
}
