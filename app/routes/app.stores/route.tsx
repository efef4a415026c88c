import { useEffect } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Layout, Page } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useFormFields } from "~/components/use-form-fields";
import { STORE_SETTINGS_FIELDS, toStoreSettingsForm } from "~/domain/store-tasks/settings-form";
import { leaderboardPeriodOf } from "~/domain/store-tasks/leaderboard-period";
import { authenticate } from "~/shopify.server";
import { readAdminForm } from "~/services/admin-forms/admin-form.server";
import { formatDateTime } from "~/domain/date-time";
import { shopTimeZone } from "~/services/shop/shop-time-zone.server";
import { BIN_IMPORT_MAX_BYTES, binImportTooLarge } from "~/services/store-tasks/bin-locations-csv";
import { importBinLocationsFrom } from "~/services/store-tasks/bin-locations.server";
import { nameStaffMember } from "~/services/store-tasks/staff-nicknames.server";
import { storesPerformance } from "~/services/store-tasks/store-performance.server";
import { storesShown } from "~/domain/store-tasks/stores-shown";
import { FALLBACK_LOCALE, knownLocale } from "~/domain/roi/roi-formulas";
import { storeEmailsUnavailableReason } from "~/services/store-tasks/alert-email-availability.server";
import { currentStoreSettings, saveStoreSettings } from "~/services/store-tasks/store-settings.server";
import { BinImportCard } from "./BinImportCard";
import { Leaderboard } from "./Leaderboard";
import { NeedsAttention } from "./NeedsAttention";
import { StoreSettingsForm } from "./StoreSettingsForm";
import { StoresToday } from "./StoresToday";
import { PageErrorBoundary } from "~/components/PageErrorBoundary";

function fieldsOf<Key extends string>(form: FormData, keys: readonly Key[]): Partial<Record<Key, string>> {
  const values: Partial<Record<Key, string>> = {};
  for (const key of keys) {
    const value = form.get(key);
    if (typeof value === "string") values[key] = value;
  }
  return values;
}

/** The locale the merchant reads in: the admin's `locale` parameter, else the browser's first language. */
function merchantLocale(request: Request): string {
  const firstLanguage = (request.headers.get("Accept-Language") ?? "").split(",")[0]?.split(";")[0]?.trim();
  return knownLocale(new URL(request.url).searchParams.get("locale")) ?? knownLocale(firstLanguage) ?? FALLBACK_LOCALE;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const now = new Date();
  const [{ settings, saved }, timeZone] = await Promise.all([
    currentStoreSettings(session.shop),
    shopTimeZone(session.shop),
  ]);
  // A period the page does not offer (a stale or edited link) shows the default, not an error.
  const leaderboardPeriod = leaderboardPeriodOf(new URL(request.url).searchParams.get("period"));
  const { stores, leaderboard } = await storesPerformance(session.shop, settings, now, {
    period: leaderboardPeriod,
    timeZone,
  });
  // A national chain's stores are too many for one table: its busiest today, and a count of the rest.
  const { shown, total, quiet } = storesShown(stores);
  const numbers = new Intl.NumberFormat(merchantLocale(request));
  return {
    stores: shown,
    storeCount: total,
    // Counted in the merchant's locale here, so the server's and the browser's render agree.
    storeCountText: numbers.format(total),
    quietStoresText: numbers.format(quiet),
    storesNeedingAttention: stores.filter(
      (store) => store.attention.notStarted.length > 0 || store.attention.uncollected.length > 0,
    ),
    leaderboard,
    leaderboardPeriod,
    settings,
    // Formatted here, in the shop's zone, so the server's and the browser's render agree.
    savedAt: saved ? formatDateTime(saved.at, timeZone) : null,
    savedBy: saved?.by ?? null,
    storeEmailsUnavailable: storeEmailsUnavailableReason(),
    asOf: formatDateTime(now, timeZone),
  };
};

/** The bin import's form, its 1 MB file and the rest of the form; a larger body is not read. */
const BIN_IMPORT_FORM_MAX_BYTES = BIN_IMPORT_MAX_BYTES + 64 * 1024;

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  if (Number(request.headers.get("Content-Length") ?? "0") > BIN_IMPORT_FORM_MAX_BYTES) {
    return { intent: "bin-import" as const, outcome: binImportTooLarge() };
  }
  const form = await readAdminForm(request);
  if (form.get("intent") === "bin-import") {
    const file = form.get("binsFile");
    const upload = file instanceof Blob && file.size > 0 ? file : String(form.get("binsText") ?? "");
    return { intent: "bin-import" as const, outcome: await importBinLocationsFrom(session.shop, upload) };
  }
  if (form.get("intent") === "nickname") {
    const { staffMemberId, nickname } = fieldsOf(form, ["staffMemberId", "nickname"]);
    return { intent: "nickname" as const, outcome: await nameStaffMember(session.shop, staffMemberId, nickname) };
  }
  const by = sessionToken?.sub ? `Staff member ${sessionToken.sub}` : null;
  const outcome = await saveStoreSettings(session.shop, fieldsOf(form, STORE_SETTINGS_FIELDS), by);
  return { intent: "settings" as const, outcome };
};

export default function StoresPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const shopify = useAppBridge();
  const [form, set] = useFormFields(() => toStoreSettingsForm(page.settings));
  // Reloading this page's figures (after a save, or coming back to it).
  const loading = navigation.state === "loading" && navigation.location.pathname === "/app/stores";

  const settingsErrors = result?.intent === "settings" && !result.outcome.ok ? result.outcome.errors : {};
  const nicknameErrors = result?.intent === "nickname" && !result.outcome.ok ? result.outcome.errors : {};
  const settingsSaved = result?.intent === "settings" && result.outcome.ok;
  const nicknameSaved = result?.intent === "nickname" && result.outcome.ok;

  useEffect(() => {
    if (settingsSaved) shopify.toast.show("Store settings saved");
  }, [settingsSaved, shopify]);
  useEffect(() => {
    if (nicknameSaved) shopify.toast.show("Name saved");
  }, [nicknameSaved, shopify]);

  return (
    <Page>
      <TitleBar title="Stores" />
      <Layout>
        <NeedsAttention stores={page.storesNeedingAttention} notStartedMinutes={page.settings.notStartedMinutes} />
        <Layout.Section>
          <StoresToday
            stores={page.stores}
            storeCount={page.storeCount}
            storeCountText={page.storeCountText}
            quietStoresText={page.quietStoresText}
            pickTargetSeconds={page.settings.pickTargetSeconds}
            uncollectedDays={page.settings.uncollectedDays}
            asOf={page.asOf}
            loading={loading}
          />
        </Layout.Section>
        <Layout.Section>
          <Leaderboard
            // A new period is a new list of staff: the naming form starts again from its first.
            key={page.leaderboardPeriod}
            rows={page.leaderboard}
            period={page.leaderboardPeriod}
            pickTargetSeconds={page.settings.pickTargetSeconds}
            errors={nicknameErrors}
            loading={loading}
          />
        </Layout.Section>
        <StoreSettingsForm
          form={form}
          set={set}
          errors={settingsErrors}
          savedAt={page.savedAt}
          savedBy={page.savedBy}
          storeEmailsUnavailable={page.storeEmailsUnavailable}
        />
        <BinImportCard result={result?.intent === "bin-import" ? result.outcome : null} />
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <PageErrorBoundary title="Stores" failed="The stores could not be loaded" />;
}
