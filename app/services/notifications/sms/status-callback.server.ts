import { z } from "zod";
import { prisma } from "~/db.server";
import { notificationStatusForTwilio, statusesBefore, TWILIO_MESSAGE_STATUSES } from "~/domain/sms/delivery-status";
import { describeTwilioError, OPTED_OUT_CODE } from "~/integrations/twilio/twilio-errors";
import { validateTwilioSignature } from "~/integrations/twilio/twilio-messaging.server";
import { findNotificationForCallback, moveNotificationForward } from "~/models/notifications.server";
import { recordSmsOptOut } from "~/models/sms-opt-outs.server";
import { recordVendorEvent } from "~/models/vendor-event-receipts.server";
import { shopTwilioAccount } from "./messaging-account.server";
import { textDidNotReachShopper } from "./undeliverable.server";
import { badRequest, forbidden, readTwilioForm } from "./twilio-request.server";

/**
 * POST /webhooks/twilio/status?nid=<notification id>: Twilio telling how one of a shop's texts
 * fared. The notification names the shop, the shop's auth token checks the signature (over the
 * public URL and every field), and then, once per (MessageSid, status), the notification moves
 * forward: delivered, or failed with Twilio's code; a 21610 takes the number off the shop's list;
 * a number that cannot take texts is remembered and the message goes by its next channel.
 */

const statusCallbackSchema = z.object({
  AccountSid: z.string().min(1).max(64),
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-zA-Z]{32}$/),
  MessageStatus: z.enum(TWILIO_MESSAGE_STATUSES),
  To: z.string().min(1).max(64),
  ErrorCode: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional(),
});

const notificationId = z.string().uuid();

export type StatusCallbackOutcome = "APPLIED" | "UNCHANGED" | "REPLAYED";

export async function receiveTwilioStatusCallback(request: Request, now: Date = new Date()): Promise<Response> {
  const nid = notificationId.safeParse(new URL(request.url).searchParams.get("nid"));
  if (!nid.success) return badRequest("nid");
  const form = await readTwilioForm(request);
  if (!form.ok) return form.response;

  // Until the signature is checked nothing in the request is believed; an unknown notification
  // or a shop without Twilio leaves nothing to check it with.
  const notification = await findNotificationForCallback(prisma, nid.data);
  if (!notification || notification.channel !== "SMS") return forbidden();
  const account = await shopTwilioAccount(notification.shop);
  if (!account) return forbidden();
  if (!validateTwilioSignature(account.authToken, form.signature, form.publicUrl, form.params)) return forbidden();

  const callback = statusCallbackSchema.safeParse(form.params);
  if (!callback.success) return badRequest(callback.error.issues[0]?.path.join(".") ?? "form");
  if (callback.data.AccountSid !== account.accountSid) return forbidden();

  const { MessageSid: sid, MessageStatus: messageStatus, To: to } = callback.data;
  const errorCode = callback.data.ErrorCode === undefined ? null : Number(callback.data.ErrorCode);
  const next = notificationStatusForTwilio(messageStatus);
  const { shop, id } = notification;

  await prisma.$transaction(async (tx): Promise<StatusCallbackOutcome> => {
    if (!(await recordVendorEvent(tx, shop, "TWILIO", `${sid}:${messageStatus}`))) return "REPLAYED";
    if (errorCode === OPTED_OUT_CODE) await recordSmsOptOut(tx, shop, to, "ERROR_21610", now);
    const moved = await moveNotificationForward(tx, shop, id, statusesBefore(next), {
      status: next,
      at: now,
      providerMessageId: sid,
      ...(next === "DELIVERED" ? { deliveredAt: now } : {}),
      ...(next === "FAILED"
        ? {
            errorCode: errorCode === null ? null : String(errorCode),
            reason: `Twilio: ${messageStatus}, ${describeTwilioError(errorCode)}`,
          }
        : {}),
    });
    // A landline, a dead or unreachable number: remembered when it is for good, and the
    // message goes by the step's next channel (its row then says so instead).
    if (moved && next === "FAILED")
      await textDidNotReachShopper(tx, { shop, notificationId: id, phone: to, code: errorCode }, now);
    return moved ? "APPLIED" : "UNCHANGED";
  });
  return new Response(null, { status: 204 });
}
