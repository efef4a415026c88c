-- CreateTable
CREATE TABLE "LocationDailyOrders" (
    "shop" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "orders" INTEGER NOT NULL,

    CONSTRAINT "LocationDailyOrders_pkey" PRIMARY KEY ("shop","locationId","day")
);


-- The last two days' decisions counted, so a deploy in the middle of a day does not forget the
-- orders its locations already took (a zone PostgreSQL does not know counts in UTC).
INSERT INTO "LocationDailyOrders" ("shop", "locationId", "day", "orders")
SELECT d."shop",
       a.location_id,
       (d."decidedAt" AT TIME ZONE 'UTC' AT TIME ZONE COALESCE(z.name, 'UTC'))::date,
       count(*)
  FROM "RoutingDecision" d
 CROSS JOIN LATERAL (
       SELECT DISTINCT element->>'locationId' AS location_id
         FROM jsonb_array_elements(CASE WHEN jsonb_typeof(d."assignments") = 'array' THEN d."assignments" ELSE '[]'::jsonb END) AS element
       ) a
  LEFT JOIN "LocationProfile" p ON p."shop" = d."shop" AND p."locationId" = a.location_id
  LEFT JOIN pg_timezone_names z ON z.name = p."timeZone"
 WHERE d."status" IN ('ROUTED', 'SPLIT')
   AND d."decidedAt" > now() - interval '2 days'
   AND a.location_id IS NOT NULL
 GROUP BY 1, 2, 3;
