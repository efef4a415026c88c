-- CreateTable
CREATE TABLE "RoutingComparison" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "draftSettings" JSONB NOT NULL,
    "liveVersion" INTEGER,
    "rangeFrom" TIMESTAMP(3) NOT NULL,
    "rangeTo" TIMESTAMP(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "orders" INTEGER NOT NULL,
    "stepsDone" INTEGER NOT NULL DEFAULT 0,
    "stepsTotal" INTEGER NOT NULL,
    "report" JSONB,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "RoutingComparison_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutingSettingsComparison" (
    "shop" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "comparisonId" UUID NOT NULL,
    "rangeFrom" TIMESTAMP(3) NOT NULL,
    "rangeTo" TIMESTAMP(3) NOT NULL,
    "currency" TEXT NOT NULL,
    "totals" JSONB NOT NULL,
    "comparedAt" TIMESTAMP(3) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoutingSettingsComparison_pkey" PRIMARY KEY ("shop","version")
);

-- CreateIndex
CREATE INDEX "RoutingComparison_shop_createdAt_idx" ON "RoutingComparison"("shop", "createdAt");

