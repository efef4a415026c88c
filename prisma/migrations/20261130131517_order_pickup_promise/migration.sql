-- CreateEnum
CREATE TYPE "OrderPickupPromiseStatus" AS ENUM ('PROMISED', 'UNAVAILABLE');

-- CreateTable
CREATE TABLE "OrderPickupPromise" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "locationName" TEXT NOT NULL,
    "status" "OrderPickupPromiseStatus" NOT NULL,
    "readyBy" TIMESTAMP(3),
    "headline" TEXT,
    "note" TEXT,
    "reason" TEXT,
    "promisedAt" TIMESTAMP(3) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderPickupPromise_pkey" PRIMARY KEY ("shop","orderId")
);

