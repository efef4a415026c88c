-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('SMS', 'EMAIL', 'PUSH');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('SCHEDULED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'UNKNOWN', 'CANCELLED', 'SKIPPED');

-- CreateTable
CREATE TABLE "ShopMessagingAccount" (
    "shop" TEXT NOT NULL,
    "twilioAccountSid" TEXT,
    "twilioAuthTokenSealed" TEXT,
    "twilioMessagingServiceSid" TEXT,
    "smsHelpText" TEXT,
    "sendgridApiKeySealed" TEXT,
    "sendgridFromEmail" TEXT,
    "sendgridFromName" TEXT,
    "sendgridEventPublicKey" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopMessagingAccount_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "locationId" TEXT,
    "recipient" TEXT,
    "sendAt" TIMESTAMP(3) NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'SCHEDULED',
    "statusAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "providerMessageId" TEXT,
    "errorCode" TEXT,
    "reason" TEXT,
    "sentAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsOptOut" (
    "shop" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "optedOutAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsOptOut_pkey" PRIMARY KEY ("shop","phone")
);

-- CreateTable
CREATE TABLE "SmsConsent" (
    "shop" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "wording" TEXT NOT NULL,
    "orderId" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsConsent_pkey" PRIMARY KEY ("shop","phone","scope")
);

-- CreateTable
CREATE TABLE "VendorEventReceipt" (
    "shop" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VendorEventReceipt_pkey" PRIMARY KEY ("provider","eventId")
);

-- CreateIndex
CREATE INDEX "ShopMessagingAccount_twilioAccountSid_idx" ON "ShopMessagingAccount"("twilioAccountSid");

-- CreateIndex
CREATE INDEX "Notification_status_sendAt_idx" ON "Notification"("status", "sendAt");

-- CreateIndex
CREATE INDEX "Notification_shop_providerMessageId_idx" ON "Notification"("shop", "providerMessageId");

-- CreateIndex
CREATE INDEX "Notification_shop_createdAt_idx" ON "Notification"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_shop_orderId_step_channel_key" ON "Notification"("shop", "orderId", "step", "channel");

-- CreateIndex
CREATE INDEX "VendorEventReceipt_shop_receivedAt_idx" ON "VendorEventReceipt"("shop", "receivedAt");

