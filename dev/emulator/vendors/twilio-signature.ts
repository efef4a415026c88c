import crypto from "node:crypto";

/**
 * Twilio's request signature (`X-Twilio-Signature`): base64 of HMAC-SHA1, keyed with the auth
 * token, over the full URL followed by every POST parameter as name then value, sorted by name.
 * Parameters that repeat (MediaUrl0 …) are each a separate name in Twilio's callbacks; a name
 * given several values contributes each distinct value, in sorted order, as Twilio's SDK does.
 */
export type TwilioParams = Record<string, string | readonly string[]>;

export function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
  const signed = Object.keys(params)
    .sort()
    .reduce((text, name) => {
      const value = params[name];
      const values = typeof value === "string" ? [value] : [...new Set(value)].sort();
      return text + values.map((item) => name + item).join("");
    }, url);
  return crypto.createHmac("sha1", authToken).update(Buffer.from(signed, "utf8")).digest("base64");
}

export function validateTwilioSignature(
  authToken: string,
  url: string,
  params: TwilioParams,
  signature: string,
): boolean {
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** Form parameters as Twilio signs them: repeated names keep all their values. */
export function paramsFromForm(form: URLSearchParams): TwilioParams {
  const params: Record<string, string | string[]> = {};
  for (const name of new Set(form.keys())) {
    const values = form.getAll(name);
    params[name] = values.length === 1 ? (values[0] ?? "") : values;
  }
  return params;
}
