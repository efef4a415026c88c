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
 * The locale the merchant reads in (the admin's `locale` parameter when it is one, else the
 * browser's first language) and the shop's currency from Shopify. When Shopify does not answer
 * the page still works, in US dollars, and says so.
 */
export async function shopMoneyFormat(context: AuthenticatedAdmin, request: Request): Promise<ShopMoneyFormat> {
  const fromAdmin = knownLocale(new URL(request.url).searchParams.get("locale"));
  const firstLanguage = (request.headers.get("Accept-Language") ?? "").split(",")[0]?.split(";")[0]?.trim();
  const locale = fromAdmin ?? knownLocale(firstLanguage) ?? FALLBACK_LOCALE;
  try {
    const currency = knownCurrency(await fetchShopCurrency(adminClientForRequest(context)));
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
