import { AdminApiUserError, type MutationUserError } from "./admin-api-errors";

/**
 * Every mutation answers its refusals in `userErrors` with HTTP 200 and no GraphQL error, so a
 * caller that forgets to look believes a refused change happened. Call this on every payload.
 */
export function requireNoUserErrors(
  userErrors: readonly MutationUserError[] | null | undefined,
  mutation = "mutation",
): void {
  if (userErrors && userErrors.length > 0) throw new AdminApiUserError(mutation, userErrors);
}
