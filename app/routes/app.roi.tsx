import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Divider,
  FormLayout,
  InlineGrid,
  InlineStack,
  Link,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { memo } from "react";
import { authenticate } from "~/shopify.server";
import { PageErrorBoundary } from "~/components/PageErrorBoundary";
import { useFormFields } from "~/components/use-form-fields";
import type { FieldErrors } from "~/domain/form-result";
import { HISTORY_DAYS, type HistoryInput } from "~/domain/roi/from-history";
import { calculateRoi, SEED_ROI_INPUTS, type RoiInputs } from "~/domain/roi/roi-calculator";
import {
  parseRoiForm,
  ROI_FIELDS,
  ROI_INPUT_KINDS,
  ROI_INPUT_LABELS,
  roiFormOf,
  roiFormValues,
  type RoiField,
  type RoiInput,
} from "~/domain/roi/roi-form";
import {
  currencySymbol,
  ordersWord,
  retentionAssumption,
  roiFormats,
  roiLines,
  type RoiLine,
} from "~/domain/roi/roi-formulas";
import { roiInputsFromYourData } from "~/services/roi/roi-from-data.server";
import { shopMoneyFormat } from "~/services/roi/shop-money-format.server";

/** What the page's "from your data" note says the filled figures rest on. */
interface FromYourData {
  days: number;
  /** Counts formatted for the merchant's locale; `orderCount` picks "order" or "orders". */
  orderCount: number;
  orders: string;
  pickupOrderCount: number;
  pickupOrders: string;
  shippedOrderCount: number;
  shippedOrders: string;
  pickupLabourOrderCount: number;
  pickupLabourOrders: string;
  filled: HistoryInput[];
}

export interface RoiPage {
  /** Each field as the form shows it: the figures used, or what was typed when it was refused. */
  form: Record<RoiField, string>;
  errors: FieldErrors<RoiField>;
  /** The calculator's lines, or null while an input is refused. */
  lines: RoiLine[] | null;
  assumption: string | null;
  currency: string;
  currencySymbol: string;
  currencyProblem: string | null;
  /** Set when the page was asked to fill the inputs from the shop's last 30 days. */
  fromYourData: FromYourData | null;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const params = new URL(request.url).searchParams;
  const wantsData = params.get("from") === "data";
  const [money, history] = await Promise.all([
    shopMoneyFormat({ admin, session }, request),
    wantsData ? roiInputsFromYourData(session.shop, new Date(), SEED_ROI_INPUTS) : null,
  ]);
  const formats = roiFormats(money.locale, money.currency);
  const typed = roiFormOf(params);
  const parsed = parseRoiForm(typed, history?.inputs ?? SEED_ROI_INPUTS);
  const page: Omit<RoiPage, "form" | "errors" | "lines" | "assumption"> = {
    currency: money.currency,
    currencySymbol: currencySymbol(money.locale, money.currency),
    currencyProblem: money.currencyProblem,
    fromYourData: history && {
      days: HISTORY_DAYS,
      orderCount: history.summary.orders,
      orders: formats.count(history.summary.orders),
      pickupOrderCount: history.summary.pickupOrders,
      pickupOrders: formats.count(history.summary.pickupOrders),
      shippedOrderCount: history.summary.shipping.orders,
      shippedOrders: formats.count(history.summary.shipping.orders),
      pickupLabourOrderCount: history.summary.pickupLabour.orders,
      pickupLabourOrders: formats.count(history.summary.pickupLabour.orders),
      filled: [...history.filled],
    },
  };
  if (!parsed.ok) {
    // The page still renders, with the merchant's own text in each field and why it was refused.
    const shown = { ...roiFormValues(history?.inputs ?? SEED_ROI_INPUTS), ...typed };
    const refused: RoiPage = { ...page, form: shown, errors: parsed.errors, lines: null, assumption: null };
    return data(refused, { status: 400 });
  }
  const inputs: RoiInputs = parsed.values;
  const result: RoiPage = {
    ...page,
    form: roiFormValues(inputs),
    errors: {},
    lines: roiLines(inputs, calculateRoi(inputs), formats),
    assumption: retentionAssumption(inputs, formats),
  };
  return data(result, { status: 200 });
};

const FIELD_GROUPS: { title: string; inputs: RoiInput[] }[] = [
  { title: "Orders", inputs: ["onlineOrdersPerMonth", "bopisShareBasisPoints", "averageOrderValueCents"] },
  {
    title: "Costs",
    inputs: ["shippingSavedPerOrderCents", "labourPerOrderCents", "technologyCostPerMonthCents"],
  },
  { title: "Upsell", inputs: ["inStorePurchaseRateBasisPoints", "averageUpsellCents"] },
  { title: "Retention", inputs: ["lifetimeValueUpliftBasisPoints", "profitMarginBasisPoints"] },
];

const HEADLINES: RoiLine["id"][] = ["netMonthlySavings", "upsellRevenue", "retentionValue"];

// The page's parts are memoised: a click on "Calculate" starts a navigation, which re-renders
// every route using loader data; only the button, which shows it is calculating, has to change.
const InputField = memo(function InputField({
  input,
  value,
  error,
  currency,
  symbol,
  onChange,
}: {
  input: RoiInput;
  value: string;
  error: string | undefined;
  currency: string;
  symbol: string;
  onChange: (value: string) => void;
}) {
  const kind = ROI_INPUT_KINDS[input];
  const field = ROI_FIELDS[input];
  return (
    <TextField
      label={kind === "money" ? `${ROI_INPUT_LABELS[input]} (${currency})` : ROI_INPUT_LABELS[input]}
      name={field}
      id={`roi-${field}`}
      value={value}
      onChange={onChange}
      autoComplete="off"
      inputMode={kind === "orders" ? "numeric" : "decimal"}
      prefix={kind === "money" ? symbol : undefined}
      suffix={kind === "percent" ? "%" : undefined}
      error={error}
    />
  );
});

const DataNote = memo(function DataNote({ note }: { note: FromYourData }) {
  if (note.filled.length === 0) {
    return (
      <Banner tone="info" title={`No orders were routed in the last ${note.days} days`}>
        <Text as="p">The seed&apos;s example figures stay until Omniroute has routed some of your orders.</Text>
      </Banner>
    );
  }
  const filled = new Set(note.filled);
  return (
    <Banner
      tone="info"
      title={`Filled from your last ${note.days} days: ${note.orders} routed ${ordersWord(note.orderCount)}`}
    >
      <BlockStack gap="100">
        <Text as="p">
          {note.pickupOrders} of them {note.pickupOrderCount === 1 ? "was" : "were"} collected in store, which gives the
          BOPIS share.{" "}
          {filled.has("shippingSavedPerOrderCents")
            ? `Shipping saved is what your ${note.shippedOrders} shipped ${ordersWord(note.shippedOrderCount)} spent on shipping, on average.`
            : "No order was shipped, so shipping saved keeps the seed's figure."}{" "}
          {filled.has("labourPerOrderCents")
            ? `Labour is the average pick labour cost of the stores your ${note.pickupLabourOrders} pickup ${ordersWord(note.pickupLabourOrderCount)} went to.`
            : "No pickup order reached a store, so labour keeps the seed's figure."}
        </Text>
        <Text as="p" tone="subdued">
          The other inputs are the seed&apos;s: change them to your own.
        </Text>
      </BlockStack>
    </Banner>
  );
});

const Results = memo(function Results({ lines, assumption }: { lines: RoiLine[]; assumption: string }) {
  const byId = new Map(lines.map((line) => [line.id, line]));
  return (
    <BlockStack gap="400">
      <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
        {HEADLINES.map((id) => {
          const line = byId.get(id);
          if (!line) return null;
          return (
            <Card key={id}>
              <BlockStack gap="100">
                <Text as="h3" variant="headingSm" tone="subdued">
                  {line.label}
                </Text>
                <Text as="p" variant="headingXl" numeric>
                  <span data-roi-line={id}>{line.value}</span>
                </Text>
              </BlockStack>
            </Card>
          );
        })}
      </InlineGrid>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            How it adds up
          </Text>
          {lines.map((line, index) => (
            <BlockStack gap="100" key={line.id}>
              {index > 0 ? <Divider /> : null}
              <InlineStack align="space-between" gap="400" wrap={false}>
                <Text as="span" fontWeight="semibold">
                  {line.label}
                </Text>
                <Text as="span" fontWeight="semibold" numeric>
                  {line.value}
                </Text>
              </InlineStack>
              <Text as="p" tone="subdued">
                {line.formula}
              </Text>
            </BlockStack>
          ))}
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            The assumption behind the retention line
          </Text>
          <Text as="p">{assumption}</Text>
        </BlockStack>
      </Card>
    </BlockStack>
  );
});

function CalculateButton() {
  const navigation = useNavigation();
  const calculating = navigation.state !== "idle" && navigation.location?.pathname === "/app/roi";
  return (
    <Button submit variant="primary" loading={calculating}>
      Calculate
    </Button>
  );
}

const RoiForm = memo(function RoiForm({ page }: { page: RoiPage }) {
  const [fields, set] = useFormFields(page.form);
  return (
    <Form method="get" action="/app/roi">
      <Card>
        <BlockStack gap="400">
          {FIELD_GROUPS.map((group) => (
            <BlockStack gap="200" key={group.title}>
              <Text as="h2" variant="headingMd">
                {group.title}
              </Text>
              <FormLayout>
                {group.inputs.map((input) => (
                  <InputField
                    key={input}
                    input={input}
                    value={fields[ROI_FIELDS[input]]}
                    error={page.errors[ROI_FIELDS[input]]}
                    currency={page.currency}
                    symbol={page.currencySymbol}
                    onChange={set(ROI_FIELDS[input])}
                  />
                ))}
              </FormLayout>
            </BlockStack>
          ))}
          <InlineStack gap="300" blockAlign="center">
            <CalculateButton />
            <Link url="/app/roi?from=data">Fill from your last {HISTORY_DAYS} days</Link>
            <Link url="/app/roi">Reset to the seed&apos;s example</Link>
          </InlineStack>
        </BlockStack>
      </Card>
    </Form>
  );
});

export default function RoiPageView() {
  const page = useLoaderData<RoiPage>();
  // A new URL (a calculation, "from your data", a reset) gives the fields its figures afresh.
  const { search } = useLocation();
  return (
    <Page>
      <TitleBar title="ROI" />
      <BlockStack gap="400">
        {page.currencyProblem ? (
          <Banner tone="warning" title={`Amounts are shown in ${page.currency}`}>
            <Text as="p">{page.currencyProblem}: reload the page to try again.</Text>
          </Banner>
        ) : null}
        {page.fromYourData ? <DataNote note={page.fromYourData} /> : null}
        {/* A grid rather than Layout's flexible sections: the inputs column has its final width as soon
            as it is painted, before the results after it in the page have arrived. With Layout it first
            filled the row, then narrowed when the results came (a 0.148 layout shift on a cold load). */}
        <InlineGrid columns={{ xs: 1, md: ["oneThird", "twoThirds"] }} gap="400" alignItems="start">
          <RoiForm key={search} page={page} />
          <div>
            {page.lines && page.assumption ? (
              <Results lines={page.lines} assumption={page.assumption} />
            ) : (
              <Banner tone="critical" title="Some inputs cannot be used">
                <Text as="p">Correct the highlighted fields and calculate again.</Text>
              </Banner>
            )}
          </div>
        </InlineGrid>
        <Box paddingBlockEnd="400">
          <Text as="p" tone="subdued">
            The calculator is the seed&apos;s ROI framework: change any input and calculate; the page&apos;s address
            carries the inputs, so a result can be shared.
          </Text>
        </Box>
      </BlockStack>
    </Page>
  );
}

export function ErrorBoundary() {
  return <PageErrorBoundary title="ROI" failed="The ROI calculator could not be loaded" />;
}
