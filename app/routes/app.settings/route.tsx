import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Banner, Layout, Page } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useFormFields } from "~/components/use-form-fields";
import { env } from "~/env.server";
import { authenticate } from "~/shopify.server";
import { readAdminForm } from "~/services/admin-forms/admin-form.server";
import { SETTINGS_FIELDS, toSettingsForm } from "~/domain/routing-settings/settings-form";
import { loadSettingsPage } from "~/services/routing-settings/settings-page.server";
import { tryRecentOrder, tryRoutingSettings } from "~/services/routing-settings/try-it.server";
import { acceptedLanguages, displayLocale } from "~/domain/display-locale";
import { routingCompareRulesJob } from "~/services/routing-comparison/compare-rules.job.server";
import {
  comparisonView,
  saveRulesWithComparison,
  startComparison,
} from "~/services/routing-comparison/comparison.server";
import { shopMoneyFormat } from "~/services/roi/shop-money-format.server";
import { CompareCard } from "./CompareCard";
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
  const page = await loadSettingsPage(session.shop);
  // Amounts and counts in the admin's locale, so server and browser render alike.
  const locale = displayLocale([
    new URL(request.url).searchParams.get("locale"),
    ...acceptedLanguages(request.headers.get("Accept-Language")),
  ]);
  return { ...page, locale };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session, sessionToken } = await authenticate.admin(request);
  const form = await readAdminForm(request);
  const settings = fieldsOf(form, SETTINGS_FIELDS);
  if (form.get("intent") === "compare") {
    // The shop's currency, kept with the comparison: its amounts are shown in it.
    const { currency } = await shopMoneyFormat({ admin, session }, request);
    const outcome = await startComparison({
      shop: session.shop,
      form: settings,
      currency,
      now: new Date(),
      enqueue: (tx, payload) => routingCompareRulesJob.enqueue(tx, payload),
      // The operator's bound on a comparison answered in the request (docs/operations.md).
      inlineLimit: env.ROUTING_COMPARISON_INLINE_MAX_ORDERS,
    });
    const comparison = outcome.ok ? await comparisonView(session.shop, outcome.comparisonId) : null;
    return { intent: "compare" as const, outcome, comparison };
  }
  if (form.get("intent") === "try") {
    // A recent order the app recorded, or (the default) a hand-made one.
    const outcome =
      form.get("source") === "RECENT"
        ? await tryRecentOrder(session.shop, settings, fieldsOf(form, ["orderId"]).orderId, new Date())
        : await tryRoutingSettings(session.shop, settings, fieldsOf(form, ORDER_FIELDS), new Date());
    return { intent: "try" as const, outcome };
  }
  const changedBy = sessionToken?.sub ? `Staff member ${sessionToken.sub}` : null;
  const comparisonId = fieldsOf(form, ["comparisonId"]).comparisonId;
  return {
    intent: "save" as const,
    outcome: await saveRulesWithComparison(session.shop, settings, changedBy, comparisonId),
  };
};

export default function RoutingSettingsPage() {
  const { current, version, history, tryItStart, recentOrders, timeZone, locale } = useLoaderData<typeof loader>();
  const saved = useActionData<typeof action>();
  const shopify = useAppBridge();
  // The rules as typed: saved by the rules form, and tried as they stand by the try-it panel.
  const [form, set] = useFormFields(() => toSettingsForm(current));

  const saveErrors = saved?.intent === "save" && !saved.outcome.ok ? saved.outcome.errors : {};
  const savedOk = saved?.intent === "save" && saved.outcome.ok ? saved.outcome : null;
  // The comparison last run from the card: posted with the save, which keeps it when it is of the rules saved.
  const [comparisonId, setComparisonId] = useState<string | null>(null);

  useEffect(() => {
    if (savedOk === null) return;
    shopify.toast.show(
      savedOk.comparison === "RECORDED"
        ? `Routing rules saved (version ${savedOk.version}) with their comparison`
        : `Routing rules saved (version ${savedOk.version})`,
    );
  }, [savedOk, shopify]);

  return (
    <Page>
      <TitleBar title="Routing rules" />
      <Layout>
        {savedOk && (savedOk.comparison === "STALE" || savedOk.comparison === "NOT_READY") ? (
          <Layout.Section>
            <Banner tone="info" title={`Version ${savedOk.version} saved without a comparison`}>
              <p>
                {savedOk.comparison === "STALE"
                  ? "The last comparison was of other rules (the form or the live rules changed after it), so it was not kept with this version. Compare again to see what these rules do."
                  : "The comparison had not finished when the rules were saved, so it was not kept with this version."}
              </p>
            </Banner>
          </Layout.Section>
        ) : null}
        <RulesForm form={form} set={set} errors={saveErrors} version={version} comparisonId={comparisonId} />
        <CompareCard rules={form} locale={locale} timeZone={timeZone} onComparison={setComparisonId} />
        <TryItPanel rules={form} start={tryItStart} recentOrders={recentOrders} timeZone={timeZone} />
        <HistoryCard history={history} timeZone={timeZone} locale={locale} />
      </Layout>
    </Page>
  );
}
