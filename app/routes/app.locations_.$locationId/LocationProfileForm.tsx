import { useDeferredValue, useEffect, useId, useState } from "react";
import { useFetcher } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, FormLayout, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useAppBridge } from "@shopify/app-bridge-react";
import { useFormFields } from "~/components/use-form-fields";
import { HOURS_FIELDS, type TimeZoneOption } from "~/domain/locations/hours-form";
import type { ProfileErrors } from "~/domain/locations/profile-form";
import type { LocationProfileRow } from "~/services/locations/location-profiles.server";
import { FoldedHoursFields, HoursEditor } from "./HoursEditor";

/** What the route's action answers a save with. */
interface SaveReply {
  ok: boolean;
  errors?: ProfileErrors;
  notFound?: boolean;
}

const HOURS_ERROR_KEYS = new Set<string>(HOURS_FIELDS);

/** One object for "no errors", so memoised parts of the card see unchanged props between renders. */
const NO_ERRORS: ProfileErrors = {};

/** One location's profile: its costs, capacity, pickup and opening hours, saved together. */
export function LocationProfileForm({
  location,
  timeZones,
  currencySymbol,
}: {
  location: LocationProfileRow;
  timeZones: TimeZoneOption[];
  /** The shop's currency as the merchant's locale writes it ("$", "€", "CA$"). */
  currencySymbol: string;
}) {
  const fetcher = useFetcher<SaveReply>();
  const shopify = useAppBridge();
  const [form, set, setForm] = useFormFields(location.form);
  const [hoursOpen, setHoursOpen] = useState(false);
  // The editor is built a moment after the click, in a render of its own, so the button's answer
  // paints at once; until then (and once folded) the hours are posted from hidden fields.
  const hoursBuilt = useDeferredValue(hoursOpen);
  const hoursId = useId();
  const errors = fetcher.data?.errors ?? NO_ERRORS;
  // Shown for a store that offers pickup, and whenever one of them is refused, so it can be fixed.
  const showsPickupPromise =
    (form.kind === "STORE" && (form.pickup === "on" || (form.pickup === "shopify" && location.shopifyPickup))) ||
    errors.preparationMinutes !== undefined ||
    errors.pickupOrderCutoff !== undefined;

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) shopify.toast.show(`${location.name} saved`);
  }, [fetcher.state, fetcher.data, location.name, shopify]);

  // An error in the hours opens them, so the merchant sees the field to fix.
  useEffect(() => {
    if (Object.keys(fetcher.data?.errors ?? {}).some((key) => HOURS_ERROR_KEYS.has(key))) setHoursOpen(true);
  }, [fetcher.data]);

  return (
    <Card>
      <fetcher.Form method="post">
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center">
            <BlockStack gap="050">
              <Text as="h2" variant="headingMd">
                {location.name}
              </Text>
              <Text as="p" tone="subdued">
                {location.address || "No address in Shopify"}
              </Text>
            </BlockStack>
            {location.routable ? <Badge tone="success">Routes orders</Badge> : <Badge>Not routing online orders</Badge>}
          </InlineStack>
          <FormLayout>
            <FormLayout.Group condensed>
              <Select
                label="Kind"
                name="kind"
                options={[
                  { label: "Store", value: "STORE" },
                  { label: "Warehouse", value: "WAREHOUSE" },
                ]}
                value={form.kind}
                onChange={set("kind")}
                error={errors.kind}
              />
              <TextField
                label="Pick and pack, per order"
                name="labourCostPerOrder"
                prefix={currencySymbol}
                type="number"
                autoComplete="off"
                value={form.labourCostPerOrder}
                onChange={set("labourCostPerOrder")}
                error={errors.labourCostPerOrder}
              />
              <TextField
                label="Parcel from here"
                name="shippingBaseCost"
                prefix={currencySymbol}
                type="number"
                autoComplete="off"
                value={form.shippingBaseCost}
                onChange={set("shippingBaseCost")}
                error={errors.shippingBaseCost}
              />
              <TextField
                label="Per mile"
                name="shippingCostPerMile"
                prefix={currencySymbol}
                type="number"
                autoComplete="off"
                value={form.shippingCostPerMile}
                onChange={set("shippingCostPerMile")}
                error={errors.shippingCostPerMile}
              />
            </FormLayout.Group>
            <FormLayout.Group condensed>
              <TextField
                label="Orders a day at most"
                name="dailyCapacity"
                type="number"
                autoComplete="off"
                placeholder="No limit"
                value={form.dailyCapacity}
                onChange={set("dailyCapacity")}
                error={errors.dailyCapacity}
              />
              <Select
                label="Pickup"
                name="pickup"
                options={[
                  { label: `As in Shopify (${location.shopifyPickup ? "on" : "off"})`, value: "shopify" },
                  { label: "Always offer pickup here", value: "on" },
                  { label: "Never offer pickup here", value: "off" },
                ]}
                value={form.pickup}
                onChange={set("pickup")}
                error={errors.pickup}
              />
            </FormLayout.Group>
            {form.kind === "STORE" ? (
              <TextField
                label="Store email"
                name="storeEmail"
                type="email"
                autoComplete="off"
                placeholder="No email"
                value={form.storeEmail}
                onChange={set("storeEmail")}
                error={errors.storeEmail}
                helpText="The store's team is emailed here when an order arrives, once store emails are on in the Stores page's settings."
              />
            ) : (
              // A warehouse gets no store tasks; the address is kept for when it is a store again.
              <input type="hidden" name="storeEmail" value={form.storeEmail} />
            )}
            {showsPickupPromise ? (
              <FormLayout.Group condensed>
                <TextField
                  label="Preparation time"
                  name="preparationMinutes"
                  type="number"
                  suffix="minutes"
                  autoComplete="off"
                  placeholder="As in Shopify"
                  value={form.preparationMinutes}
                  onChange={set("preparationMinutes")}
                  error={errors.preparationMinutes}
                  helpText={location.preparationHelp}
                />
                <TextField
                  label="Pickup order cut-off"
                  name="pickupOrderCutoff"
                  type="time"
                  autoComplete="off"
                  value={form.pickupOrderCutoff}
                  onChange={set("pickupOrderCutoff")}
                  error={errors.pickupOrderCutoff}
                  helpText="Pickup orders placed later in the day are prepared from the next opening. Leave empty for none."
                />
              </FormLayout.Group>
            ) : (
              // Without pickup here the settings are kept for when it offers pickup again.
              <>
                <input type="hidden" name="preparationMinutes" value={form.preparationMinutes} />
                <input type="hidden" name="pickupOrderCutoff" value={form.pickupOrderCutoff} />
              </>
            )}
          </FormLayout>
          <BlockStack gap="300">
            <InlineStack align="space-between" blockAlign="center" gap="200">
              <BlockStack gap="050">
                <Text as="h3" variant="headingSm">
                  Opening hours
                </Text>
                <Text as="p" tone="subdued">
                  {location.hoursSummary} · {location.timeZoneName}
                </Text>
              </BlockStack>
              <Button
                variant="plain"
                disclosure={hoursOpen ? "up" : "down"}
                ariaControls={hoursId}
                ariaExpanded={hoursOpen}
                onClick={() => setHoursOpen((open) => !open)}
              >
                {hoursOpen ? "Hide hours" : "Edit hours"}
              </Button>
            </InlineStack>
            {/* Built only when opened; folded, the same fields are posted with the rest of the profile. */}
            <div id={hoursId} hidden={!hoursOpen}>
              {hoursBuilt ? (
                <HoursEditor form={form} errors={errors} set={set} setForm={setForm} timeZones={timeZones} />
              ) : (
                <FoldedHoursFields form={form} />
              )}
            </div>
          </BlockStack>
          <InlineStack align="end">
            <Button submit loading={fetcher.state !== "idle"}>
              Save
            </Button>
          </InlineStack>
        </BlockStack>
      </fetcher.Form>
    </Card>
  );
}
