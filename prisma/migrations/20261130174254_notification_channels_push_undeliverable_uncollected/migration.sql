-- AlterTable
ALTER TABLE "ShopMessagingAccount" ADD COLUMN     "onesignalAppId" TEXT,
ADD COLUMN     "onesignalRestApiKeySealed" TEXT;

-- AlterTable
ALTER TABLE "OrderContact" ADD COLUMN     "customerId" TEXT;

-- CreateTable
CREATE TABLE "SmsUndeliverableNumber" (
    "shop" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "errorCode" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsUndeliverableNumber_pkey" PRIMARY KEY ("shop","phone")
);

-- CreateTable
CREATE TABLE "UncollectedCancellation" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "restock" BOOLEAN NOT NULL,
    "refund" BOOLEAN NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "UncollectedCancellation_pkey" PRIMARY KEY ("shop","orderId")
);

-- CreateIndex
CREATE INDEX "UncollectedCancellation_shop_requestedAt_idx" ON "UncollectedCancellation"("shop", "requestedAt");

