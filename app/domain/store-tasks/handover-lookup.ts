/**
 * Finding the order at the counter when the shopper has no code: by order number and last name,
 * as a shopper says them ("1001", "de la Cruz"), against the order's name ("#1001") and the
 * customer's full name ("Ana María de la Cruz").
 */

/** Letters and digits only, accents dropped, lower case: "#SH-1001" → "sh1001", "Müller" → "muller". */
function folded(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

function words(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map(folded)
    .filter((word) => word !== "");
}

/**
 * The order the shopper named: the same name ignoring "#", spaces, dashes and case, or the same
 * number when the shopper gives only its digits ("1001" for "#SH1001").
 */
export function sameOrderName(orderName: string, typed: string): boolean {
  const stored = folded(orderName);
  const given = folded(typed);
  if (given === "" || stored === "") return false;
  if (stored === given) return true;
  return /^\d+$/.test(given) && stored.replace(/\D/g, "") === given;
}

/**
 * The customer's last name: the typed words are the last words of the customer's name, so
 * "Cruz" and "de la Cruz" both match "Ana María de la Cruz", and "María" does not.
 */
export function sameLastName(customerName: string | null, typed: string): boolean {
  const name = words(customerName ?? "");
  const given = words(typed);
  if (given.length === 0 || given.length > name.length) return false;
  const tail = name.slice(name.length - given.length);
  return given.every((word, index) => word === tail[index]);
}

export function matchesNameAndOrder(
  task: { readonly orderName: string; readonly customerName: string | null },
  presented: { readonly orderName: string; readonly lastName: string },
): boolean {
  return sameOrderName(task.orderName, presented.orderName) && sameLastName(task.customerName, presented.lastName);
}
