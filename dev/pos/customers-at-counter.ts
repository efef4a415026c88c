import pg from "pg";

/**
 * The shoppers who could walk up to a store's counter: those whose pickup order there is ready,
 * with the pickup code their message gave them. The app's POS API rightly never shows the code
 * to the associate (it is the shopper's proof), so the stand-in reads what the shopper holds
 * from the demo's database, the way their phone would hold the message.
 */
export interface CustomerAtCounter {
  orderName: string;
  customerName: string | null;
  pickupCode: string;
}

export interface CustomersAtCounter {
  readyAt(shop: string, locationId: string): Promise<CustomerAtCounter[]>;
  close(): Promise<void>;
}

export function customersAtCounter(databaseUrl: string): CustomersAtCounter {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  return {
    async readyAt(shop, locationId) {
      const { rows } = await pool.query<CustomerAtCounter>(
        `SELECT "orderName", "customerName", "pickupCode" FROM "StoreTask"
          WHERE shop = $1 AND "locationId" = $2 AND state = 'READY' AND "endedAt" IS NULL
          ORDER BY "readyAt" DESC NULLS LAST LIMIT 10`,
        [shop, locationId],
      );
      return rows;
    },
    async close() {
      await pool.end();
    },
  };
}
