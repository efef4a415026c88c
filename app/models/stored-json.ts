import type { Prisma } from "@prisma/client";
import type { z } from "zod";

/**
 * JSON columns are read back through the schema of what was written, never cast: a row that
 * does not parse stops whatever read it, naming the row, rather than letting routing act on a
 * value it only assumes.
 */

export interface StoredJsonRow {
  table: Prisma.ModelName;
  /** The row's id, or its key within the shop (an order id, a location id). */
  id: string;
  /** The column (or shape) that did not parse. */
  field: string;
}

export class UnreadableRowError extends Error {
  readonly table: Prisma.ModelName;
  readonly rowId: string;
  readonly field: string;

  constructor(row: StoredJsonRow, detail: string) {
    super(`${row.table} ${row.id} has unreadable ${row.field}: ${detail}`);
    this.name = "UnreadableRowError";
    this.table = row.table;
    this.rowId = row.id;
    this.field = row.field;
  }
}

const ISSUES_SHOWN = 3;

function describeIssues(error: z.ZodError): string {
  const issues = error.issues.map((issue) => `${issue.path.join(".") || "value"}: ${issue.message}`);
  const more = issues.length > ISSUES_SHOWN ? `; and ${issues.length - ISSUES_SHOWN} more` : "";
  return issues.slice(0, ISSUES_SHOWN).join("; ") + more;
}

/** The stored value as its schema reads it; throws UnreadableRowError naming the row otherwise. */
export function readStoredJson<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  row: StoredJsonRow,
): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UnreadableRowError(row, describeIssues(parsed.error));
  return parsed.data;
}

/**
 * The value as it is stored, checked by the schema that will read it back: what would not
 * read back is refused here, where the bug that made it is, rather than when it is next read.
 */
export function toStoredJson<Schema extends z.ZodType<Prisma.InputJsonValue>>(
  schema: Schema,
  value: unknown,
  row: StoredJsonRow,
): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`Refusing to store ${row.field} of ${row.table} ${row.id}: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}
