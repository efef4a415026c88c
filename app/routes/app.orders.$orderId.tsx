import { useEffect } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineStack,
  Layout,
  List,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { CustomerMessagesCard } from "~/components/CustomerMessagesCard";
import { StorePhotoThumbnails } from "~/components/StorePhotoThumbnails";
import { formatDateTime } from "~/domain/date-time";
import { formatDollars } from "~/domain/money";
import { PASS_DAYS_AFTER_PICKUP_ENDS } from "~/domain/pickup-pass/pickup-pass";
import { orderPromiseView, type OrderPromiseView } from "~/services/checkout-pickup/order-promise.server";
import { pickupPassLinkOfOrder, type MerchantPassLink } from "~/services/pickup-pass/pickup-pass.server";
import { customerMessagesOfOrder } from "~/services/notifications/messages/messages.server";
import { uncollectedCancellationOfOrder } from "~/services/notifications/uncollected/order-cancellation-line.server";
import { getRoutedOrder, retryFailedMoves } from "~/services/routing/orders.server";
import { shopTimeZone } from "~/services/shop/shop-time-zone.server";
import { storeTimelineOfOrder } from "~/services/store-tasks/order-timeline.server";
import type { StoreTaskTimelineView } from "~/services/store-tasks/order-timeline.server";

// Shopify order ids are numbers; anything else cannot name an order of this shop.
const ORDER_ID = /^\d{1,20}$/;

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const orderId = params.orderId ?? "";
  if (!ORDER_ID.test(orderId)) throw new Response("This order has not been routed by Omniroute", { status: 404 });
  // The order's parts are independent reads: asked together, the page waits for the slowest, not their sum.
  const [order, timeZone] = await Promise.all([getRoutedOrder(session.shop, orderId), shopTimeZone(session.shop)]);
  if (!order) throw new Response("This order has not been routed by Omniroute", { status: 404 });
  const [storeTimeline, pickupPass, pickupPromise, customerMessages, uncollectedCancellation] = await Promise.all([
    storeTimelineOfOrder(session.shop, orderId, timeZone),
    pickupPassLinkOfOrder(session.shop, orderId),
    orderPromiseView(session.shop, orderId, timeZone),
    customerMessagesOfOrder(session.shop, orderId, timeZone),
    uncollectedCancellationOfOrder(session.shop, orderId, timeZone),
  ]);
  return {
    customerMessages,
    uncollectedCancellation,
    storeTimeline,
    pickupPass,
    pickupPromise,
    ...order,
    placedAt: order.placedAt?.toISOString() ?? null,
    // Formatted here, in the shop's time zone, so the server's and the browser's render agree.
    decidedAt: formatDateTime(order.decidedAt, timeZone),
    cancelledAt: order.cancelledAt?.toISOString() ?? null,
    moves: order.moves.map((move) => ({ ...move, updatedAt: move.updatedAt.toISOString() })),
  };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const orderId = params.orderId ?? "";
  if (!ORDER_ID.test(orderId)) return Response.json({ result: "NOT_ROUTED" }, { status: 404 });
  const result = await retryFailedMoves(session.shop, orderId);
  return Response.json({ result }, { status: result === "NOT_ROUTED" ? 404 : 200 });
};

const MOVE_STATUS_TONE = { MOVED: "success", ALREADY_THERE: "success", PENDING: "info", FAILED: "critical" } as const;

export default function RoutedOrderPage() {
  const order = useLoaderData<typeof loader>();
  const retry = useFetcher<{ result: string }>();
  const shopify = useAppBridge();
  const failed = order.moves.some((move) => move.status === "FAILED");

  useEffect(() => {
    if (retry.state === "idle" && retry.data?.result === "QUEUED") shopify.toast.show("Moving again");
  }, [retry.state, retry.data, shopify]);

  return (
    <Page backAction={{ content: "Orders", url: "/app/orders" }} title={order.name}>
      <TitleBar title={`Order ${order.name}`} />
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack gap="200">
                <Badge tone={order.status === "UNROUTABLE" ? "critical" : "success"}>{order.status}</Badge>
                {order.flags.map((flag) => (
                  <Badge key={flag} tone="warning">
                    {flag}
                  </Badge>
                ))}
                {order.cancelledAt && <Badge>Cancelled</Badge>}
              </InlineStack>
              {order.pickupPromise && <PickupPromiseLine promise={order.pickupPromise} />}
              {order.uncollectedCancellation && (
                <Text as="p" tone={order.uncollectedCancellation.tone === "critical" ? "critical" : undefined}>
                  {order.uncollectedCancellation.text} ({order.uncollectedCancellation.at})
                </Text>
              )}
              <Text as="h2" variant="headingMd">
                Why it went there
              </Text>
              <List type="bullet">
                {order.explanation.map((sentence, index) => (
                  <List.Item key={index}>{sentence}</List.Item>
                ))}
              </List>
              <Text as="p" tone="subdued" variant="bodySm">
                Decided {order.decidedAt} under{" "}
                {order.settingsVersion === null ? "the default rules" : `rules version ${order.settingsVersion}`};
                Shopify API cost {order.apiCostPoints} points.
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <DataTable
              columnContentTypes={["text", "text", "numeric", "numeric"]}
              headings={["Location", "Items", "Miles", "Cost"]}
              rows={order.assignments.map((assignment) => [
                assignment.locationName,
                assignment.lines.map((line) => `${line.quantity} × ${line.sku}`).join(", "),
                assignment.distanceMiles.toFixed(1),
                formatDollars(assignment.cost),
              ])}
            />
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  Moves in Shopify
                </Text>
                {failed && (
                  <retry.Form method="post">
                    <Button submit loading={retry.state !== "idle"}>
                      Retry failed moves
                    </Button>
                  </retry.Form>
                )}
              </InlineStack>
              {order.moves.length ? (
                <List type="bullet">
                  {order.moves.map((move) => (
                    <List.Item key={`${move.fulfillmentOrderId}-${move.toLocationId}`}>
                      <InlineStack gap="200" blockAlign="center">
                        <Badge tone={MOVE_STATUS_TONE[move.status]}>{move.status}</Badge>
                        <Text as="span">
                          {move.fromLocationName} → {move.toLocationName}
                          {move.error ? `: ${move.error}` : ""} ({move.attempts}{" "}
                          {move.attempts === 1 ? "attempt" : "attempts"})
                        </Text>
                      </InlineStack>
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text as="p" tone="subdued">
                  Nothing to move: Shopify had already assigned the order where Omniroute decided.
                </Text>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
        {order.pickupPass && (
          <Layout.Section>
            <PickupPassCard link={order.pickupPass} />
          </Layout.Section>
        )}
        <Layout.Section>
          <StoreTimelineCard tasks={order.storeTimeline} />
        </Layout.Section>
        <Layout.Section>
          <CustomerMessagesCard messages={order.customerMessages} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

/** What the shopper was promised at checkout, and the store task's due time that follows it. */
function PickupPromiseLine({ promise }: { promise: OrderPromiseView }) {
  return (
    <BlockStack gap="100">
      <Text as="p" variant="bodyMd" fontWeight="semibold">
        {promise.summary}
      </Text>
      <Text as="p" tone="subdued" variant="bodySm">
        {[
          promise.origin,
          promise.note,
          `as of the order, ${promise.promisedAt}`,
          promise.taskDueAt && `the store's task is due ${promise.taskDueAt}`,
        ]
          .filter(Boolean)
          .join("; ")}
      </Text>
    </BlockStack>
  );
}

/** The shopper's pickup pass (code, QR code, "I'm here"), to open or to send them. */
function PickupPassCard({ link }: { link: MerchantPassLink }) {
  const shopify = useAppBridge();
  const copy = () =>
    navigator.clipboard.writeText(link.url).then(
      () => shopify.toast.show("Pickup pass link copied"),
      // The admin's frame may not be allowed the clipboard: the link is in the field to select.
      () => shopify.toast.show("Select the link and copy it", { isError: true }),
    );
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Pickup pass
          </Text>
          <Button url={link.url} target="_blank">
            Open pickup pass
          </Button>
        </InlineStack>
        <Text as="p" tone="subdued">
          {link.live
            ? "The shopper's pass: store, hours, ready-by, status, pickup code and QR code, and \"I'm here\" for curbside."
            : `This pass no longer opens: the order's pickup ended over ${PASS_DAYS_AFTER_PICKUP_ENDS} days ago.`}
        </Text>
        <TextField
          label="Link"
          value={link.url}
          readOnly
          selectTextOnFocus
          autoComplete="off"
          connectedRight={<Button onClick={copy}>Copy</Button>}
        />
      </BlockStack>
    </Card>
  );
}

/** A timeline step's words, a problem in red, and the associate's photos of it. */
function StepLabel({ step }: { step: StoreTaskTimelineView["steps"][number] }) {
  const label = step.problem ? <Badge tone="critical">{step.label}</Badge> : step.label;
  if (!step.photos) return label;
  return (
    <BlockStack gap="100">
      {label}
      <StorePhotoThumbnails photos={step.photos} />
    </BlockStack>
  );
}

const TASK_KIND_WORDS = { PICKUP: "Pickup", SHIP: "Ship from store", LOCAL_DELIVERY: "Local delivery" } as const;

/** Each store's work on the order, step by step: who did it, when, and how long it took. */
function StoreTimelineCard({ tasks }: { tasks: StoreTaskTimelineView[] }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          At the store
        </Text>
        {tasks.length === 0 ? (
          <Text as="p" tone="subdued">
            No store has worked on this order.
          </Text>
        ) : (
          tasks.map((task) => (
            <BlockStack key={task.taskId} gap="200">
              <InlineStack gap="200" blockAlign="center">
                <Text as="h3" variant="headingSm">
                  {task.locationName}
                </Text>
                <Badge>{TASK_KIND_WORDS[task.kind]}</Badge>
              </InlineStack>
              <DataTable
                columnContentTypes={["text", "text", "text", "text"]}
                headings={["Step", "When", "Who", "Took"]}
                rows={task.steps.map((step) => [
                  <StepLabel key="step" step={step} />,
                  step.at,
                  step.staff ?? "—",
                  step.took ?? "—",
                ])}
              />
            </BlockStack>
          ))
        )}
      </BlockStack>
    </Card>
  );
}
