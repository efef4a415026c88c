-- AlterTable
ALTER TABLE "ShopInstallation" ADD COLUMN     "timeZone" TEXT;

-- AlterTable
ALTER TABLE "WebhookEvent" DROP COLUMN "processedAt";

