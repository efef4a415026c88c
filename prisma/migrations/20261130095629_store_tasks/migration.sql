-- CreateEnum
CREATE TYPE "StoreTaskKind" AS ENUM ('PICKUP', 'SHIP', 'LOCAL_DELIVERY');

-- CreateEnum
CREATE TYPE "StoreTaskState" AS ENUM ('NEW', 'PICKING', 'PACKED', 'STAGED', 'READY', 'PICKED_UP', 'SHIPPED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION', 'CANCELLED');

-- CreateEnum
CREATE TYPE "StoreTaskEndedReason" AS ENUM ('FULFILLED_ELSEWHERE', 'CANCELLED', 'CLOSED', 'MOVED_AWAY');

-- CreateEnum
CREATE TYPE "StoreTaskShopifyAction" AS ENUM ('PROGRESS', 'READY', 'FULFILL');

-- CreateEnum
CREATE TYPE "StoreTaskManualReason" AS ENUM ('LABEL_UNREADABLE', 'NO_BARCODE', 'SCANNER_BROKEN');

-- CreateEnum
CREATE TYPE "StoreTaskLineException" AS ENUM ('NOT_FOUND', 'DAMAGED');

-- CreateEnum
CREATE TYPE "BinLocationSource" AS ENUM ('MERCHANT', 'PICKER');

-- CreateTable
CREATE TABLE "StoreTask" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "fulfillmentOrderId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "kind" "StoreTaskKind" NOT NULL,
    "state" "StoreTaskState" NOT NULL DEFAULT 'NEW',
    "customerName" TEXT,
    "pickupCode" TEXT NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "firstScanAt" TIMESTAMP(3),
    "packedAt" TIMESTAMP(3),
    "stagedAt" TIMESTAMP(3),
    "readyAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "endedReason" "StoreTaskEndedReason",
    "bin" TEXT,
    "carrier" TEXT,
    "trackingNumber" TEXT,
    "pendingShopifyAction" "StoreTaskShopifyAction",
    "wrongScans" INTEGER NOT NULL DEFAULT 0,
    "rightScans" INTEGER NOT NULL DEFAULT 0,
    "customerWaitingAt" TIMESTAMP(3),
    "customerWaitingSpot" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoreTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoreTaskLine" (
    "shop" TEXT NOT NULL,
    "taskId" UUID NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sku" TEXT,
    "barcode" TEXT,
    "title" TEXT NOT NULL,
    "variantTitle" TEXT,
    "imageUrl" TEXT,
    "quantity" INTEGER NOT NULL,
    "picked" INTEGER NOT NULL DEFAULT 0,
    "manualReason" "StoreTaskManualReason",
    "exceptionReason" "StoreTaskLineException",
    "exceptionNote" TEXT,
    "takenOffAt" TIMESTAMP(3),

    CONSTRAINT "StoreTaskLine_pkey" PRIMARY KEY ("taskId","lineItemId")
);

-- CreateTable
CREATE TABLE "StoreTaskEvent" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "taskId" UUID NOT NULL,
    "fromState" "StoreTaskState",
    "toState" "StoreTaskState" NOT NULL,
    "staffMemberId" TEXT,
    "userId" TEXT,
    "locationId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "clientRequestId" TEXT,
    "detail" JSONB,

    CONSTRAINT "StoreTaskEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItemBinLocation" (
    "shop" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "source" "BinLocationSource" NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ItemBinLocation_pkey" PRIMARY KEY ("shop","locationId","sku")
);

-- CreateIndex
CREATE INDEX "StoreTask_shop_locationId_state_dueAt_idx" ON "StoreTask"("shop", "locationId", "state", "dueAt");

-- CreateIndex
CREATE INDEX "StoreTask_shop_orderId_idx" ON "StoreTask"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "StoreTask_shop_fulfillmentOrderId_locationId_key" ON "StoreTask"("shop", "fulfillmentOrderId", "locationId");

-- CreateIndex
CREATE INDEX "StoreTaskEvent_taskId_at_idx" ON "StoreTaskEvent"("taskId", "at");

-- CreateIndex
CREATE INDEX "StoreTaskEvent_shop_locationId_at_idx" ON "StoreTaskEvent"("shop", "locationId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "StoreTaskEvent_shop_clientRequestId_key" ON "StoreTaskEvent"("shop", "clientRequestId");

-- AddForeignKey
ALTER TABLE "StoreTaskLine" ADD CONSTRAINT "StoreTaskLine_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "StoreTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoreTaskEvent" ADD CONSTRAINT "StoreTaskEvent_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "StoreTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand: partial unique indexes, which Prisma's schema cannot express (see StoreTask
-- in schema.prisma). Open states: NEW, PICKING, PACKED, STAGED, READY, EXCEPTION.

-- One open task per fulfilment order: a move ends the old store's task before the new one opens.
CREATE UNIQUE INDEX "StoreTask_open_fulfillmentOrderId_key" ON "StoreTask"("shop", "fulfillmentOrderId")
    WHERE "state" IN ('NEW', 'PICKING', 'PACKED', 'STAGED', 'READY', 'EXCEPTION');

-- A pickup code names one open task of the shop (and serves the handover lookup).
CREATE UNIQUE INDEX "StoreTask_open_pickupCode_key" ON "StoreTask"("shop", "pickupCode")
    WHERE "state" IN ('NEW', 'PICKING', 'PACKED', 'STAGED', 'READY', 'EXCEPTION');
