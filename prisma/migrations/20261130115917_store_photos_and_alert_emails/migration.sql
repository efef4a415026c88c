-- CreateEnum
CREATE TYPE "StoreTaskPhotoPurpose" AS ENUM ('EXCEPTION', 'DELIVERY');

-- CreateEnum
CREATE TYPE "StoreTaskAlertEmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'UNKNOWN');

-- AlterTable
ALTER TABLE "LocationProfile" ADD COLUMN     "storeEmail" TEXT;

-- CreateTable
CREATE TABLE "StoreTaskPhoto" (
    "id" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "taskId" UUID NOT NULL,
    "purpose" "StoreTaskPhotoPurpose" NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "staffMemberId" TEXT,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "clientRequestId" TEXT NOT NULL,

    CONSTRAINT "StoreTaskPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoreTaskAlertEmail" (
    "taskId" UUID NOT NULL,
    "shop" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "status" "StoreTaskAlertEmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMP(3),
    "providerMessageId" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoreTaskAlertEmail_pkey" PRIMARY KEY ("taskId")
);

-- CreateIndex
CREATE INDEX "StoreTaskPhoto_taskId_idx" ON "StoreTaskPhoto"("taskId");

-- CreateIndex
CREATE UNIQUE INDEX "StoreTaskPhoto_shop_clientRequestId_key" ON "StoreTaskPhoto"("shop", "clientRequestId");

-- CreateIndex
CREATE INDEX "StoreTaskAlertEmail_shop_createdAt_idx" ON "StoreTaskAlertEmail"("shop", "createdAt");

-- AddForeignKey
ALTER TABLE "StoreTaskPhoto" ADD CONSTRAINT "StoreTaskPhoto_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "StoreTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoreTaskAlertEmail" ADD CONSTRAINT "StoreTaskAlertEmail_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "StoreTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The escalation scan (app/models/store-task-escalations.server.ts) looks across shops for new
-- tasks coming due; only those rows belong in its index.
CREATE INDEX "StoreTask_new_due_idx" ON "StoreTask" ("dueAt") WHERE "state" = 'NEW' AND "dueAt" IS NOT NULL;
