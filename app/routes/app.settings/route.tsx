import { useEffect } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Layout, Page } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useFormFields } from "~/components/use-form-fields";
import { authenticate } from "~/shopify.server";
import { readAdminForm } from "~/services/admin-forms/admin-form.server";
import { SETTINGS_FIELDS, toSettingsForm } from "~/domain/routing-settings/settings-form";
import { loadSettingsPage } from "~/services/routing-settings/settings-page.server";
import { saveRoutingSettings } from "~/services/routing-settings/settings.server";
import { tryRecentOrder, tryRoutingSettings } from "~/services/routing-settings/try-it.server";
import { HistoryCard } from "./HistoryCard";
import { RulesForm } from "./RulesForm";
import { TryItPanel } from "./TryItPanel";

const ORDER_FIELDS = ["deliveryMethod", "nearLocationId", "pickupLocationId", "shippingMethod", "items"] as const;

function fieldsOf<Key extends string>(form: FormData, keys: readonly Key[]): Partial<Record<Key, string>> {
  const values: Partial<Record<Key, string>> = {};
  for (const key of keys) {
    const value = form.get(key);
    if (typeof value === "string") values[key] = value;
  }
  return values;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return loadSettingsPage(session.shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const form = await readAdminForm(request);
  const settings = fieldsOf(form, SETTINGS_FIELDS);
  if (form.get("intent") === "try") {
    // A recent order the app recorded, or (the default) a hand-made one.
    const outcome =
      form.get("source") === "RECENT"
        ? await tryRecentOrder(session.shop, settings, fieldsOf(form, ["orderId"]).orderId, new Date())
        : await tryRoutingSettings(session.shop, settings, fieldsOf(form, ORDER_FIELDS), new Date());
    return { intent: "try" as const, outcome };
  }
  const changedBy = sessionToken?.sub ? `Staff member ${sessionToken.sub}` : null;
  return { intent: "save" as const, outcome: await saveRoutingSettings(session.shop, settings, changedBy) };
};

export default function RoutingSettingsPage() {
  const { current, version, history, places, recentOrders, timeZone } = useLoaderData<typeof loader>();
  const saved = useActionData<typeof action>();
  const shopify = useAppBridge();
  // The rules as typed: saved by the rules form, and tried as they stand by the try-it panel.
  const [form, set] = useFormFields(() => toSettingsForm(current));

  const saveErrors = saved?.intent === "save" && !saved.outcome.ok ? saved.outcome.errors : {};
  const savedVersion = saved?.intent === "save" && saved.outcome.ok ? saved.outcome.version : null;

  useEffect(() => {
    if (savedVersion !== null) shopify.toast.show(`Routing rules saved (version ${savedVersion})`);
  }, [savedVersion, shopify]);

  return (
    <Page>
      <TitleBar title="Routing rules" />
      <Layout>
        <RulesForm form={form} set={set} errors={saveErrors} version={version} />
        <TryItPanel rules={form} places={places} recentOrders={recentOrders} timeZone={timeZone} />
        <HistoryCard history={history} timeZone={timeZone} />
      </Layout>
    </Page>
  );
}
