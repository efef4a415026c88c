-- CreateTable
CREATE TABLE "ExceptionHold" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "taskId" UUID NOT NULL,
    "heldSince" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExceptionHold_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExceptionHold_shop_locationId_sku_key" ON "ExceptionHold"("shop", "locationId", "sku");

