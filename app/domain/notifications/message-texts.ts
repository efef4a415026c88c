import { z } from "zod";
import {
  CUSTOMER_EMAIL_STEPS,
  emailTemplateProblems,
  logoUrlProblem,
  type CustomerEmailStep,
  type CustomerEmailTemplate,
  type CustomerEmailTemplates,
} from "../email/customer-email-templates";
import { smsTemplateProblems, type SmsTexts } from "./sms-text";
import { CADENCE_STEP_KEYS, type CadenceStepKey } from "./steps";

/**
 * The shop's own wording, as the notification settings store it: a text per step sent by SMS, a
 * subject and body per customer email, and the logo the emails show. Each is checked as the
 * settings page checks it while the merchant types (sms-text.ts, customer-email-templates.ts).
 */

export interface MessageTexts {
  /** Only the steps the merchant reworded; the others use the app's text. */
  readonly texts?: SmsTexts;
  readonly emailTemplates?: CustomerEmailTemplates;
  /** https only; null: the emails show the shop's name instead. */
  readonly emailLogoUrl?: string | null;
}

const smsTexts = z.partialRecord(z.enum(CADENCE_STEP_KEYS), z.string()).superRefine((texts, ctx) => {
  for (const [step, text] of Object.entries(texts) as [CadenceStepKey, string][]) {
    // One message a field: the first thing to fix.
    const problem = smsTemplateProblems(step, text)[0];
    if (problem) ctx.addIssue({ code: "custom", path: [step], message: problem });
  }
});

const emailTemplates = z
  .partialRecord(
    z.enum(CUSTOMER_EMAIL_STEPS),
    z.object({ subject: z.string(), heading: z.string().optional(), body: z.string() }),
  )
  .superRefine((templates, ctx) => {
    for (const [step, template] of Object.entries(templates) as [CustomerEmailStep, CustomerEmailTemplate][]) {
      const problems = emailTemplateProblems(template);
      if (problems.subject) ctx.addIssue({ code: "custom", path: [step, "subject"], message: problems.subject });
      if (problems.heading) ctx.addIssue({ code: "custom", path: [step, "heading"], message: problems.heading });
      if (problems.body) ctx.addIssue({ code: "custom", path: [step, "body"], message: problems.body });
    }
  });

const emailLogoUrl = z
  .string()
  .trim()
  .nullable()
  .superRefine((url, ctx) => {
    const problem = url === null ? null : logoUrlProblem(url);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** The settings' keys for the shop's wording, each optional: settings saved before them still read. */
export const messageTextsShape = {
  texts: smsTexts.optional(),
  emailTemplates: emailTemplates.optional(),
  emailLogoUrl: emailLogoUrl.optional(),
};
