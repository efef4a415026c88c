-- AlterTable
ALTER TABLE "ShopInstallation" ADD COLUMN "inventorySyncedAt" TIMESTAMP(3);

-- Shops whose mirror a full sync has already filled (it reaches the variants last) are not made to
-- wait for the next one: routing defers only while this is null.
UPDATE "ShopInstallation" s
   SET "inventorySyncedAt" = (SELECT max(v."syncedAt") FROM "VariantInventoryItem" v WHERE v."shop" = s."shop");
