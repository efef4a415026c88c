import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Box, Card, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { readAdminForm } from "~/services/admin-forms/admin-form.server";
import { HOURS_FIELDS } from "~/domain/locations/hours-form";
import type { ProfileForm } from "~/domain/locations/profile-form";
import {
  listLocationProfiles,
  listTimeZoneOptions,
  saveLocationProfile,
} from "~/services/locations/location-profiles.server";
import { LocationCard } from "./LocationCard";

const PROFILE_FIELDS = [
  "kind",
  "labourCostPerOrder",
  "shippingBaseCost",
  "shippingCostPerMile",
  "dailyCapacity",
  "pickup",
  "storeEmail",
  "preparationMinutes",
  "pickupOrderCutoff",
  ...HOURS_FIELDS,
] as const;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { locations: await listLocationProfiles(session.shop), timeZones: listTimeZoneOptions(new Date()) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await readAdminForm(request);
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
