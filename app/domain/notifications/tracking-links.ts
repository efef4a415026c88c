/**
 * The page a shopper follows a parcel on, from the carrier the associate typed and its tracking
 * number: the carriers US and Canadian stores ship with most. Another carrier has no link (the
 * text then leaves the link out rather than guess a page).
 */

const TRACKING_PAGES: readonly { names: readonly string[]; url: (number: string) => string }[] = [
  { names: ["ups"], url: (number) => `https://www.ups.com/track?tracknum=${number}` },
  {
    names: ["usps", "us postal service", "united states postal service"],
    url: (number) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${number}`,
  },
  {
    names: ["fedex", "fed ex", "federal express"],
    url: (number) => `https://www.fedex.com/fedextrack/?trknbr=${number}`,
  },
  {
    names: ["dhl", "dhl express"],
    url: (number) => `https://www.dhl.com/us-en/home/tracking/tracking-express.html?tracking-id=${number}`,
  },
  {
    names: ["canada post", "postes canada"],
    url: (number) => `https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=${number}`,
  },
  { names: ["purolator"], url: (number) => `https://www.purolator.com/en/shipping/tracker?pin=${number}` },
];

const carrierKey = (carrier: string) => carrier.trim().toLowerCase().replace(/\s+/g, " ");

/** The tracking page of `trackingNumber` at `carrier`, or null when the carrier is not one the app knows. */
export function trackingUrlFor(carrier: string | null, trackingNumber: string | null): string | null {
  const number = trackingNumber?.trim();
  if (!carrier || !number) return null;
  const page = TRACKING_PAGES.find((candidate) => candidate.names.includes(carrierKey(carrier)));
  return page ? page.url(encodeURIComponent(number)) : null;
}
