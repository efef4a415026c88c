-- CreateTable
CREATE TABLE "RoutingSettingsVersion" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "settings" JSONB NOT NULL,
    "changedBy" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoutingSettingsVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RoutingSettingsVersion_shop_version_key" ON "RoutingSettingsVersion"("shop", "version");

