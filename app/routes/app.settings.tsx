import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  DataTable,
  FormLayout,
  InlineStack,
  Layout,
  List,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useFormFields } from "~/components/use-form-fields";
import { authenticate } from "~/shopify.server";
import type { DraftOrderForm } from "~/domain/routing-settings/draft-order";
import type { SettingsForm } from "~/domain/routing-settings/parse-settings";
import { toSettingsForm } from "~/domain/routing-settings/stored-settings";
import {
  loadSettingsPage,
  saveRoutingSettings,
  tryRecentOrder,
  tryRoutingSettings,
  type RecentOrderOption,
} from "~/services/routing-settings.server";

const SETTINGS_FIELDS = [
  "storeMinUnits",
  "radiusMiles",
  "maxExtraCostOverWarehouse",
  "allowSplit",
  "defaultServiceLevel",
  "shippingMethodRules",
] as const satisfies readonly (keyof SettingsForm)[];
const ORDER_FIELDS = ["deliveryMethod", "nearLocationId", "pickupLocationId", "shippingMethod", "items"] as const;

function fieldsOf<Key extends string>(form: FormData, keys: readonly Key[]): Partial<Record<Key, string>> {
  const values: Partial<Record<Key, string>> = {};
  for (const key of keys) {
    const value = form.get(key);
    if (typeof value === "string") values[key] = value;
  }
  return values;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return loadSettingsPage(session.shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const form = await request.formData();
  const settings = fieldsOf(form, SETTINGS_FIELDS);
  if (form.get("intent") === "try") {
    // A recent order the app recorded, or (the default) a hand-made one.
    const outcome =
      form.get("source") === "RECENT"
        ? await tryRecentOrder(session.shop, settings, fieldsOf(form, ["orderId"]).orderId, new Date())
        : await tryRoutingSettings(session.shop, settings, fieldsOf(form, ORDER_FIELDS), new Date());
    return { intent: "try" as const, outcome };
  }
  const changedBy = sessionToken?.sub ? `Staff member ${sessionToken.sub}` : null;
  return { intent: "save" as const, outcome: await saveRoutingSettings(session.shop, settings, changedBy) };
};

const DELIVERY_LABELS: Record<string, string> = {
  SHIPPING: "Ship",
  PICK_UP: "Pickup",
  LOCAL_DELIVERY: "Same-day delivery",
};

/** "#1001 · Pickup · 2026-03-12 14:05 UTC · at Loop", as merchants recognise an order. */
function recentOrderLabel(order: RecentOrderOption): string {
  const placed = `${order.placedAt.slice(0, 16).replace("T", " ")} UTC`;
  const delivery = order.deliveryMethod ? DELIVERY_LABELS[order.deliveryMethod] : "Delivery not known yet";
  const where = !order.decision
    ? "not routed yet"
    : order.decision.status === "UNROUTABLE"
      ? "unroutable"
      : `at ${order.decision.locationNames.join(" + ")}`;
  return [order.name, delivery, placed, where].join(" · ");
}

const SERVICE_LEVEL_OPTIONS = [
  { label: "Standard", value: "STANDARD" },
  { label: "Next day", value: "NEXT_DAY" },
  { label: "Same day", value: "SAME_DAY" },
];

export default function RoutingSettingsPage() {
  const { current, version, history, places, recentOrders } = useLoaderData<typeof loader>();
  const saved = useActionData<typeof action>();
  const navigation = useNavigation();
  const tryIt = useFetcher<typeof action>();
  const shopify = useAppBridge();
  const [form, set] = useFormFields(() => toSettingsForm(current));
  const [order, setOrderField] = useFormFields<Required<DraftOrderForm>>({
    deliveryMethod: "SHIPPING",
    nearLocationId: places.find((place) => place.kind === "STORE")?.id ?? "",
    pickupLocationId: places.find((place) => place.pickupEnabled)?.id ?? "",
    shippingMethod: "Standard",
    items: "",
  });
  const [source, setSource] = useState<"RECENT" | "HAND_MADE">(recentOrders.length > 0 ? "RECENT" : "HAND_MADE");
  const [recentOrderId, setRecentOrderId] = useState(recentOrders[0]?.orderId ?? "");

  const saveErrors = saved?.intent === "save" && !saved.outcome.ok ? saved.outcome.errors : {};
  const tried = tryIt.data?.intent === "try" ? tryIt.data.outcome : null;
  const tryErrors = tried && !tried.ok ? { ...tried.settingsErrors, ...tried.orderErrors } : {};
  const savedVersion = saved?.intent === "save" && saved.outcome.ok ? saved.outcome.version : null;

  useEffect(() => {
    if (savedVersion !== null) shopify.toast.show(`Routing rules saved (version ${savedVersion})`);
  }, [savedVersion, shopify]);

  const placeOptions = places.map((place) => ({ label: place.name, value: place.id }));

  return (
    <Page>
      <TitleBar title="Routing rules" />
      <Layout>
        <Layout.AnnotatedSection
          title="Rules"
          description="How Omniroute chooses the store or warehouse for each online order. Every save is kept as a version."
        >
          <Form method="post">
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="allowSplit" value={form.allowSplit} />
            <Card>
              <FormLayout>
                {Object.keys(saveErrors).length > 0 && (
                  <Banner tone="critical" title="The rules were not saved">
                    <p>Fix the fields marked below.</p>
                  </Banner>
                )}
                <FormLayout.Group>
                  <TextField
                    label="Store minimum units"
                    name="storeMinUnits"
                    type="number"
                    autoComplete="off"
                    value={form.storeMinUnits}
                    onChange={set("storeMinUnits")}
                    error={saveErrors.storeMinUnits}
                    helpText="Use a store's stock of an item only if it has at least this many units."
                  />
                  <TextField
                    label="Radius"
                    name="radiusMiles"
                    type="number"
                    suffix="miles"
                    autoComplete="off"
                    value={form.radiusMiles}
                    onChange={set("radiusMiles")}
                    error={saveErrors.radiusMiles}
                    helpText="Stores this close to the shopper count as nearby."
                  />
                </FormLayout.Group>
                <TextField
                  label="Most a store may cost over the warehouse"
                  name="maxExtraCostOverWarehouse"
                  type="number"
                  prefix="$"
                  autoComplete="off"
                  value={form.maxExtraCostOverWarehouse}
                  onChange={set("maxExtraCostOverWarehouse")}
                  error={saveErrors.maxExtraCostOverWarehouse}
                  helpText="When shipping from a nearby store costs more than this over the warehouse, the warehouse ships."
                />
                <Checkbox
                  label="Split an order across locations when no single one has everything"
                  checked={form.allowSplit === "true"}
                  onChange={(checked) => set("allowSplit")(String(checked))}
                  error={saveErrors.allowSplit}
                />
                <Select
                  label="Service level when no shipping method rule matches"
                  name="defaultServiceLevel"
                  options={SERVICE_LEVEL_OPTIONS}
                  value={form.defaultServiceLevel}
                  onChange={set("defaultServiceLevel")}
                  error={saveErrors.defaultServiceLevel}
                />
                <TextField
                  label="Shipping method rules"
                  name="shippingMethodRules"
                  multiline={5}
                  autoComplete="off"
                  value={form.shippingMethodRules}
                  onChange={set("shippingMethodRules")}
                  error={saveErrors.shippingMethodRules}
                  helpText="One a line: text found in the shipping method's name or code, then its service level, e.g. express => NEXT_DAY. Local delivery is always same-day."
                />
                <InlineStack align="space-between" blockAlign="center">
                  <Text as="span" tone="subdued">
                    {version === null ? "Using the recommended defaults" : `Version ${version} in force`}
                  </Text>
                  <Button submit variant="primary" loading={navigation.state === "submitting"}>
                    Save rules
                  </Button>
                </InlineStack>
              </FormLayout>
            </Card>
          </Form>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          title="Try it"
          description="Route one of your recent orders, or a made-up one, under the rules above as they stand in the form, against your current stock. Nothing is saved and no order moves."
        >
          <tryIt.Form method="post">
            <input type="hidden" name="intent" value="try" />
            <input type="hidden" name="source" value={source} />
            {SETTINGS_FIELDS.map((key) => (
              <input key={key} type="hidden" name={key} value={form[key]} />
            ))}
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
                {source === "RECENT" ? (
                  <Select
                    label="Recent order"
                    name="orderId"
                    placeholder="Choose an order"
                    options={recentOrders.map((recent) => ({ label: recentOrderLabel(recent), value: recent.orderId }))}
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
                      <Select
                        label="Pickup store"
                        name="pickupLocationId"
                        options={places
                          .filter((place) => place.pickupEnabled)
                          .map((place) => ({ label: place.name, value: place.id }))}
                        value={order.pickupLocationId}
                        onChange={setOrderField("pickupLocationId")}
                        error={tryErrors.pickupLocationId}
                      />
                    ) : (
                      <Select
                        label="Shopper lives near"
                        name="nearLocationId"
                        options={placeOptions}
                        value={order.nearLocationId}
                        onChange={setOrderField("nearLocationId")}
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

        <Layout.AnnotatedSection title="History" description="Every saved version: who changed the rules and when.">
          <Card padding="0">
            {history.length ? (
              <DataTable
                columnContentTypes={["numeric", "text", "text", "text"]}
                headings={["Version", "Saved", "By", "Rules"]}
                rows={history.map((entry) => [
                  entry.version,
                  entry.changedAt.slice(0, 16).replace("T", " ") + " UTC",
                  entry.changedBy ?? "Unknown",
                  `min ${entry.settings.storeMinUnits} units · ${entry.settings.radiusMiles} mi · $${entry.settings.maxExtraCostOverWarehouse.toFixed(2)} · ${entry.settings.allowSplit ? "splits" : "no splits"}`,
                ])}
              />
            ) : (
              <Box padding="400">
                <Text as="p" tone="subdued">
                  No changes yet: the recommended defaults are in force.
                </Text>
              </Box>
            )}
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
