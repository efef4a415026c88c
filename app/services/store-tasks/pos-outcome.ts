/**
 * What an associate's request comes to: the answer, or a refusal the POS shows as it is
 * (`{code, message, field?}` with its HTTP status).
 */

export type RefusalCode = "NOT_FOUND" | "INVALID" | "ILLEGAL_TRANSITION" | "WRONG_ITEM" | "OVER_PICKED" | "TOO_LARGE";

export interface Refusal {
  readonly status: 400 | 404 | 409 | 413;
  readonly code: RefusalCode;
  readonly message: string;
  readonly field?: string;
}

export type PosOutcome<Answer> =
  { readonly ok: true; readonly answer: Answer } | { readonly ok: false; readonly refusal: Refusal };

const STATUS: Readonly<Record<RefusalCode, Refusal["status"]>> = {
  NOT_FOUND: 404,
  INVALID: 400,
  ILLEGAL_TRANSITION: 409,
  WRONG_ITEM: 409,
  OVER_PICKED: 409,
  TOO_LARGE: 413,
};

export function refused(code: RefusalCode, message: string, field?: string): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { status: STATUS[code], code, message, ...(field ? { field } : {}) } };
}

export function answered<Answer>(answer: Answer): { ok: true; answer: Answer } {
  return { ok: true, answer };
}

export const TASK_NOT_HERE = "This order is not at this store";
export const LOCATION_NOT_A_STORE = "This POS location is not one of the shop's stores in Omniroute";

/** Who is asking, as the POS session says: the shop and user from the verified token, the rest claims. */
export interface PosCaller {
  readonly shop: string;
  /** Numeric; checked to be one of the shop's stores by every service. */
  readonly locationId: string;
  /** The session token's user (`sub`). */
  readonly userId: string | null;
  /** The staff member pinned on the device: a claim, recorded as such. */
  readonly staffMemberId: string | null;
}
