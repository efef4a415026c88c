import { useEffect } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, IndexTable, Link, Page, Text } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { MessageStatus } from "~/components/CustomerMessagesCard";
import { readAdminForm } from "~/services/admin-forms/admin-form.server";
import {
  messageLog,
  readMessageLogQuery,
  resendFailedMessage,
} from "~/services/notifications/messages/messages.server";
import { shopTimeZone } from "~/services/shop/shop-time-zone.server";
import { MessageFilters } from "./MessageFilters";
import { CursorPagination } from "~/components/CursorPagination";

const PAGE_SIZE = 25;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const query = readMessageLogQuery(new URL(request.url).searchParams);
  const timeZone = await shopTimeZone(session.shop);
  return messageLog(session.shop, query, timeZone, PAGE_SIZE);
};

export type ResendAnswer = { resent: true } | { resent: false; error: string };

const REFUSED_BECAUSE = {
  SCHEDULED: "it is already scheduled",
  SENDING: "it is being sent",
  SENT: "it was sent",
  DELIVERED: "it was delivered",
  UNKNOWN: "its send is being checked with the provider",
  CANCELLED: "it was cancelled",
  SKIPPED: "it was not sent by decision",
} as const;

/** Resend: a FAILED message goes back to the sending job's queue, due now; nothing else is resent. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const form = await readAdminForm(request);
  const id = form.get("id");
  if (form.get("intent") !== "resend" || typeof id !== "string") {
    return Response.json({ resent: false, error: "Send intent=resend with the id of the message" }, { status: 400 });
  }
  const by = sessionToken?.sub ? `Staff member ${sessionToken.sub}` : "staff";
  const result = await resendFailedMessage(session.shop, id, by, new Date());
  const answer = (body: ResendAnswer, status: number) => Response.json(body, { status });
  if (result.outcome === "RESENT") return answer({ resent: true }, 200);
  if (result.outcome === "NOT_FOUND") return answer({ resent: false, error: "No such message" }, 404);
  if (result.outcome === "FELL_BACK") {
    const by = result.channel === "EMAIL" ? "email" : result.channel === "SMS" ? "text" : "push notification";
    return answer({ resent: false, error: `Already sent by ${by} instead: it is not sent twice` }, 409);
  }
  if (result.status === "FAILED") return answer({ resent: false, error: "Try again" }, 409);
  return answer(
    { resent: false, error: `Only a failed message can be resent: ${REFUSED_BECAUSE[result.status]}` },
    409,
  );
};

function ResendButton({ id }: { id: string }) {
  const resend = useFetcher<ResendAnswer>();
  const shopify = useAppBridge();
  useEffect(() => {
    if (resend.state !== "idle" || !resend.data) return;
    if (resend.data.resent) shopify.toast.show("Message queued to send again");
    else shopify.toast.show(resend.data.error, { isError: true });
  }, [resend.state, resend.data, shopify]);
  return (
    <resend.Form method="post">
      <input type="hidden" name="intent" value="resend" />
      <input type="hidden" name="id" value={id} />
      <Button submit size="slim" loading={resend.state !== "idle"}>
        Resend
      </Button>
    </resend.Form>
  );
}

export default function MessagesPage() {
  const { rows, nextCursor, storeName } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const filtered = ["status", "channel", "store", "from", "to"].some((key) => params.has(key));

  return (
    <Page>
      <TitleBar title="Messages" />
      <BlockStack gap="400">
        <MessageFilters storeName={storeName} />
        <Card padding="0">
          <IndexTable
            // New filters bring new rows rather than moving the old ones about (no layout shift).
            key={params.toString()}
            resourceName={{ singular: "message", plural: "messages" }}
            itemCount={rows.length}
            selectable={false}
            loading={navigation.state === "loading"}
            emptyState={
              <BlockStack gap="200" inlineAlign="center">
                <Text as="p" tone="subdued">
                  {filtered
                    ? "No messages match these filters."
                    : "No customer messages yet: each order's messages appear here once they are planned."}
                </Text>
              </BlockStack>
            }
            headings={[
              { title: "When" },
              { title: "Order" },
              { title: "Message" },
              { title: "Channel" },
              { title: "Status" },
              { title: "To" },
              { title: "Store" },
              { title: "" },
            ]}
          >
            {rows.map((row, index) => (
              <IndexTable.Row id={row.id} key={row.id} position={index}>
                <IndexTable.Cell>{row.at}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Link url={`/app/orders/${row.orderId}`} removeUnderline>
                    <Text as="span" fontWeight="semibold">
                      {row.orderName}
                    </Text>
                  </Link>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" breakWord>
                    {row.description}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge>{row.channelLabel}</Badge>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <MessageStatus message={row} />
                </IndexTable.Cell>
                <IndexTable.Cell>{row.recipient ?? "—"}</IndexTable.Cell>
                <IndexTable.Cell>{row.storeName ?? "—"}</IndexTable.Cell>
                <IndexTable.Cell>{row.canResend && <ResendButton id={row.id} />}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
        <CursorPagination nextCursor={nextCursor} />
      </BlockStack>
    </Page>
  );
}
