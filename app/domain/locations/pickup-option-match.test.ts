import { describe, expect, it } from "vitest";
import { chicago } from "../../../dev/scenarios/chicago";
import {
  matchPickupOption,
  normalizedPostalCode,
  normalizedWords,
  type PickupOptionPlace,
  type PickupPlace,
} from "./pickup-option-match";

/** The chicago scenario's stores and warehouse, as the mirror holds them. */
const CHICAGO: PickupPlace[] = chicago().locations.map((location) => ({
  locationId: String(location.id),
  name: location.name,
  address1: location.address.address1,
  city: location.address.city,
  zip: location.address.zip,
  countryCode: location.address.countryCode,
}));

function idOf(name: string): string {
  const place = CHICAGO.find((candidate) => candidate.name === name);
  if (!place) throw new Error(`no ${name} in the chicago scenario`);
  return place.locationId;
}

const matched = (option: PickupOptionPlace, places: readonly PickupPlace[] = CHICAGO) =>
  matchPickupOption(option, places)?.locationId ?? null;

describe("matching a checkout pickup option to a chicago store", () => {
  it.each<[string, PickupOptionPlace, string]>([
    [
      "the address exactly as Shopify holds it",
      {
        name: "Lincoln Park",
        address: { address1: "2240 N Clark St", city: "Chicago", zip: "60614", countryCode: "US" },
      },
      "Lincoln Park",
    ],
    [
      "case, punctuation and spelled-out words",
      {
        name: "x",
        address: { address1: "2240 north CLARK street.", city: "chicago", zip: "60614", countryCode: "us" },
      },
      "Lincoln Park",
    ],
    [
      "extra whitespace and a ZIP+4",
      { address: { address1: "  1520   N.  Milwaukee   Avenue ", zip: "60622-4411", countryCode: "US" } },
      "Wicker Park",
    ],
    [
      "postalCode in place of zip, and no name",
      { address: { address1: "101 N State St", postalCode: "60602" } },
      "State Street",
    ],
    ["no ZIP, told apart by the city", { address: { address1: "1700 Sherman Avenue", city: "Evanston" } }, "Evanston"],
    [
      "an address Shopify has since changed, by the store's name",
      { name: "lakeview", address: { address1: "1 Moved Rd", zip: "60657" } },
      "Lakeview",
    ],
    ["no address at all, by the name", { name: "  Hyde   Park " }, "Hyde Park"],
    [
      "accents and full-width digits",
      { name: "Óak Párk", address: { address1: "１１００ Läke St", zip: "６０３０１" } },
      "Oak Park",
    ],
  ])("matches %s", (_case, option, store) => {
    expect(matched(option)).toBe(idOf(store));
  });

  it.each<[string, PickupOptionPlace]>([
    ["an empty option", {}],
    ["an empty name and address", { name: "", address: { address1: "", zip: "" } }],
    ["an address no store has, with no name", { address: { address1: "233 S Wacker Dr", zip: "60606" } }],
    ["the right street in another ZIP", { address: { address1: "2240 N Clark St", zip: "60615" } }],
    [
      "the right street in another country",
      { address: { address1: "2240 N Clark St", zip: "60614", countryCode: "CA" } },
    ],
    ["a name no store has", { name: "Gold Coast", address: { address1: "1 Nowhere Ln" } }],
    ["a 5,000-character name", { name: "Lincoln Park".padEnd(5_000, "x") }],
    [
      "a 5,000-character address line",
      { name: "Lincoln Park", address: { address1: `2240 N Clark St${" ".repeat(5_000)}`, zip: "60614" } },
    ],
    ["only emoji", { name: "🏬🏬", address: { address1: "🚲", zip: "🗺️" } }],
  ])("matches nothing for %s", (_case, option) => {
    expect(matched(option)).toBeNull();
  });

  it("matches nothing, without throwing, for values that are not an option at all", () => {
    const hostile: unknown[] = [null, undefined, 42, "Lincoln Park", [], { name: 7 }, { address: "2240 N Clark St" }];
    for (const value of hostile) expect(matched(value as PickupOptionPlace)).toBeNull();
  });

  it("is never the warehouse's match unless it is among the places asked about", () => {
    const stores = CHICAGO.filter((place) => place.name !== "Bolingbrook Distribution Center");
    const option = {
      name: "Bolingbrook Distribution Center",
      address: { address1: "600 Remington Blvd", zip: "60440" },
    };
    expect(matched(option, stores)).toBeNull();
    expect(matched(option)).toBe(idOf("Bolingbrook Distribution Center"));
  });
});

describe("two locations at one address (a mall's two shops)", () => {
  const mall: PickupPlace[] = [
    {
      locationId: "1",
      name: "Woodfield — Outlet",
      address1: "5 Woodfield Mall",
      city: "Schaumburg",
      zip: "60173",
      countryCode: "US",
    },
    {
      locationId: "2",
      name: "Woodfield — Flagship",
      address1: "5 Woodfield Mall",
      city: "Schaumburg",
      zip: "60173",
      countryCode: "US",
    },
    {
      locationId: "3",
      name: "Lincoln Park",
      address1: "2240 N Clark St",
      city: "Chicago",
      zip: "60614",
      countryCode: "US",
    },
  ];

  it("are told apart by the name", () => {
    expect(
      matched({ name: "Woodfield - Flagship", address: { address1: "5 Woodfield Mall", zip: "60173" } }, mall),
    ).toBe("2");
  });

  it("match neither when the name does not say which", () => {
    expect(matched({ name: "Woodfield", address: { address1: "5 Woodfield Mall", zip: "60173" } }, mall)).toBeNull();
    expect(matched({ address: { address1: "5 Woodfield Mall", zip: "60173" } }, mall)).toBeNull();
  });

  it("never pick another address's store by a name shared with it", () => {
    const twins = [...mall, { ...mall[2]!, locationId: "4", address1: "9 Other St", zip: "60614" }];
    expect(matched({ name: "Lincoln Park", address: { address1: "1 Nowhere St" } }, twins)).toBeNull();
  });
});

describe("normalising", () => {
  it("makes an address line's words comparable", () => {
    expect(normalizedWords("2240 N. Clark Street, Suite #4")).toBe("2240 n clark st ste 4");
    expect(normalizedWords("O’Hare  Plaza")).toBe("ohare plz");
    expect(normalizedWords(null)).toBe("");
  });

  it("makes postal codes comparable", () => {
    expect(normalizedPostalCode("60614-1234")).toBe("60614");
    expect(normalizedPostalCode("m5v 2t6")).toBe("M5V2T6");
    expect(normalizedPostalCode(undefined)).toBe("");
  });
});
