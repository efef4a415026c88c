import { formatDateTime } from "~/domain/date-time";
import { memo, useDeferredValue, useId, useMemo, useState } from "react";
import { useFetcher } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  ChoiceList,
  FormLayout,
  InlineStack,
  Layout,
  List,
  Select,
  TextField,
} from "@shopify/polaris";
import { useFormFields } from "~/components/use-form-fields";
import type { DraftOrderForm } from "~/domain/routing-settings/draft-order";
import { SETTINGS_FIELDS, type SettingsForm } from "~/domain/routing-settings/settings-form";
import { LocationPicker } from "~/components/LocationPicker";
import type { LocationPick, RecentOrderOption } from "~/services/routing-settings/settings-page.server";
import type { action } from "./route";

const DELIVERY_LABELS: Record<string, string> = {
  SHIPPING: "Ship",
  PICK_UP: "Pickup",
  LOCAL_DELIVERY: "Same-day delivery",
};

/** "#1001 · Pickup · 2026-03-12 09:05 CDT · at Loop", as merchants recognise an order. */
function recentOrderLabel(order: RecentOrderOption, timeZone: string): string {
  const placed = formatDateTime(order.placedAt, timeZone);
  const delivery = order.deliveryMethod ? DELIVERY_LABELS[order.deliveryMethod] : "Delivery not known yet";
  const where = !order.decision
    ? "not routed yet"
    : order.decision.status === "UNROUTABLE"
      ? "unroutable"
      : `at ${order.decision.locationNames.join(" + ")}`;
  return [order.name, delivery, placed, where].join(" · ");
}

interface TryItProps {
  /** Where the hand-made order starts: near the first store, picked up at the first pickup store. */
  start: { near: LocationPick | null; pickup: LocationPick | null };
  recentOrders: readonly RecentOrderOption[];
  /** The shop's, in which the orders' times are shown. */
  timeZone: string;
}

/**
 * Routes a recent order, or a hand-made one, under the rules as they stand in the rules form,
 * against current stock. Nothing is saved and no order moves.
 *
 * The rules are posted from hidden fields tied to the panel's form by its id (the `form`
 * attribute) and kept outside it: a keystroke in the rules form then updates those fields only,
 * and the panel itself, memoised, is not rendered again.
 */
export function TryItPanel({
  rules,
  ...props
}: TryItProps & {
  /** The rules form as typed, posted with the order to try. */
  rules: Required<SettingsForm>;
}) {
  const formId = useId();
  return (
    <>
      {SETTINGS_FIELDS.map((key) => (
        <input key={key} type="hidden" form={formId} name={key} value={rules[key]} />
      ))}
      <TryItForm formId={formId} {...props} />
    </>
  );
}

const TryItForm = memo(function TryItForm({ formId, start, recentOrders, timeZone }: TryItProps & { formId: string }) {
  const tryIt = useFetcher<typeof action>();
  const [order, setOrderField] = useFormFields<Required<DraftOrderForm>>({
    deliveryMethod: "SHIPPING",
    nearLocationId: start.near?.id ?? "",
    pickupLocationId: start.pickup?.id ?? "",
    shippingMethod: "Standard",
    items: "",
  });
  const [source, setSource] = useState<"RECENT" | "HAND_MADE">(recentOrders.length > 0 ? "RECENT" : "HAND_MADE");
  const [recentOrderId, setRecentOrderId] = useState(recentOrders[0]?.orderId ?? "");
  // The chosen locations' names, shown by their pickers.
  const [nearName, setNearName] = useState(start.near?.name ?? null);
  const [pickupName, setPickupName] = useState(start.pickup?.name ?? null);
  // The hand-made order's fields are built a moment after the choice, in a render of their own, so
  // the radio's answer paints at once.
  const sourceShown = useDeferredValue(source);

  const tried = tryIt.data?.intent === "try" ? tryIt.data.outcome : null;
  const tryErrors = tried && !tried.ok ? { ...tried.settingsErrors, ...tried.orderErrors } : {};
  const recentOrderOptions = useMemo(
    () => recentOrders.map((recent) => ({ label: recentOrderLabel(recent, timeZone), value: recent.orderId })),
    [recentOrders, timeZone],
  );

  return (
    <Layout.AnnotatedSection
      title="Try it"
      description="Route one of your recent orders, or a made-up one, under the rules above as they stand in the form, against your current stock. Nothing is saved and no order moves."
    >
      <tryIt.Form method="post" id={formId}>
        <input type="hidden" name="intent" value="try" />
        {/* What the fields below show, so a submit between the choice and their render posts a whole order. */}
        <input type="hidden" name="source" value={sourceShown} />
        <Card>
          <FormLayout>
            <ChoiceList
              title="Order"
              choices={[
                {
                  label: "A recent order",
                  value: "RECENT",
                  disabled: recentOrders.length === 0,
                  helpText:
                    recentOrders.length === 0
                      ? "No orders recorded yet: they appear here once shoppers place them."
                      : `One of your last ${recentOrders.length} orders, as it was placed.`,
                },
                { label: "A hand-made order", value: "HAND_MADE" },
              ]}
              selected={[source]}
              onChange={([chosen]) => setSource(chosen === "RECENT" ? "RECENT" : "HAND_MADE")}
            />
            {sourceShown === "RECENT" ? (
              <Select
                label="Recent order"
                name="orderId"
                placeholder="Choose an order"
                options={recentOrderOptions}
                value={recentOrderId}
                onChange={setRecentOrderId}
                error={tryErrors.orderId}
              />
            ) : (
              // One item of the outer layout: the hand-made order's fields, spaced alike.
              <FormLayout>
                <Select
                  label="Delivery"
                  name="deliveryMethod"
                  options={[
                    { label: "Ship to the shopper", value: "SHIPPING" },
                    { label: "Pick up in store", value: "PICK_UP" },
                    { label: "Same-day local delivery", value: "LOCAL_DELIVERY" },
                  ]}
                  value={order.deliveryMethod}
                  onChange={setOrderField("deliveryMethod")}
                  error={tryErrors.deliveryMethod}
                />
                {order.deliveryMethod === "PICK_UP" ? (
                  <LocationPicker
                    label="Pickup store"
                    name="pickupLocationId"
                    scope="PICKUP"
                    value={order.pickupLocationId}
                    selectedName={pickupName}
                    onChange={(id, name) => {
                      setOrderField("pickupLocationId")(id);
                      setPickupName(name);
                    }}
                    error={tryErrors.pickupLocationId}
                  />
                ) : (
                  <LocationPicker
                    label="Shopper lives near"
                    name="nearLocationId"
                    scope="PLACED"
                    value={order.nearLocationId}
                    selectedName={nearName}
                    onChange={(id, name) => {
                      setOrderField("nearLocationId")(id);
                      setNearName(name);
                    }}
                    error={tryErrors.nearLocationId}
                  />
                )}
                {order.deliveryMethod === "SHIPPING" && (
                  <TextField
                    label="Shipping method"
                    name="shippingMethod"
                    autoComplete="off"
                    value={order.shippingMethod}
                    onChange={setOrderField("shippingMethod")}
                  />
                )}
                <TextField
                  label="Items"
                  name="items"
                  multiline={3}
                  autoComplete="off"
                  placeholder={"TEE-BLK-M 2\nHOODIE-GRY-L 1"}
                  value={order.items}
                  onChange={setOrderField("items")}
                  error={tryErrors.items}
                  helpText="One a line: SKU, then quantity."
                />
              </FormLayout>
            )}
            {Object.keys(tried && !tried.ok ? tried.settingsErrors : {}).length > 0 && (
              <Banner tone="warning">
                <p>Fix the rules above first: some fields are not valid.</p>
              </Banner>
            )}
            <InlineStack align="end">
              <Button submit loading={tryIt.state !== "idle"}>
                Route under draft rules
              </Button>
            </InlineStack>
            {tried?.ok && (
              <Box>
                <BlockStack gap="200">
                  {tried.comparison && (
                    <Banner
                      tone={tried.comparison.changed ? "warning" : "info"}
                      title={
                        tried.comparison.changed
                          ? "Your draft changes where this order goes"
                          : "Your draft sends this order where the live rules would"
                      }
                    >
                      <BlockStack gap="100">
                        {tried.comparison.sentences.map((sentence, index) => (
                          <p key={index}>{sentence}</p>
                        ))}
                      </BlockStack>
                    </Banner>
                  )}
                  <InlineStack gap="200">
                    <Badge tone={tried.decision.status === "UNROUTABLE" ? "critical" : "success"}>
                      {tried.decision.status}
                    </Badge>
                    {tried.decision.flags.map((flag) => (
                      <Badge key={flag} tone="attention">
                        {flag}
                      </Badge>
                    ))}
                  </InlineStack>
                  <List type="bullet">
                    {tried.explanation.map((sentence, index) => (
                      <List.Item key={index}>{sentence}</List.Item>
                    ))}
                  </List>
                </BlockStack>
              </Box>
            )}
          </FormLayout>
        </Card>
      </tryIt.Form>
    </Layout.AnnotatedSection>
  );
});
