-- AlterTable
ALTER TABLE "LocationProfile" ADD COLUMN     "preparationMinutes" INTEGER,
ADD COLUMN     "sameDayCutoff" TEXT;

-- CreateTable
CREATE TABLE "StoreSettings" (
    "shop" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "StoreSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "StaffNickname" (
    "shop" TEXT NOT NULL,
    "staffMemberId" TEXT NOT NULL,
    "nickname" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffNickname_pkey" PRIMARY KEY ("shop","staffMemberId")
);

