import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { checkoutPost, checkoutPostOnly } from "~/services/checkout-pickup/checkout-endpoint.server";
import { extensionPassBodySchema } from "~/services/pickup-pass/extension-pass-answer";
import { pickupPassForOrderPage } from "~/services/pickup-pass/extension-pass.server";

/**
 * POST /api/checkout/pickup-pass { orderId, confirmationNumber } from the thank-you page's block
 * → { state: "PASS", orderName, passUrl, stores } | { state: "PENDING", message } | { state: "NO_PICKUP" };
 * 404 ORDER_NOT_FOUND until the order has reached the app (or when the number does not match).
 */
export const loader = ({ request }: LoaderFunctionArgs) => checkoutPostOnly(request);

export const action = ({ request }: ActionFunctionArgs) =>
  checkoutPost(request, extensionPassBodySchema, (shop, body) => pickupPassForOrderPage(shop, body));
