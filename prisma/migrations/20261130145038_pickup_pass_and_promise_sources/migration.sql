-- CreateEnum
CREATE TYPE "OrderPickupPromiseSource" AS ENUM ('CHECKOUT', 'ORDER_PLACED');

-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "pickupTime" TEXT;

-- AlterTable
ALTER TABLE "LocationProfile" ADD COLUMN     "pickupOrderCutoff" TEXT;

-- AlterTable
ALTER TABLE "RoutedOrder" ADD COLUMN     "confirmationNumber" TEXT;

-- AlterTable
ALTER TABLE "OrderPickupPromise" ADD COLUMN     "source" "OrderPickupPromiseSource" NOT NULL DEFAULT 'ORDER_PLACED';

