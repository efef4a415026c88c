import { z } from "zod";
import { prisma } from "~/db.server";
import { defaultSmsHelpText, smsKeywordOf } from "~/domain/sms/keywords";
import { toE164 } from "~/domain/sms/phone-numbers";
import { emptyTwiml, replyTwiml, validateTwilioSignature } from "~/integrations/twilio/twilio-messaging.server";
import { recordSmsOptOut, removeSmsOptOut } from "~/models/sms-opt-outs.server";
import { recordVendorEvent } from "~/models/vendor-event-receipts.server";
import { shopNameForPass } from "~/services/pickup-pass/shop-name.server";
import { shopTwilioAccountForInbound } from "./messaging-account.server";
import { badRequest, forbidden, readTwilioForm } from "./twilio-request.server";

/**
 * POST /webhooks/twilio/inbound: a shopper texting a shop's number. The shop is the one sending
 * from that Twilio account (and Messaging Service); the signature is checked with its auth token.
 * STOP takes the number off that shop's list, START puts it back, HELP is answered with the
 * shop's help text; anything else gets no answer. Another shop's list is never touched.
 */

const inboundSchema = z.object({
  AccountSid: z.string().min(1).max(64),
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-zA-Z]{32}$/),
  From: z.string().min(1).max(64),
  Body: z.string().max(1600).default(""),
  FromCountry: z.string().max(8).optional(),
  OptOutType: z.string().max(16).optional(),
  MessagingServiceSid: z.string().max(64).optional(),
});

const accountSidSchema = z.string().regex(/^AC[0-9a-zA-Z]{32}$/);

function twiml(body: string): Response {
  return new Response(body, { status: 200, headers: { "Content-Type": "text/xml; charset=utf-8" } });
}

async function shopName(shop: string): Promise<string> {
  return (await shopNameForPass(shop)) ?? shop.replace(/\.myshopify\.com$/, "");
}

export async function receiveTwilioInbound(request: Request, now: Date = new Date()): Promise<Response> {
  const form = await readTwilioForm(request);
  if (!form.ok) return form.response;
  const accountSid = accountSidSchema.safeParse(form.params["AccountSid"]);
  if (!accountSid.success) return badRequest("AccountSid");

  const found = await shopTwilioAccountForInbound(accountSid.data, form.params["MessagingServiceSid"] ?? null);
  if (!found) return forbidden();
  const { account, ambiguous } = found;
  if (!validateTwilioSignature(account.authToken, form.signature, form.publicUrl, form.params)) return forbidden();

  const inbound = inboundSchema.safeParse(form.params);
  if (!inbound.success) return badRequest(inbound.error.issues[0]?.path.join(".") ?? "form");
  // Several shops on one account and no Messaging Service to tell them apart: whose list a STOP
  // belongs to is unknown, so none is changed (Twilio's own opt-out still holds for the sender).
  if (ambiguous) return twiml(emptyTwiml());

  const { MessageSid: sid, From: from, Body: body, FromCountry: country, OptOutType: optOutType } = inbound.data;
  const keyword = smsKeywordOf(body, optOutType);
  const phone = toE164(from, country ?? "US");
  if (!keyword || !phone) return twiml(emptyTwiml());

  const shop = account.shop;
  // Once per message: a replayed START must not undo a later STOP.
  const first = await prisma.$transaction(async (tx) => {
    if (!(await recordVendorEvent(tx, shop, "TWILIO", `inbound:${sid}`))) return false;
    if (keyword === "STOP") await recordSmsOptOut(tx, shop, phone, "STOP_REPLY", now);
    if (keyword === "START") await removeSmsOptOut(tx, shop, phone);
    return true;
  });
  if (!first || keyword !== "HELP") return twiml(emptyTwiml());
  return twiml(replyTwiml(account.smsHelpText?.trim() || defaultSmsHelpText(await shopName(shop))));
}
