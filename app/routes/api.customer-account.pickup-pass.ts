import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { customerAccountPost, customerAccountPostOnly } from "~/services/checkout-pickup/checkout-endpoint.server";
import { extensionPassBodySchema } from "~/services/pickup-pass/extension-pass-answer";
import { pickupPassForOrderPage } from "~/services/pickup-pass/extension-pass.server";

/**
 * POST /api/customer-account/pickup-pass { orderId, confirmationNumber } from the order status
 * page's block: the same answers as /api/checkout/pickup-pass, with the customer account's token.
 */
export const loader = ({ request }: LoaderFunctionArgs) => customerAccountPostOnly(request);

export const action = ({ request }: ActionFunctionArgs) =>
  customerAccountPost(request, extensionPassBodySchema, (shop, body) => pickupPassForOrderPage(shop, body));
