-- CreateEnum
CREATE TYPE "OrderDeliveryMethod" AS ENUM ('SHIPPING', 'PICK_UP', 'LOCAL_DELIVERY');

-- CreateEnum
CREATE TYPE "RoutingDecisionStatus" AS ENUM ('ROUTED', 'SPLIT', 'UNROUTABLE');

-- CreateEnum
CREATE TYPE "DecisionMoveStatus" AS ENUM ('PENDING', 'DONE', 'FAILED', 'NONE');

-- CreateEnum
CREATE TYPE "FulfillmentMoveStatus" AS ENUM ('PENDING', 'MOVED', 'ALREADY_THERE', 'FAILED');

-- CreateTable
CREATE TABLE "RoutedOrder" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "placedAt" TIMESTAMP(3) NOT NULL,
    "deliveryMethod" "OrderDeliveryMethod",
    "pickupLocationId" TEXT,
    "shippingLineTitle" TEXT,
    "shippingLineCode" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "lines" JSONB NOT NULL,
    "customerId" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoutedOrder_pkey" PRIMARY KEY ("shop","orderId")
);

-- CreateTable
CREATE TABLE "RoutingDecision" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "status" "RoutingDecisionStatus" NOT NULL,
    "assignments" JSONB NOT NULL,
    "flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "unroutableSkus" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "trace" JSONB NOT NULL,
    "deliveryMethod" "OrderDeliveryMethod" NOT NULL,
    "serviceLevel" TEXT NOT NULL,
    "settingsVersion" INTEGER,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "moveStatus" "DecisionMoveStatus" NOT NULL DEFAULT 'PENDING',
    "costRequested" INTEGER NOT NULL DEFAULT 0,
    "costActual" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoutingDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FulfillmentMove" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "fulfillmentOrderId" TEXT NOT NULL,
    "fromLocationId" TEXT NOT NULL,
    "toLocationId" TEXT NOT NULL,
    "lineItems" JSONB,
    "status" "FulfillmentMoveStatus" NOT NULL,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "movedFulfillmentOrderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FulfillmentMove_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InventoryReservation" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reflectedAfter" TIMESTAMP(3),
    "clearedAt" TIMESTAMP(3),
    "clearedReason" TEXT,

    CONSTRAINT "InventoryReservation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RoutedOrder_shop_customerId_idx" ON "RoutedOrder"("shop", "customerId");

-- CreateIndex
CREATE INDEX "RoutedOrder_shop_placedAt_idx" ON "RoutedOrder"("shop", "placedAt");

-- CreateIndex
CREATE INDEX "RoutingDecision_shop_decidedAt_idx" ON "RoutingDecision"("shop", "decidedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RoutingDecision_shop_orderId_key" ON "RoutingDecision"("shop", "orderId");

-- CreateIndex
CREATE INDEX "FulfillmentMove_shop_orderId_idx" ON "FulfillmentMove"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "FulfillmentMove_shop_fulfillmentOrderId_toLocationId_key" ON "FulfillmentMove"("shop", "fulfillmentOrderId", "toLocationId");

-- CreateIndex
CREATE INDEX "InventoryReservation_shop_sku_clearedAt_idx" ON "InventoryReservation"("shop", "sku", "clearedAt");

-- CreateIndex
CREATE INDEX "InventoryReservation_shop_orderId_idx" ON "InventoryReservation"("shop", "orderId");

-- CreateIndex
CREATE INDEX "InventoryReservation_shop_locationId_clearedAt_idx" ON "InventoryReservation"("shop", "locationId", "clearedAt");

