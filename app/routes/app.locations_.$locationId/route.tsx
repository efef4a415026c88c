import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { readAdminForm } from "~/services/admin-forms/admin-form.server";
import { HOURS_FIELDS } from "~/domain/locations/hours-form";
import { locationsTableSearch } from "~/domain/locations/locations-table-query";
import { currencySymbol } from "~/domain/roi/roi-formulas";
import type { ProfileForm } from "~/domain/locations/profile-form";
import {
  listTimeZoneOptions,
  loadLocationProfile,
  saveLocationProfile,
} from "~/services/locations/location-profiles.server";
import { shopMoneyFormat } from "~/services/roi/shop-money-format.server";
import { PageErrorBoundary } from "~/components/PageErrorBoundary";
import { LocationProfileForm } from "./LocationProfileForm";

/** One location's whole profile, edited on a page of its own (the Locations table links here). */

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

const SHOPIFY_NUMERIC_ID = /^[0-9]{1,20}$/;

function notFound(): Response {
  return Response.json({ ok: false, notFound: true, error: "No such location in this shop" }, { status: 404 });
}

/** The location id from the path, or a 404 for one no shop could have (garbage, or too long). */
function locationIdOf(params: LoaderFunctionArgs["params"]): string {
  const locationId = params.locationId ?? "";
  if (!SHOPIFY_NUMERIC_ID.test(locationId)) throw notFound();
  return locationId;
}

/** The Locations table as the merchant left it: its query travels in `back` (the table's links add it). */
function backUrlOf(request: Request): string {
  const back = new URL(request.url).searchParams.get("back") ?? "";
  return `/app/locations${locationsTableSearch(new URLSearchParams(back))}`;
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const locationId = locationIdOf(params);
  const [location, money] = await Promise.all([
    loadLocationProfile(session.shop, locationId),
    shopMoneyFormat({ admin, session }, request),
  ]);
  if (location === null) throw notFound();
  return {
    location,
    timeZones: listTimeZoneOptions(new Date()),
    backUrl: backUrlOf(request),
    moneyPrefix: currencySymbol(money.locale, money.currency),
  };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const locationId = locationIdOf(params);
  const form = await readAdminForm(request);
  const values: ProfileForm = {};
  for (const key of PROFILE_FIELDS) {
    const value = form.get(key);
    if (typeof value === "string") values[key] = value;
  }
  const outcome = await saveLocationProfile(session.shop, locationId, values);
  return Response.json(outcome, { status: "notFound" in outcome ? 404 : 200 });
};

export default function LocationPage() {
  const { location, timeZones, backUrl, moneyPrefix } = useLoaderData<typeof loader>();
  return (
    <Page title={location.name} backAction={{ content: "Locations", url: backUrl }}>
      <TitleBar title={location.name} />
      <BlockStack gap="400">
        <Text as="p" tone="subdued">
          What this location costs and can do. Routing compares shipping from a store with shipping from the warehouse
          using these figures: a parcel&apos;s base cost plus its cost a mile, and the labour to pick and pack. Opening
          hours decide when it takes pickup and same-day orders.
        </Text>
        {/* Keyed by location: going from one location's page to another's starts a fresh form. */}
        <LocationProfileForm
          key={location.locationId}
          location={location}
          timeZones={timeZones}
          currencySymbol={moneyPrefix}
        />
      </BlockStack>
    </Page>
  );
}

export function ErrorBoundary() {
  return (
    <PageErrorBoundary
      title="Location"
      failed="The location could not be loaded"
      refusal={{
        statuses: [404],
        titleBar: "Location not found",
        page: { title: "Location not found", backAction: { content: "Locations", url: "/app/locations" } },
        banner: "This shop has no such location",
        action: { content: "All locations", url: "/app/locations" },
        explanation: "It may have been deleted in Shopify, or the link is not one of this shop's.",
      }}
    />
  );
}
