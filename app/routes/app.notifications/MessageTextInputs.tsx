import { MESSAGE_TEXT_FIELDS } from "~/domain/notifications/message-texts-form";
import type { CadenceForm } from "~/domain/notifications/settings-form";

/**
 * The shop's texts and emails as the cadence form posts them: edited in the preview panel,
 * which sits outside the form, so every one goes as a hidden field (the ones not on screen too).
 */
export function MessageTextInputs({ form }: { form: Required<CadenceForm> }) {
  return (
    <>
      {MESSAGE_TEXT_FIELDS.map((field) => (
        <input key={field} type="hidden" name={field} value={form[field]} />
      ))}
    </>
  );
}
