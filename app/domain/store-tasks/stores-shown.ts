/**
 * Which stores the Stores page lists under "Today at each store". A chain of a few dozen stores
 * sees every one; a national chain's 2,000 rows would make the page slow to send, paint and type
 * into, so it sees its busiest stores of the day (most orders on the board, then lateness,
 * exceptions and uncollected orders), and how many are quiet.
 */

/** The most stores listed; a shop with no more than this sees all of them, in their own order. */
export const STORES_SHOWN = 25;

export interface StoreDayActivity {
  readonly name: string;
  readonly figures: {
    readonly byState: Readonly<Record<string, number>>;
    readonly late: number;
    readonly exceptions: number;
    readonly uncollected: number;
  };
}

/** How much a store has going on today: its orders on the board, and what needs acting on. */
export function storeActivity(store: StoreDayActivity): number {
  const orders = Object.values(store.figures.byState).reduce((sum, count) => sum + count, 0);
  return orders + store.figures.late + store.figures.exceptions + store.figures.uncollected;
}

export interface StoresShown<T> {
  shown: T[];
  /** Every store of the shop. */
  total: number;
  /** Stores with nothing on their board today. */
  quiet: number;
}

export function storesShown<T extends StoreDayActivity>(stores: readonly T[], limit = STORES_SHOWN): StoresShown<T> {
  const activity = new Map(stores.map((store) => [store, storeActivity(store)]));
  const quiet = stores.filter((store) => activity.get(store) === 0).length;
  if (stores.length <= limit) return { shown: [...stores], total: stores.length, quiet };
  const busiest = [...stores]
    .sort((a, b) => activity.get(b)! - activity.get(a)! || a.name.localeCompare(b.name))
    .slice(0, limit);
  return { shown: busiest, total: stores.length, quiet };
}
