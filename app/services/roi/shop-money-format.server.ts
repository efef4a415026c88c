import { FALLBACK_CURRENCY, FALLBACK_LOCALE, knownCurrency, knownLocale } from "~/domain/roi/roi-formulas";
import { adminClientForRequest, type AuthenticatedAdmin } from "~/shopify/admin-client-for-request.server";
import { fetchShopCurrency } from "~/shopify/operations/shop-currency.server";

export interface ShopMoneyFormat {
  locale: string;
  currency: string;
  /** Why the currency is not the shop's own (Shopify did not say), or null. */
  currencyProblem: string | null;
}

/**
 * How long a shop's currency is kept in this process. Shopify lets a merchant change it only
 * rarely (and not once the shop has sold), while the pages showing money (ROI, Analytics,
 * Locations) would otherwise each ask Shopify before their first byte on every load.
 */
const CURRENCY_KEPT_MS = 10 * 60_000;
const knownCurrencies = new Map<string, { currency: string; until: number }>();

async function shopCurrency(context: AuthenticatedAdmin, now: number): Promise<string | null> {
  const shop = context.session.shop;
  const kept = knownCurrencies.get(shop);
  if (kept && kept.until > now) return kept.currency;
  const currency = knownCurrency(await fetchShopCurrency(adminClientForRequest(context)));
  // Only a currency Shopify said is kept: a failed or unknown answer is asked again next time.
  if (currency) knownCurrencies.set(shop, { currency, until: now + CURRENCY_KEPT_MS });
  else knownCurrencies.delete(shop);
  return currency;
}

/** Forgets the currencies kept, so the next page asks Shopify again (tests that make Shopify fail). */
export function forgetShopCurrencies(): void {
  knownCurrencies.clear();
}

/**
 * The locale the merchant reads in (the admin's `locale` parameter when it is one, else the
 * browser's first language) and the shop's currency from Shopify. When Shopify does not answer
 * the page still works, in US dollars, and says so. The currency is kept for a few minutes.
 */
export async function shopMoneyFormat(context: AuthenticatedAdmin, request: Request): Promise<ShopMoneyFormat> {
  const fromAdmin = knownLocale(new URL(request.url).searchParams.get("locale"));
  const firstLanguage = (request.headers.get("Accept-Language") ?? "").split(",")[0]?.split(";")[0]?.trim();
  const locale = fromAdmin ?? knownLocale(firstLanguage) ?? FALLBACK_LOCALE;
  try {
    const currency = await shopCurrency(context, Date.now());
    if (currency) return { locale, currency, currencyProblem: null };
    return {
      locale,
      currency: FALLBACK_CURRENCY,
      currencyProblem: "The shop's currency is not one this page can show",
    };
  } catch (error) {
    // A refused session token is Remix's to answer (re-authentication), not a currency problem.
    if (error instanceof Response) throw error;
    return { locale, currency: FALLBACK_CURRENCY, currencyProblem: "Shopify did not say the shop's currency" };
  }
}
