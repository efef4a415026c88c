-- AlterTable
ALTER TABLE "ShopMessagingAccount" ADD COLUMN     "sendgridFeedbackGroupId" INTEGER,
ADD COLUMN     "sendgridReminderGroupId" INTEGER;

