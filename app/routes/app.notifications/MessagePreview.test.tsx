import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import { AppProvider } from "@shopify/polaris";
import translations from "@shopify/polaris/locales/en.json";
import { DEFAULT_NOTIFICATION_SETTINGS } from "~/domain/notifications";
import { toCadenceForm } from "~/domain/notifications/settings-form";
import { CadenceTimeline } from "./CadenceTimeline";
import { MessagePreview } from "./MessagePreview";
import { MessageTextInputs } from "./MessageTextInputs";

/** The texts' editor and preview as the server renders them: the preview follows the form's texts as typed. */

const render = (element: ReactElement) =>
  renderToStaticMarkup(<AppProvider i18n={translations}>{element}</AppProvider>);
const FORM = toCadenceForm(DEFAULT_NOTIFICATION_SETTINGS);
const SAMPLE = { shopName: "Windy City Outfitters", pickupPassUrl: "https://app.example/pickup/abc" };
const ignore = () => () => undefined;

describe("the texts' editor and preview", () => {
  it("previews the text being typed, filled in, with its segments counted in GSM-7", () => {
    const form = { ...FORM, "READY_SMS.text": "{{shopName}}: {{orderName}} is ready at {{storeName}}. HELP STOP" };

    const html = render(<MessagePreview form={form} sample={SAMPLE} set={ignore} />);

    expect(html).toContain("Windy City Outfitters: #1042 is ready at Lincoln Park. HELP STOP");
    expect(html).toContain("64 characters · 1 segment (GSM-7)");
    expect(html).toContain("{{shopName}}: {{orderName}} is ready at {{storeName}}. HELP STOP</textarea>");
  });

  it("counts a text with an emoji as UCS-2, and says why its segments got shorter", () => {
    const form = { ...FORM, "DELIVERED_SMS.text": "{{shopName}}: delivered 📦" };

    const html = render(<MessagePreview form={form} sample={SAMPLE} initialStep="DELIVERED_SMS" set={ignore} />);

    expect(html).toContain("(UCS-2)");
    expect(html).toContain("makes every segment hold 70 characters instead of 160");
  });

  it("names an unknown placeholder while the merchant types, before any save", () => {
    const form = { ...FORM, "DELIVERED_SMS.text": "{{shopName}}: hi {{firstName}}" };

    const html = render(<MessagePreview form={form} sample={SAMPLE} initialStep="DELIVERED_SMS" set={ignore} />);

    expect(html).toContain("Unknown placeholder {{firstName}}");
  });

  it("previews the merchant's email with the logo, escaped, in a sandboxed frame, and as plain text", () => {
    const form = {
      ...FORM,
      "email.REMINDER.subject": "Still here, {{customerFirstName}}",
      "email.REMINDER.body": "<b>Come</b> to {{storeName}}",
      emailLogoUrl: "https://cdn.windy.example/logo.png",
    };

    const html = render(<MessagePreview form={form} sample={SAMPLE} initialStep="REMINDER_DAY_2" set={ignore} />);

    expect(html).toContain("Still here, Ada");
    expect(html).toMatch(/<iframe[^>]*sandbox=""[^>]*srcDoc="[^"]*cdn\.windy\.example\/logo\.png/);
    // In the frame's srcdoc the email's own escaping is escaped once more as an attribute.
    expect(html).toContain("&amp;lt;b&amp;gt;Come&amp;lt;/b&amp;gt; to Lincoln Park");
    expect(html).toContain("Plain-text version");
    expect(html).toMatch(/<pre[^>]*>Windy City Outfitters\n\n&lt;b&gt;Come&lt;\/b&gt; to Lincoln Park/);
    expect(html).toContain("Reset email to recommended");
  });

  it("refuses a logo that is not https while it is typed", () => {
    const form = { ...FORM, emailLogoUrl: "http://windy.example/logo.png" };

    const html = render(<MessagePreview form={form} sample={SAMPLE} initialStep="REMINDER_DAY_2" set={ignore} />);

    expect(html).toContain("Enter the logo&#x27;s https:// address");
  });

  it("posts every text as a hidden field of the cadence form", () => {
    const html = render(<MessageTextInputs form={{ ...FORM, "SHIPPED_SMS.text": "{{shopName}} shipped" }} />);

    expect(html).toContain('name="SHIPPED_SMS.text" value="{{shopName}} shipped"');
    expect(html).toContain('name="email.FEEDBACK.subject"');
    expect(html).toContain('name="emailLogoUrl" value=""');
  });

  it("offers each timeline row's text for editing, and shows a text's error in its row", () => {
    const html = render(
      <CadenceTimeline
        form={{ ...FORM, "SHIPPED_SMS.text": "{{shopName}} shipped" }}
        set={ignore}
        errors={{ "CONFIRMATION_SMS.text": 'Keep "STOP" in this text' }}
        onEditText={() => undefined}
      />,
    );

    // Each row's button says "Edit text", and its accessible name starts with what it says.
    expect(html.match(/>Edit text</g)).toHaveLength(13);
    expect(html.match(/aria-label="Edit text: /g)).toHaveLength(13);
    expect(html).toContain("Your own text");
    expect(html).toContain("Keep &quot;STOP&quot; in this text");
  });
});
