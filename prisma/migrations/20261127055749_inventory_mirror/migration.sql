-- CreateEnum
CREATE TYPE "LocationKind" AS ENUM ('STORE', 'WAREHOUSE');

-- CreateTable
CREATE TABLE "Location" (
    "shop" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address1" TEXT,
    "city" TEXT,
    "provinceCode" TEXT,
    "zip" TEXT,
    "countryCode" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "isActive" BOOLEAN NOT NULL,
    "fulfillsOnlineOrders" BOOLEAN NOT NULL,
    "pickupEnabled" BOOLEAN NOT NULL,
    "sourceUpdatedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Location_pkey" PRIMARY KEY ("shop","locationId")
);

-- CreateTable
CREATE TABLE "LocationProfile" (
    "shop" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "kind" "LocationKind" NOT NULL,
    "labourCostPerOrder" DECIMAL(10,2) NOT NULL DEFAULT 3.00,
    "shippingBaseCost" DECIMAL(10,2) NOT NULL DEFAULT 5.00,
    "shippingCostPerMile" DECIMAL(10,4) NOT NULL DEFAULT 0.05,
    "dailyCapacity" INTEGER,
    "openingHours" JSONB,
    "timeZone" TEXT NOT NULL,
    "pickupEnabledOverride" BOOLEAN,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LocationProfile_pkey" PRIMARY KEY ("shop","locationId")
);

-- CreateTable
CREATE TABLE "InventoryLevel" (
    "shop" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "inventoryItemId" TEXT NOT NULL,
    "sku" TEXT,
    "available" INTEGER NOT NULL,
    "committed" INTEGER,
    "onHand" INTEGER,
    "sourceUpdatedAt" TIMESTAMP(3) NOT NULL,
    "syncedAt" TIMESTAMP(3),

    CONSTRAINT "InventoryLevel_pkey" PRIMARY KEY ("shop","locationId","inventoryItemId")
);

-- CreateIndex
CREATE INDEX "InventoryLevel_shop_sku_idx" ON "InventoryLevel"("shop", "sku");

-- CreateIndex
CREATE INDEX "InventoryLevel_shop_inventoryItemId_idx" ON "InventoryLevel"("shop", "inventoryItemId");

-- AddForeignKey
ALTER TABLE "LocationProfile" ADD CONSTRAINT "LocationProfile_shop_locationId_fkey" FOREIGN KEY ("shop", "locationId") REFERENCES "Location"("shop", "locationId") ON DELETE CASCADE ON UPDATE CASCADE;

