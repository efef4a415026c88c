import { describe, expect, it } from "vitest";
import { uniqueShop } from "../../../tests/support/shops";
import { DEFAULT_STORE_SETTINGS } from "~/domain/store-tasks/settings";
import { toStoreSettingsForm } from "~/domain/store-tasks/settings-form";
import { SENDGRID_NOT_SET_UP } from "~/integrations/sendgrid/app-sendgrid-account.server";
import { storeEmailsUnavailableReason } from "./alert-email-availability.server";
import { currentStoreSettings, saveStoreSettings } from "./store-settings.server";

/** On a server without the app's SendGrid account (as the tests' environment is): store emails stay off. */

describe("store emails without SendGrid set up", () => {
  it("are unavailable, and the settings say why", () => {
    expect(storeEmailsUnavailableReason()).toBe(SENDGRID_NOT_SET_UP);
  });

  it("cannot be turned on: the save is refused with the reason, and nothing is saved", async () => {
    const shop = uniqueShop();
    const form = { ...toStoreSettingsForm(DEFAULT_STORE_SETTINGS), emailStoresOnNewTask: "true" };

    expect(await saveStoreSettings(shop, form, null)).toEqual({
      ok: false,
      errors: { emailStoresOnNewTask: SENDGRID_NOT_SET_UP },
    });
    expect((await currentStoreSettings(shop)).saved).toBeNull();
    expect(await saveStoreSettings(shop, { ...form, emailStoresOnNewTask: "false" }, null)).toMatchObject({
      ok: true,
    });
  });
});
