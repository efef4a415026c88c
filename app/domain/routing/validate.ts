// Turns an untrusted JSON value into a RoutingRequest, or says exactly which fields are wrong.
// Fields the contract does not know are ignored, so callers can send inputs for later rules.
import { resolveRules } from "./rules";
import {
  DELIVERY_METHODS,
  LOCATION_KINDS,
  SERVICE_LEVELS,
  type GeoPoint,
  type OrderLine,
  type RoutingLocation,
  type RoutingOrder,
  type RoutingRules,
} from "./types";

export interface ValidationIssue {
  /** Where the problem is, e.g. "order.lines[1].quantity". */
  readonly path: string;
  readonly message: string;
}

/** A request whose rules have their defaults filled in. */
export interface ValidRoutingRequest {
  readonly order: RoutingOrder;
  readonly locations: readonly RoutingLocation[];
  readonly rules: RoutingRules;
}

export type ValidationResult =
  | { readonly ok: true; readonly value: ValidRoutingRequest }
  | { readonly ok: false; readonly errors: readonly ValidationIssue[] };

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function formatIssue(issue: ValidationIssue): string {
  return `${issue.path}: ${issue.message}`;
}

export function describeIssues(issues: readonly ValidationIssue[]): string[] {
  return issues.map(formatIssue);
}

/** Collects issues while reading fields; each reader returns a placeholder when the field is bad. */
class Reader {
  readonly issues: ValidationIssue[] = [];

  fail(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  object(value: unknown, path: string): JsonObject | undefined {
    if (isObject(value)) return value;
    this.fail(path, value === undefined ? "is required" : "must be an object");
    return undefined;
  }

  string(value: unknown, path: string): string {
    if (typeof value === "string" && value.length > 0) return value;
    this.fail(path, value === undefined ? "is required" : "must be a non-empty string");
    return "";
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value === "boolean") return value;
    this.fail(path, value === undefined ? "is required" : "must be true or false");
    return false;
  }

  number(value: unknown, path: string, minimum?: number): number {
    if (typeof value === "number" && Number.isFinite(value) && (minimum === undefined || value >= minimum))
      return value;
    if (value === undefined) this.fail(path, "is required");
    else this.fail(path, minimum === undefined ? "must be a finite number" : `must be a finite number ≥ ${minimum}`);
    return 0;
  }

  integer(value: unknown, path: string, minimum: number): number {
    if (typeof value === "number" && Number.isSafeInteger(value) && value >= minimum) return value;
    this.fail(path, value === undefined ? "is required" : `must be an integer ≥ ${minimum}`);
    return minimum;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    const found = allowed.find((candidate) => candidate === value);
    if (found !== undefined) return found;
    this.fail(path, value === undefined ? "is required" : `must be one of ${allowed.join(", ")}`);
    return allowed[0]!;
  }

  point(container: JsonObject, latPath: string, lngPath: string): GeoPoint {
    const lat = this.number(container.lat, latPath);
    const lng = this.number(container.lng, lngPath);
    if (Number.isFinite(container.lat) && (lat < -90 || lat > 90)) this.fail(latPath, "must be between -90 and 90");
    if (Number.isFinite(container.lng) && (lng < -180 || lng > 180)) this.fail(lngPath, "must be between -180 and 180");
    return { lat, lng };
  }
}

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A calendar date (and optional time and offset) in ISO 8601's extended format. */
export function isIsoTimestamp(value: string): boolean {
  const match = ISO_8601.exec(value);
  if (match === null) return false;
  const [, year, month, day, hour, minute, second] = match;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return false;
  if (d > daysInMonth(y, m)) return false;
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59)) return false;
  if (second !== undefined && Number(second) > 59) return false;
  return true;
}

function readOrder(reader: Reader, value: unknown): RoutingOrder {
  const order = reader.object(value, "order") ?? {};
  const id = reader.string(order.id, "order.id");
  let placedAt = "";
  if (typeof order.placedAt === "string" && isIsoTimestamp(order.placedAt)) placedAt = order.placedAt;
  else reader.fail("order.placedAt", order.placedAt === undefined ? "is required" : "must be an ISO 8601 timestamp");
  const deliveryMethod = reader.oneOf(order.deliveryMethod, "order.deliveryMethod", DELIVERY_METHODS);
  const serviceLevel = reader.oneOf(order.serviceLevel, "order.serviceLevel", SERVICE_LEVELS);
  let pickupLocationId: string | undefined;
  if (order.pickupLocationId !== undefined && order.pickupLocationId !== null) {
    pickupLocationId = reader.string(order.pickupLocationId, "order.pickupLocationId");
  }
  const destinationObject = reader.object(order.destination, "order.destination");
  const destination = destinationObject
    ? reader.point(destinationObject, "order.destination.lat", "order.destination.lng")
    : { lat: 0, lng: 0 };
  const lines = readLines(reader, order.lines);
  return {
    id,
    placedAt,
    deliveryMethod,
    serviceLevel,
    ...(pickupLocationId === undefined ? {} : { pickupLocationId }),
    destination,
    lines,
  };
}

function readLines(reader: Reader, value: unknown): OrderLine[] {
  if (!Array.isArray(value)) {
    reader.fail("order.lines", value === undefined ? "is required" : "must be an array");
    return [];
  }
  if (value.length === 0) reader.fail("order.lines", "must contain at least one line");
  const firstLineOfSku = new Map<string, number>();
  return value.map((item: unknown, i): OrderLine => {
    const path = `order.lines[${i}]`;
    const line = reader.object(item, path) ?? {};
    const sku = reader.string(line.sku, `${path}.sku`);
    const quantity = reader.integer(line.quantity, `${path}.quantity`, 1);
    if (sku !== "") {
      const first = firstLineOfSku.get(sku);
      if (first === undefined) firstLineOfSku.set(sku, i);
      else reader.fail(`${path}.sku`, `duplicate SKU ${JSON.stringify(sku)} (also order.lines[${first}])`);
    }
    return { sku, quantity };
  });
}

function readLocations(reader: Reader, value: unknown): RoutingLocation[] {
  if (!Array.isArray(value)) {
    reader.fail("locations", value === undefined ? "is required" : "must be an array");
    return [];
  }
  const firstIndexOfId = new Map<string, number>();
  return value.map((item: unknown, i) => {
    const path = `locations[${i}]`;
    const location = reader.object(item, path) ?? {};
    const id = reader.string(location.id, `${path}.id`);
    if (id !== "") {
      const first = firstIndexOfId.get(id);
      if (first === undefined) firstIndexOfId.set(id, i);
      else reader.fail(`${path}.id`, `duplicate location id ${JSON.stringify(id)} (also locations[${first}])`);
    }
    const kind = reader.oneOf(location.kind, `${path}.kind`, LOCATION_KINDS);
    const { lat, lng } = reader.point(location, `${path}.lat`, `${path}.lng`);
    const active = reader.boolean(location.active, `${path}.active`);
    const isOpen = reader.boolean(location.isOpen, `${path}.isOpen`);
    const pickupEnabled = reader.boolean(location.pickupEnabled, `${path}.pickupEnabled`);
    const stock = readStock(reader, location.stock, `${path}.stock`);
    const labourCostPerOrder = reader.number(location.labourCostPerOrder, `${path}.labourCostPerOrder`, 0);
    const shippingObject = reader.object(location.shipping, `${path}.shipping`) ?? {};
    const shipping = {
      base: reader.number(shippingObject.base, `${path}.shipping.base`, 0),
      perMile: reader.number(shippingObject.perMile, `${path}.shipping.perMile`, 0),
    };
    const optionalCount = (field: "dailyCapacity" | "assignedToday"): { [key: string]: number } => {
      const raw = location[field];
      if (raw === undefined || raw === null) return {};
      return { [field]: reader.integer(raw, `${path}.${field}`, 0) };
    };
    return {
      id,
      kind,
      lat,
      lng,
      active,
      isOpen,
      pickupEnabled,
      stock,
      labourCostPerOrder,
      shipping,
      ...optionalCount("dailyCapacity"),
      ...optionalCount("assignedToday"),
    };
  });
}

function readStock(reader: Reader, value: unknown, path: string): Readonly<Record<string, number>> {
  if (!isObject(value)) {
    reader.fail(path, value === undefined ? "is required" : "must be an object of SKU → units");
    return {};
  }
  for (const [sku, units] of Object.entries(value)) {
    if (typeof units !== "number" || !Number.isSafeInteger(units)) {
      reader.fail(`${path}[${JSON.stringify(sku)}]`, "must be an integer");
    }
  }
  // Kept as given, not copied: a copy made by assignment would turn a "__proto__" SKU into a prototype.
  return value as Readonly<Record<string, number>>;
}

function readRules(reader: Reader, value: unknown): RoutingRules {
  if (value === undefined || value === null) return resolveRules(undefined);
  const rules = reader.object(value, "rules") ?? {};
  const partial: { -readonly [K in keyof RoutingRules]?: RoutingRules[K] } = {};
  if (rules.storeMinUnits !== undefined)
    partial.storeMinUnits = reader.number(rules.storeMinUnits, "rules.storeMinUnits", 0);
  if (rules.radiusMiles !== undefined) partial.radiusMiles = reader.number(rules.radiusMiles, "rules.radiusMiles", 0);
  if (rules.maxExtraCostOverWarehouse !== undefined) {
    partial.maxExtraCostOverWarehouse = reader.number(
      rules.maxExtraCostOverWarehouse,
      "rules.maxExtraCostOverWarehouse",
    );
  }
  if (rules.allowSplit !== undefined) partial.allowSplit = reader.boolean(rules.allowSplit, "rules.allowSplit");
  if (rules.lookAhead !== undefined) partial.lookAhead = reader.boolean(rules.lookAhead, "rules.lookAhead");
  if (rules.lookAheadCostMargin !== undefined) {
    partial.lookAheadCostMargin = reader.number(rules.lookAheadCostMargin, "rules.lookAheadCostMargin", 0);
  }
  return resolveRules(partial);
}

export function validateRoutingRequest(value: unknown): ValidationResult {
  const reader = new Reader();
  if (!isObject(value)) return { ok: false, errors: [{ path: "request", message: "must be an object" }] };
  const order = readOrder(reader, value.order);
  const locations = readLocations(reader, value.locations);
  const rules = readRules(reader, value.rules);
  if (reader.issues.length > 0) return { ok: false, errors: reader.issues };
  return { ok: true, value: { order, locations, rules } };
}
