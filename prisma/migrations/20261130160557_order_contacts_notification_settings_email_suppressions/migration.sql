-- CreateTable
CREATE TABLE "OrderContact" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "email" TEXT,
    "orderPhone" TEXT,
    "customerPhone" TEXT,
    "shippingPhone" TEXT,
    "billingPhone" TEXT,
    "smsMarketingConsent" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderContact_pkey" PRIMARY KEY ("shop","orderId")
);

-- CreateTable
CREATE TABLE "NotificationSettings" (
    "shop" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "updatedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "EmailSuppression" (
    "shop" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "notificationId" UUID,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailSuppression_pkey" PRIMARY KEY ("shop","email","scope")
);

