/**
 * Text PostgreSQL cannot store: a NUL character (`text` refuses it) or a UTF-16 surrogate without
 * its pair (no UTF-8 encoding exists for it). A client that sends either gets a 400 naming the
 * field, rather than the database's error as a 500 when the text reaches a query.
 */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && !UNPAIRED_SURROGATE.test(text);
}

/**
 * The path (`lines.0.sku`) of the first string in a parsed JSON value, key or value, that is not
 * storable text; null when every one is. Walks without recursion: a body nested thousands deep
 * costs a loop, not the stack.
 */
export function firstUnstorableText(value: unknown): string | null {
  const pending: { value: unknown; path: string }[] = [{ value, path: "" }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    if (typeof item.value === "string") {
      if (!isStorableText(item.value)) return item.path || "(body)";
    } else if (typeof item.value === "object" && item.value !== null) {
      for (const [key, child] of Object.entries(item.value)) {
        const path = item.path ? `${item.path}.${key}` : key;
        if (!isStorableText(key)) return path;
        pending.push({ value: child, path });
      }
    }
  }
  return null;
}
