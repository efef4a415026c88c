import type { z } from "zod";
import type { FieldErrors } from "../form-result";
import { PROFILE_FIELD_SCHEMAS } from "./profile-form";
import { readLocationsTableQuery, type LocationsTableQuery } from "./locations-table-query";

/**
 * A bulk edit on the Locations table: one field set to one value at the selected locations.
 * The value is read by the same rule as the single location's form (profile-form.ts), so a bulk
 * edit can store nothing the form would refuse.
 */

export const BULK_PROFILE_INTENTS = ["set-labour-cost", "set-pickup"] as const;
export type BulkProfileIntent = (typeof BULK_PROFILE_INTENTS)[number];

/** At most a page of the table (its largest page size): the selection a merchant can make. */
export const MAX_BULK_LOCATIONS = 250;

/**
 * As posted: every value a string, the location ids repeated. `scope` "matching" edits every
 * location the table's search and filters match (`filter`, the table's URL query) instead of the
 * ids: "select all" across pages.
 */
export interface BulkProfileForm {
  intent: string | null;
  scope?: string;
  filter?: string;
  locationIds: readonly string[];
  labourCostPerOrder?: string;
  pickup?: string;
}

export type BulkProfileChange = { labourCostPerOrder: number } | { pickupEnabledOverride: boolean | null };

export type BulkProfileTarget =
  { kind: "selected"; locationIds: string[] } | { kind: "matching"; query: LocationsTableQuery };

export interface BulkProfileEdit {
  target: BulkProfileTarget;
  change: BulkProfileChange;
}

export type BulkProfileField = "intent" | "scope" | "filter" | "locationIds" | "labourCostPerOrder" | "pickup";

export type BulkProfileReading =
  { ok: true; edit: BulkProfileEdit } | { ok: false; errors: FieldErrors<BulkProfileField> };

const SHOPIFY_NUMERIC_ID = /^[0-9]{1,20}$/;

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Enter a valid value";
}

function readTarget(form: BulkProfileForm): BulkProfileTarget | { errors: FieldErrors<BulkProfileField> } {
  const scope = form.scope ?? "selected";
  if (scope === "matching") {
    const reading = readLocationsTableQuery(new URLSearchParams(form.filter ?? ""));
    if (!reading.ok) return { errors: { filter: reading.error } };
    return { kind: "matching", query: { ...reading.query, after: null } };
  }
  if (scope !== "selected") return { errors: { scope: "Apply to the selected locations or to all that match" } };
  const locationIds = [...new Set(form.locationIds)];
  if (locationIds.length === 0) return { errors: { locationIds: "Select at least one location" } };
  if (locationIds.length > MAX_BULK_LOCATIONS) {
    return { errors: { locationIds: `Select at most ${MAX_BULK_LOCATIONS} locations at a time` } };
  }
  if (!locationIds.every((id) => SHOPIFY_NUMERIC_ID.test(id))) {
    return { errors: { locationIds: "A selected location is not one of this shop's" } };
  }
  return { kind: "selected", locationIds };
}

export function parseBulkProfileEdit(form: BulkProfileForm): BulkProfileReading {
  if (form.intent !== "set-labour-cost" && form.intent !== "set-pickup") {
    return { ok: false, errors: { intent: "Choose what to change at the selected locations" } };
  }
  const target = readTarget(form);
  if ("errors" in target) return { ok: false, errors: target.errors };
  if (form.intent === "set-labour-cost") {
    const parsed = PROFILE_FIELD_SCHEMAS.labourCostPerOrder.safeParse(form.labourCostPerOrder);
    if (!parsed.success) return { ok: false, errors: { labourCostPerOrder: firstIssue(parsed.error) } };
    return { ok: true, edit: { target, change: { labourCostPerOrder: parsed.data } } };
  }
  const parsed = PROFILE_FIELD_SCHEMAS.pickup.safeParse(form.pickup);
  if (!parsed.success) return { ok: false, errors: { pickup: firstIssue(parsed.error) } };
  return { ok: true, edit: { target, change: { pickupEnabledOverride: parsed.data } } };
}
