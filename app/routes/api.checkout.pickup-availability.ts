import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { pickupAvailability } from "~/services/checkout-pickup/availability.server";
import { availabilityBodySchema } from "~/services/checkout-pickup/availability-input";
import { checkoutPost, checkoutPostOnly } from "~/services/checkout-pickup/checkout-endpoint.server";

/**
 * POST /api/checkout/pickup-availability { lines: [{ variantId, quantity }], option: { name, address } }
 * → { location: { id, name } | null, promise: { status, readyBy, headline, … } | null, message }
 */
export const loader = ({ request }: LoaderFunctionArgs) => checkoutPostOnly(request);

export const action = ({ request }: ActionFunctionArgs) =>
  checkoutPost(request, availabilityBodySchema, (shop, body) => pickupAvailability(shop, body));
