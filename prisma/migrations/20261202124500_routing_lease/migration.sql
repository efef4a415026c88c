-- CreateTable
CREATE TABLE "RoutingLease" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "holder" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoutingLease_pkey" PRIMARY KEY ("shop","orderId")
);
