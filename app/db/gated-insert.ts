/**
 * An INSERT's statement built to run alone or as one part of a larger statement (decision 044):
 * its placeholders numbered from `first`, and its row selected FROM `gate` when given, a CTE of
 * the same statement whose row lets it happen (none: it inserts nothing). Each value is cast
 * to its column's type, which a VALUES list would have inferred and a SELECT list does not.
 */
export interface StatementPart {
  text: string;
  values: unknown[];
}

export interface GatedInsertOptions {
  /** The first placeholder's number. */
  first?: number;
  /** A CTE whose row the insert waits on; null inserts unconditionally. */
  gate?: string | null;
}

/** `$n::type` for each value, from `first`. */
export function castPlaceholders(types: readonly string[], first: number): string[] {
  return types.map((type, i) => `$${first + i}::${type}`);
}

/** `SELECT <row> [FROM gate]`: what an INSERT takes its one row from. */
export function selectRow(row: readonly string[], gate: string | null | undefined): string {
  return `SELECT ${row.join(", ")}${gate ? ` FROM ${gate}` : ""}`;
}

/** A write made alongside a statement's first CTE: its part, placeholders from `first`; null for none. */
export type SideWrite = (first: number) => StatementPart | null | Promise<StatementPart | null>;

/**
 * The side writes' CTEs (`, "write1" AS (…)`, …) to follow a statement's first CTE, each built
 * from the next free placeholder; their values are appended to `values`. PostgreSQL runs every
 * data-modifying CTE once, whether or not the statement reads it.
 */
export async function sideWriteCtes(values: unknown[], writes: readonly SideWrite[]): Promise<string> {
  let ctes = "";
  let count = 0;
  for (const write of writes) {
    const part = await write(values.length + 1);
    if (!part) continue;
    count += 1;
    ctes += `, "write${count}" AS (${part.text})`;
    values.push(...part.values);
  }
  return ctes;
}
