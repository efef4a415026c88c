import type { z } from "zod";

/** One message per field, shown beside the field the merchant has to fix. */
export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/**
 * What every form parser returns: the values read from the form, or field errors and nothing
 * else. Nothing is half-applied: either every field reads or the form is refused.
 */
export type FormResult<Values, Field extends string> =
  { ok: true; values: Values } | { ok: false; errors: FieldErrors<Field> };

/**
 * Reads a posted form (every value a string) with its schema. Each schema's issues are on the
 * form's own field names; a field's first issue is its message.
 */
export function parseForm<Schema extends z.ZodType, Field extends string>(
  schema: Schema,
  form: Partial<Record<Field, string>>,
): FormResult<z.output<Schema>, Field> {
  const parsed = schema.safeParse(form);
  if (parsed.success) return { ok: true, values: parsed.data };
  const errors: FieldErrors<Field> = {};
  for (const issue of parsed.error.issues) {
    const [field] = issue.path;
    if (typeof field !== "string") {
      throw new Error(`A form schema reported an issue on no field: ${issue.message}`);
    }
    // The schemas' issue paths are the keys of the form they read (Field).
    errors[field as Field] ??= issue.message;
  }
  return { ok: false, errors };
}
