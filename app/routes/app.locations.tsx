import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import type { ProfileForm } from "~/domain/locations/profile-form";
import {
  listLocationProfiles,
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
] as const;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { locations: await listLocationProfiles(session.shop) };
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

function LocationCard({ location }: { location: LocationProfileRow }) {
  const fetcher = useFetcher<SaveReply>();
  const shopify = useAppBridge();
  const [form, setForm] = useState(location.form);
  const errors = fetcher.data?.errors ?? {};
  const set = (key: keyof typeof form) => (value: string) => setForm((previous) => ({ ...previous, [key]: value }));

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) shopify.toast.show(`${location.name} saved`);
  }, [fetcher.state, fetcher.data, location.name, shopify]);

  return (
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

export default function LocationsPage() {
  const { locations } = useLoaderData<typeof loader>();
  return (
    <Page>
      <TitleBar title="Locations" />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="p" tone="subdued">
              What each location costs and can do. Routing compares shipping from a store with shipping from the
              warehouse using these figures: a parcel&apos;s base cost plus its cost a mile, and the labour to pick and
              pack.
            </Text>
            {locations.length ? (
              locations.map((location) => <LocationCard key={location.locationId} location={location} />)
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
