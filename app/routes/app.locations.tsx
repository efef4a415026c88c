import { useEffect, useId, useMemo, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  FormLayout,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useFormFields } from "~/components/use-form-fields";
import { authenticate } from "~/shopify.server";
import { DAY_NAMES, HOURS_FIELDS, WEEK, type TimeZoneOption } from "~/domain/locations/hours-form";
import type { Weekday } from "~/domain/locations/opening-hours";
import type { ProfileForm } from "~/domain/locations/profile-form";
import {
  listLocationProfiles,
  listTimeZoneOptions,
  saveLocationProfile,
  type LocationProfileRow,
} from "~/services/location-profiles.server";

const PROFILE_FIELDS = [
  "kind",
  "labourCostPerOrder",
  "shippingBaseCost",
  "shippingCostPerMile",
  "dailyCapacity",
  "pickup",
  ...HOURS_FIELDS,
] as const;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { locations: await listLocationProfiles(session.shop), timeZones: listTimeZoneOptions(new Date()) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const locationId = form.get("locationId");
  if (typeof locationId !== "string" || locationId === "") {
    return Response.json({ ok: false, notFound: true }, { status: 400 });
  }
  const values: ProfileForm = {};
  for (const key of PROFILE_FIELDS) {
    const value = form.get(key);
    if (typeof value === "string") values[key] = value;
  }
  const outcome = await saveLocationProfile(session.shop, locationId, values);
  return Response.json(outcome, { status: "notFound" in outcome ? 404 : 200 });
};

interface SaveReply {
  ok: boolean;
  errors?: Partial<Record<keyof ProfileForm, string>>;
  notFound?: boolean;
}

type FormState = LocationProfileRow["form"];
type Errors = NonNullable<SaveReply["errors"]>;

const HOURS_ERROR_KEYS = new Set<string>(HOURS_FIELDS);

/** One weekday: a checkbox for whether the location opens, and from when to when. */
function DayRow({
  day,
  form,
  errors,
  set,
}: {
  day: Weekday;
  form: FormState;
  errors: Errors;
  set: (key: keyof FormState) => (value: string) => void;
}) {
  const name = DAY_NAMES[day];
  const isOpen = form[`${day}IsOpen`] === "on";
  const opens = form[`${day}Opens`];
  const closes = form[`${day}Closes`];
  return (
    <InlineGrid
      columns={{ xs: "7.5rem minmax(0, 1fr) minmax(0, 1fr)", md: "9rem 11rem 11rem" }}
      gap="300"
      alignItems="start"
    >
      <Box paddingBlockStart="150">
        <Checkbox
          label={name}
          name={`${day}IsOpen`}
          value="on"
          checked={isOpen}
          onChange={(checked) => set(`${day}IsOpen`)(checked ? "on" : "")}
        />
      </Box>
      {isOpen ? (
        <>
          <TextField
            label={`${name} opens`}
            labelHidden
            name={`${day}Opens`}
            type="time"
            autoComplete="off"
            prefix="From"
            value={opens}
            onChange={set(`${day}Opens`)}
            error={errors[`${day}Opens`]}
          />
          <TextField
            label={`${name} closes`}
            labelHidden
            name={`${day}Closes`}
            type="time"
            autoComplete="off"
            prefix="To"
            value={closes}
            onChange={set(`${day}Closes`)}
            error={errors[`${day}Closes`]}
            helpText={closes !== "" && opens !== "" && closes < opens ? "Closes the next day" : undefined}
          />
        </>
      ) : (
        <Box paddingBlockStart="150">
          <Text as="span" tone="subdued">
            Closed
          </Text>
        </Box>
      )}
    </InlineGrid>
  );
}

/** The time zone, and either "always open" or the hours of each weekday. */
function HoursEditor({
  form,
  errors,
  set,
  setForm,
  timeZones,
}: {
  form: FormState;
  errors: Errors;
  set: (key: keyof FormState) => (value: string) => void;
  setForm: (update: (previous: FormState) => FormState) => void;
  timeZones: TimeZoneOption[];
}) {
  // A zone the runtime lists under another name (a saved legacy alias) stays choosable.
  const zoneOptions = useMemo(
    () =>
      timeZones.some((zone) => zone.value === form.timeZone)
        ? timeZones
        : [{ label: form.timeZone, value: form.timeZone }, ...timeZones],
    [timeZones, form.timeZone],
  );
  const copyMonday = () =>
    setForm((previous) => {
      const next = { ...previous };
      for (const day of ["tuesday", "wednesday", "thursday", "friday"] as const) {
        next[`${day}IsOpen`] = previous.mondayIsOpen;
        next[`${day}Opens`] = previous.mondayOpens;
        next[`${day}Closes`] = previous.mondayCloses;
      }
      return next;
    });
  return (
    <FormLayout>
      <Select
        label="Time zone"
        name="timeZone"
        options={zoneOptions}
        value={form.timeZone}
        onChange={set("timeZone")}
        error={errors.timeZone}
        helpText="Opening hours, same-day cut-offs and daily capacity follow the clock here."
      />
      <ChoiceList
        title="Opening hours"
        titleHidden
        name="hours"
        choices={[
          { label: "Always open", value: "always", helpText: "Open 24 hours, every day" },
          { label: "Open on set hours", value: "weekly", helpText: "Pickup and same-day orders only while open" },
        ]}
        selected={[form.hours]}
        onChange={([value]) => set("hours")(value ?? "")}
        error={errors.hours}
      />
      {form.hours === "weekly" ? (
        <BlockStack gap="200">
          {WEEK.map((day) => (
            <DayRow key={day} day={day} form={form} errors={errors} set={set} />
          ))}
          <InlineStack>
            <Button variant="plain" onClick={copyMonday}>
              Copy Monday to Tuesday–Friday
            </Button>
          </InlineStack>
        </BlockStack>
      ) : null}
    </FormLayout>
  );
}

const CARD_RENDERING = { contentVisibility: "auto", containIntrinsicSize: "auto 480px" } as const;

function LocationCard({ location, timeZones }: { location: LocationProfileRow; timeZones: TimeZoneOption[] }) {
  const fetcher = useFetcher<SaveReply>();
  const shopify = useAppBridge();
  const [form, set, setForm] = useFormFields(location.form);
  const [hoursOpen, setHoursOpen] = useState(false);
  const hoursId = useId();
  const errors = fetcher.data?.errors ?? {};

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) shopify.toast.show(`${location.name} saved`);
  }, [fetcher.state, fetcher.data, location.name, shopify]);

  // An error in the hours opens them, so the merchant sees the field to fix.
  useEffect(() => {
    if (Object.keys(fetcher.data?.errors ?? {}).some((key) => HOURS_ERROR_KEYS.has(key))) setHoursOpen(true);
  }, [fetcher.data]);

  return (
    // Cards off screen are not laid out or painted until scrolled to: a chain of many locations
    // would otherwise make every click on one card repaint them all.
    <div style={CARD_RENDERING}>
      <Card>
        <fetcher.Form method="post">
          <input type="hidden" name="locationId" value={location.locationId} />
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
              {location.routable ? (
                <Badge tone="success">Routes orders</Badge>
              ) : (
                <Badge>Not routing online orders</Badge>
              )}
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
                  prefix="$"
                  type="number"
                  autoComplete="off"
                  value={form.labourCostPerOrder}
                  onChange={set("labourCostPerOrder")}
                  error={errors.labourCostPerOrder}
                />
                <TextField
                  label="Parcel from here"
                  name="shippingBaseCost"
                  prefix="$"
                  type="number"
                  autoComplete="off"
                  value={form.shippingBaseCost}
                  onChange={set("shippingBaseCost")}
                  error={errors.shippingBaseCost}
                />
                <TextField
                  label="Per mile"
                  name="shippingCostPerMile"
                  prefix="$"
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
              {/* Hidden, not unmounted: its fields are posted with the rest of the profile. */}
              <div id={hoursId} hidden={!hoursOpen}>
                <HoursEditor form={form} errors={errors} set={set} setForm={setForm} timeZones={timeZones} />
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
    </div>
  );
}

export default function LocationsPage() {
  const { locations, timeZones } = useLoaderData<typeof loader>();
  return (
    <Page>
      <TitleBar title="Locations" />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="p" tone="subdued">
              What each location costs and can do. Routing compares shipping from a store with shipping from the
              warehouse using these figures: a parcel&apos;s base cost plus its cost a mile, and the labour to pick and
              pack. Opening hours decide when a location takes pickup and same-day orders.
            </Text>
            {locations.length ? (
              locations.map((location) => (
                <LocationCard key={location.locationId} location={location} timeZones={timeZones} />
              ))
            ) : (
              <Card>
                <Box padding="200">
                  <Text as="p" tone="subdued">
                    Your locations appear here once Omniroute has read them from Shopify, a minute or so after
                    installing.
                  </Text>
                </Box>
              </Card>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
