import { timingSafeEqual } from "node:crypto";
import prisma from "~/db.server";
import { passIsLive } from "~/domain/pickup-pass/pickup-pass";
import { findOrderConfirmation } from "~/models/routed-orders.server";
import { pickupTasksOfOrder } from "~/models/pickup-pass.server";
import type { CheckoutOutcome } from "~/services/checkout-pickup/checkout-endpoint.server";
import type { ExtensionPassAnswer, ExtensionPassBody } from "./extension-pass-answer";
import { orderIdOfBody } from "./extension-pass-answer";
import { pickupPassUrl } from "./pickup-pass-link.server";
import { passOfTasks } from "./pickup-pass.server";

/**
 * The pickup pass the thank-you and order status pages show: the same pass as the signed page,
 * for an order the page proves it shows (its id and confirmation number), in the session
 * token's shop. An order the app has not heard of, one whose number does not match, and
 * another shop's order are the same 404, so the answer says nothing about which.
 */

const NOT_FOUND: CheckoutOutcome = {
  ok: false,
  refusal: {
    status: 404,
    code: "ORDER_NOT_FOUND",
    message: "No order with this id and confirmation number has reached the app yet",
  },
};

function sameConfirmationNumber(held: string | null, given: string): boolean {
  if (held === null) return false;
  const a = Buffer.from(held.toUpperCase());
  const b = Buffer.from(given.toUpperCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function pickupPassForOrderPage(
  shop: string,
  body: ExtensionPassBody,
  now = new Date(),
): Promise<CheckoutOutcome> {
  const orderId = orderIdOfBody(body);
  const order = await findOrderConfirmation(prisma, shop, orderId);
  if (!order || !sameConfirmationNumber(order.confirmationNumber, body.confirmationNumber)) return NOT_FOUND;
  const tasks = await pickupTasksOfOrder(prisma, shop, orderId);
  let answer: ExtensionPassAnswer;
  if (tasks.length === 0) {
    // Routing learns the delivery method from the fulfilment orders; until then it may be a pickup.
    answer =
      order.deliveryMethod === null || order.deliveryMethod === "PICK_UP"
        ? { state: "PENDING", message: "Your pickup pass will appear here once the store has your order" }
        : { state: "NO_PICKUP" };
  } else if (!passIsLive(tasks, now)) {
    answer = { state: "NO_PICKUP" };
  } else {
    const claims = { shop, orderId };
    const pass = await passOfTasks(claims, tasks, now);
    answer = {
      state: "PASS",
      orderName: pass.orderName,
      passUrl: pickupPassUrl(claims),
      stores: pass.stores.map(({ qrSvg: _svg, waiting: _waiting, ...store }) => store),
    };
  }
  return { ok: true, answer };
}
