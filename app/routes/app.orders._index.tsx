import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useEffect } from "react";
import { useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, Card, IndexTable, InlineStack, Link, Page, Select, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { readAdminForm } from "~/services/admin-forms/admin-form.server";
import { formatDateTime } from "~/domain/date-time";
import { formatDollars } from "~/domain/money";
import { ROUTING_FLAG_LABELS } from "~/domain/routing/flag-labels";
import { ROUTING_FLAGS } from "~/domain/routing/types";
import { listRoutedOrders, type ListRoutedOrdersOptions } from "~/services/routing/orders.server";
import { answerDeadLetterRetry, listShopDeadLetters } from "~/services/dead-letters/dead-letters.server";
import { shopTimeZone } from "~/services/shop/shop-time-zone.server";
import { DeadLetterCard } from "~/components/DeadLetterCard";
import { CursorPagination } from "~/components/CursorPagination";

const STATUSES = ["ROUTED", "SPLIT", "UNROUTABLE"] as const;
const MOVE_STATUSES = ["PENDING", "DONE", "FAILED", "NONE"] as const;
const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  // Unknown filter values are ignored rather than refused: the page still shows every order.
  const options: ListRoutedOrdersOptions = { take: PAGE_SIZE };
  const status = oneOf(params.get("status"), STATUSES);
  const flag = oneOf(params.get("flag"), ROUTING_FLAGS);
  const moveStatus = oneOf(params.get("moves"), MOVE_STATUSES);
  // A cursor is an id the page handed out; anything else starts from the first page.
  const cursor = UUID.test(params.get("cursor") ?? "") ? params.get("cursor") : null;
  if (status) options.status = status;
  if (flag) options.flag = flag;
  if (moveStatus) options.moveStatus = moveStatus;
  if (cursor) options.cursor = cursor;
  const [page, deadLetters, timeZone] = await Promise.all([
    listRoutedOrders(session.shop, options),
    listShopDeadLetters(session.shop),
    shopTimeZone(session.shop),
  ]);
  return {
    deadLetters: deadLetters.map((letter) => ({ ...letter, failedAt: formatDateTime(letter.failedAt, timeZone) })),
    rows: page.rows.map((row) => ({
      ...row,
      placedAt: row.placedAt?.toISOString() ?? null,
      decidedAt: row.decidedAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
};

/** Retries work that gave up (the dead letters listed above the orders). */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return answerDeadLetterRetry(session.shop, await readAdminForm(request));
};

const STATUS_TONE = { ROUTED: "success", SPLIT: "attention", UNROUTABLE: "critical" } as const;
const MOVE_LABEL = { PENDING: "Moving", DONE: "Moved", FAILED: "Move failed", NONE: "Nothing to move" } as const;

function label(value: string): string {
  return value.charAt(0) + value.slice(1).toLowerCase().replaceAll("_", " ");
}

const REFRESH_EVERY_MS = 5000;

/** New orders are routed within seconds: the list refreshes itself while the merchant looks at it. */
function useLiveRefresh(): void {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && state === "idle") revalidate();
    }, REFRESH_EVERY_MS);
    return () => clearInterval(timer);
  }, [revalidate, state]);
}

export default function OrdersPage() {
  const { rows, nextCursor, deadLetters } = useLoaderData<typeof loader>();
  useLiveRefresh();
  const [params, setParams] = useSearchParams();
  const filter = (key: string) => (value: string) => {
    const next = new URLSearchParams(params);
    next.delete("cursor");
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const any = { label: "Any", value: "" };

  return (
    <Page>
      <TitleBar title="Orders" />
      <BlockStack gap="400">
        <DeadLetterCard letters={deadLetters} />
        <Card>
          <InlineStack gap="400">
            <Select
              label="Decision"
              options={[any, ...STATUSES.map((value) => ({ label: label(value), value }))]}
              value={params.get("status") ?? ""}
              onChange={filter("status")}
            />
            <Select
              label="Flag"
              options={[any, ...ROUTING_FLAGS.map((value) => ({ label: ROUTING_FLAG_LABELS[value], value }))]}
              value={params.get("flag") ?? ""}
              onChange={filter("flag")}
            />
            <Select
              label="Move"
              options={[any, ...MOVE_STATUSES.map((value) => ({ label: MOVE_LABEL[value], value }))]}
              value={params.get("moves") ?? ""}
              onChange={filter("moves")}
            />
          </InlineStack>
        </Card>
        <Card padding="0">
          <IndexTable
            resourceName={{ singular: "order", plural: "orders" }}
            itemCount={rows.length}
            selectable={false}
            emptyState={
              <BlockStack gap="200" inlineAlign="center">
                <Text as="p" tone="subdued">
                  No routed orders
                  {params.toString()
                    ? " match these filters"
                    : " yet: each online order appears here once Omniroute has routed it"}
                  .
                </Text>
              </BlockStack>
            }
            headings={[
              { title: "Order" },
              { title: "Decision" },
              { title: "Fulfilled from" },
              { title: "Cost", alignment: "end" },
              { title: "Flags" },
              { title: "Move" },
            ]}
          >
            {rows.map((row, index) => (
              <IndexTable.Row id={row.orderId} key={row.orderId} position={index}>
                <IndexTable.Cell>
                  {/* The row's primary link: a click anywhere on the row opens the order. */}
                  <Link url={`/app/orders/${row.orderId}`} dataPrimaryLink monochrome removeUnderline>
                    <Text as="span" fontWeight="semibold">
                      {row.name}
                    </Text>
                  </Link>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge tone={STATUS_TONE[row.status]}>{label(row.status)}</Badge>
                </IndexTable.Cell>
                <IndexTable.Cell>{row.chosenLocationNames.join(", ") || "—"}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {formatDollars(row.cost)}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <InlineStack gap="100">
                    {row.flags.map((flag) => (
                      <Badge key={flag} tone="warning">
                        {ROUTING_FLAG_LABELS[flag]}
                      </Badge>
                    ))}
                  </InlineStack>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Badge
                    tone={row.moveStatus === "FAILED" ? "critical" : row.moveStatus === "PENDING" ? "info" : undefined}
                  >
                    {MOVE_LABEL[row.moveStatus]}
                  </Badge>
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
        <CursorPagination nextCursor={nextCursor} />
      </BlockStack>
    </Page>
  );
}
