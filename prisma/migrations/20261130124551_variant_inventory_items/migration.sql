-- CreateTable
CREATE TABLE "VariantInventoryItem" (
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "inventoryItemId" TEXT NOT NULL,
    "sku" TEXT,
    "productTitle" TEXT NOT NULL,
    "variantTitle" TEXT NOT NULL,
    "barcode" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VariantInventoryItem_pkey" PRIMARY KEY ("shop","variantId")
);

-- CreateIndex
CREATE INDEX "VariantInventoryItem_shop_inventoryItemId_idx" ON "VariantInventoryItem"("shop", "inventoryItemId");

