/** Shopper addresses around Chicago for the demo's order panel (real places, rounded positions). */
export interface DemoAddress {
  label: string;
  address1: string;
  city: string;
  provinceCode: string;
  zip: string;
  countryCode: string;
  latitude: number;
  longitude: number;
}

const illinois = (
  label: string,
  address1: string,
  city: string,
  zip: string,
  latitude: number,
  longitude: number,
): DemoAddress => ({
  label,
  address1,
  city,
  provinceCode: "IL",
  zip,
  countryCode: "US",
  latitude,
  longitude,
});

export const CHICAGO_ADDRESSES: DemoAddress[] = [
  illinois("Wicker Park, 1425 N Damen Ave", "1425 N Damen Ave", "Chicago", "60622", 41.9075, -87.6776),
  illinois("The Loop, 233 S Wacker Dr", "233 S Wacker Dr", "Chicago", "60606", 41.8789, -87.6359),
  illinois("Lincoln Park, 2300 N Lincoln Ave", "2300 N Lincoln Ave", "Chicago", "60614", 41.9238, -87.6489),
  illinois("Hyde Park, 5401 S Hyde Park Blvd", "5401 S Hyde Park Blvd", "Chicago", "60615", 41.7968, -87.584),
  illinois("Evanston, 1603 Orrington Ave", "1603 Orrington Ave", "Evanston", "60201", 42.0475, -87.6814),
  illinois("Naperville, 22 E Chicago Ave", "22 E Chicago Ave", "Naperville", "60540", 41.7733, -88.1477),
  {
    label: "Milwaukee, WI (far away), 700 N Water St",
    address1: "700 N Water St",
    city: "Milwaukee",
    provinceCode: "WI",
    zip: "53202",
    countryCode: "US",
    latitude: 43.0389,
    longitude: -87.9098,
  },
];
