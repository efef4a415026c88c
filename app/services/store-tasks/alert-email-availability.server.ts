import { appSendGridAccount, type AppSendGridAccount } from "~/integrations/sendgrid/app-sendgrid-account.server";

/**
 * Whether stores can be emailed when an order arrives: only when the app's SendGrid account is
 * set up on this server. Null when they can; else why not, for the Stores page to say.
 */
export function storeEmailsUnavailableReason(account: AppSendGridAccount = appSendGridAccount()): string | null {
  return account.available ? null : account.reason;
}
