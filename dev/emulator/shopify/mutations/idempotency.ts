import { getDirectiveValues, GraphQLError, type GraphQLResolveInfo } from "graphql";
import type { ResolverContext } from "../resolvers/types";

/**
 * The `@idempotent(key:)` directive of the inventory mutations, as 2026-04 makes it mandatory
 * (changelog "Making idempotency mandatory for inventory adjustments and refund mutations",
 * 2025-12-12; https://shopify.dev/docs/api/usage/idempotent-requests):
 *
 * - Without the directive the mutation is refused at run time, although the schema does not mark
 *   it required. The changelog says only "will result in an error at runtime"; the words and code
 *   are those a live store answers ("The @idempotent directive is required for this mutation but
 *   was not provided.", BAD_REQUEST), as reported in luke-selrai/openclaw-workshop-kit#218.
 * - The same key with the same arguments replays the first answer: nothing changes a second time
 *   and no second webhook is raised ("it will return the result of the original operation instead
 *   of creating a new one").
 * - The same key with other arguments is refused with IDEMPOTENCY_KEY_PARAMETER_MISMATCH (the
 *   userError codes of InventorySetQuantitiesUserErrorCode / InventoryAdjustQuantitiesUserErrorCode).
 *
 * Not settled by the docs, so chosen here and logged as a warning when it matters:
 * - A refused answer (userErrors) is not kept: the same key may be sent again once the cause is
 *   fixed. The docs say what a retried success returns, not whether a refusal is kept.
 * - Keys are kept for the life of the emulator process, per shop (the docs mention a retention
 *   window without a length in what could be read); a saved snapshot does not keep them.
 * - IDEMPOTENCY_CONCURRENT_REQUEST is never answered: the emulator runs one request at a time,
 *   and an answer withheld by `holdAnswers` belongs to a request that already ran.
 */

export interface IdempotentPayload {
  userErrors: readonly unknown[];
}

/** A key's first successful answer, and the arguments that produced it. */
export interface KeptAnswer {
  fingerprint: string;
  answer: IdempotentPayload;
}

export const MISSING_DIRECTIVE_MESSAGE = "The @idempotent directive is required for this mutation but was not provided.";

/** JSON with object keys sorted, so two requests with the same arguments compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The key the request's field carries in `@idempotent(key:)`, literal or variable; null without one. */
export function idempotencyKeyOf(info: GraphQLResolveInfo): string | null {
  const directive = info.schema.getDirective("idempotent");
  const node = info.fieldNodes[0];
  if (!directive || !node) return null;
  const values = getDirectiveValues(directive, node, info.variableValues);
  const key = values?.key;
  return typeof key === "string" ? key : null;
}

/**
 * Runs `mutation` under the request's idempotency key: refused without one, replayed for a key
 * already answered with the same arguments, refused for a key answered with other arguments.
 */
export function idempotent<Args, Payload extends IdempotentPayload>(
  mutationName: string,
  mismatch: (message: string) => Payload,
  run: (args: Args, ctx: ResolverContext) => Payload,
): (source: unknown, args: Args, ctx: ResolverContext, info: GraphQLResolveInfo) => Payload {
  return (_source, args, ctx, info) => {
    const key = idempotencyKeyOf(info);
    if (key === null) throw new GraphQLError(MISSING_DIRECTIVE_MESSAGE, { extensions: { code: "BAD_REQUEST" } });
    const kept = ctx.shop.state.idempotentAnswers;
    const fingerprint = `${mutationName}:${canonical(args)}`;
    const earlier = kept.get(key);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) {
        return mismatch("The same idempotency key cannot be used with different operation parameters.");
      }
      // The same request already answered: its first answer, nothing done again. The cast
      // holds because a key's fingerprint names the mutation that kept the answer.
      return earlier.answer as Payload;
    }
    const answer = run(args, ctx);
    if (answer.userErrors.length === 0) kept.set(key, { fingerprint, answer });
    else {
      ctx.shop.warn(
        `${mutationName} refused under idempotency key "${key}": the refusal is not kept, so the key may be sent again (the docs do not say whether Shopify keeps refusals)`,
      );
    }
    return answer;
  };
}
