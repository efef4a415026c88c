import { z } from "zod";

/**
 * Which of the shop's locations a checkout pickup option stands for. Checkout gives the option
 * only the location's name and address (no id), so the match is by address, normalised so
 * that "2240 N. Clark Street" and "2240 N Clark St" agree, with the name deciding when the
 * address is missing, unknown or shared by several locations (Shopify keeps location names
 * unique within a shop). Anything unreadable matches nothing.
 */

/** Longer than any address line or location name Shopify accepts; longer input matches nothing. */
export const MAX_PICKUP_FIELD_LENGTH = 255;

const field = z.string().max(MAX_PICKUP_FIELD_LENGTH).nullish();

/** A pickup option's location as checkout describes it (MailingAddress; `postalCode` accepted for `zip`). */
export const pickupOptionPlaceSchema = z.object({
  name: field,
  address: z
    .object({
      address1: field,
      address2: field,
      city: field,
      zip: field,
      postalCode: field,
      provinceCode: field,
      countryCode: field,
    })
    .nullish(),
});

export type PickupOptionPlace = z.infer<typeof pickupOptionPlaceSchema>;

/** A location that could be the option's, as the mirror holds it. */
export interface PickupPlace {
  readonly locationId: string;
  readonly name: string;
  readonly address1: string | null;
  readonly city: string | null;
  readonly zip: string | null;
  readonly countryCode: string | null;
}

// USPS street suffixes and directions (Publication 28), the forms merchants type both ways.
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  street: "st",
  avenue: "ave",
  av: "ave",
  boulevard: "blvd",
  drive: "dr",
  road: "rd",
  lane: "ln",
  court: "ct",
  place: "pl",
  square: "sq",
  center: "ctr",
  centre: "ctr",
  parkway: "pkwy",
  highway: "hwy",
  terrace: "ter",
  circle: "cir",
  plaza: "plz",
  suite: "ste",
  building: "bldg",
  floor: "fl",
  north: "n",
  south: "s",
  east: "e",
  west: "w",
  northeast: "ne",
  northwest: "nw",
  southeast: "se",
  southwest: "sw",
};

/** Words of a name or address line: accents, case, punctuation and spacing dropped, abbreviations unified. */
export function normalizedWords(text: string | null | undefined): string {
  if (!text) return "";
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "")
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(" ");
}

/** "60614-1234", "60614 1234" and "60614" are one ZIP; "m5v 2t6" is "M5V2T6". */
export function normalizedPostalCode(code: string | null | undefined): string {
  const compact = (code ?? "")
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  const zipPlusFour = /^(\d{5})\d{4}$/.exec(compact);
  return zipPlusFour ? zipPlusFour[1]! : compact;
}

/** Equal when both are known; a side that is blank does not disagree. */
function agrees(a: string, b: string): boolean {
  return a === "" || b === "" || a === b;
}

interface NormalizedPlace {
  readonly name: string;
  readonly street: string;
  readonly zip: string;
  readonly country: string;
  readonly city: string;
}

/**
 * A place's fields normalised once per place object: a shop's places are matched against many
 * options (a national chain's 2,000 cost ~7 ms to normalise for each option otherwise).
 */
const normalizedPlaces = new WeakMap<PickupPlace, NormalizedPlace>();

function normalizedPlace(place: PickupPlace): NormalizedPlace {
  let normalized = normalizedPlaces.get(place);
  if (!normalized) {
    normalized = {
      name: normalizedWords(place.name),
      street: normalizedWords(place.address1),
      zip: normalizedPostalCode(place.zip),
      country: normalizedWords(place.countryCode),
      city: normalizedWords(place.city),
    };
    normalizedPlaces.set(place, normalized);
  }
  return normalized;
}

function sameAddress(option: NormalizedPlace, place: PickupPlace): boolean {
  const known = normalizedPlace(place);
  if (option.street === "" || option.street !== known.street) return false;
  if (!agrees(option.country, known.country)) return false;
  if (option.zip !== "" && known.zip !== "") return option.zip === known.zip;
  // Without a ZIP on one side, the city tells one "100 Main St" from another.
  return agrees(option.city, known.city);
}

/** The location the pickup option stands for, or null when none (or more than one) fits. */
export function matchPickupOption<Place extends PickupPlace>(
  option: PickupOptionPlace,
  places: readonly Place[],
): Place | null {
  // Checked again here: the option comes from a shopper's browser, whatever its type says.
  const parsed = pickupOptionPlaceSchema.safeParse(option);
  if (!parsed.success) return null;
  const { name, address } = parsed.data;

  const wanted = address && {
    name: "",
    street: normalizedWords(address.address1),
    zip: normalizedPostalCode(address.zip ?? address.postalCode),
    country: normalizedWords(address.countryCode),
    city: normalizedWords(address.city),
  };
  const byAddress = wanted ? places.filter((place) => sameAddress(wanted, place)) : [];
  if (byAddress.length === 1) return byAddress[0]!;

  const wantedName = normalizedWords(name);
  if (wantedName === "") return null;
  const pool = byAddress.length > 1 ? byAddress : places;
  const byName = pool.filter((place) => normalizedPlace(place).name === wantedName);
  return byName.length === 1 ? byName[0]! : null;
}
