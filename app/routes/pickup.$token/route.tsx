import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SPOT_MAX_CHARACTERS, type CheckInForm } from "~/domain/pickup-pass/check-in";
import { checkIn, type CheckInOutcome } from "~/services/pickup-pass/check-in.server";
import { pickupPass, type PassStoreView, type PickupPassReading } from "~/services/pickup-pass/pickup-pass.server";
import styles from "./styles.module.css";

/**
 * /pickup/:token : the shopper's pickup pass, opened from the link in their email or text, with
 * no login: the signed token is the only proof (services/pickup-pass/pickup-pass-link.server.ts).
 * A link the app did not sign, or for an order whose pickup ended long ago, is a 404 page.
 */

export const headers = () => ({
  // The address is the pass: not kept by caches, not passed on to other sites, not indexed.
  // "same-origin" rather than "no-referrer": under no-referrer the browser posts the form with
  // `Origin: null`, which Remix refuses as a forged cross-site post before the action runs.
  "Cache-Control": "no-store",
  "Referrer-Policy": "same-origin",
  "X-Robots-Tag": "noindex",
});

export const meta: MetaFunction = () => [{ title: "Pickup pass" }, { name: "robots", content: "noindex" }];

export const loader = async ({ params }: LoaderFunctionArgs) => {
  const reading = await pickupPass(params.token);
  return data(reading, { status: reading.found ? 200 : 404 });
};

/** "I'm here" posts a store id and a spot: a few hundred bytes. */
const MAX_FORM_BYTES = 4 * 1024;

/** What the page shows after "I'm here": on the card of the store it was for, or above them all. */
interface ActionAnswer {
  ok: boolean;
  message: string;
  spotError: string | null;
  locationId: string | null;
}

function refusal(status: 400 | 405 | 413, message: string) {
  return data<ActionAnswer>({ ok: false, message, spotError: null, locationId: null }, { status });
}

function answerOf(outcome: CheckInOutcome, locationId: string | null): ActionAnswer {
  return {
    ok: outcome.ok,
    message: outcome.message,
    spotError: outcome.ok ? null : (outcome.errors?.spot ?? null),
    locationId,
  };
}

/** The posted form's fields, or null when the body is not a form this page sends. */
async function readForm(request: Request): Promise<CheckInForm | null | "TOO_LARGE"> {
  if (Number(request.headers.get("Content-Length") ?? "0") > MAX_FORM_BYTES) return "TOO_LARGE";
  const body = await request.text();
  if (body.length > MAX_FORM_BYTES) return "TOO_LARGE";
  try {
    // Read through a Request of the text already held, so a body sent without a length is bounded too.
    const form = await new Request(request.url, {
      method: "POST",
      headers: { "Content-Type": request.headers.get("Content-Type") ?? "" },
      body,
    }).formData();
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : undefined;
    };
    return { locationId: field("locationId"), spot: field("spot") };
  } catch {
    return null;
  }
}

export const action = async ({ request, params }: ActionFunctionArgs) => {
  if (request.method !== "POST") return refusal(405, "Use the I'm here button on the pass");
  const form = await readForm(request);
  if (form === "TOO_LARGE") return refusal(413, "That is too long: keep it to a parking spot or a car");
  if (!form) return refusal(400, "That did not come from the pass's form: use the I'm here button");
  const outcome = await checkIn(params.token, form);
  return data(answerOf(outcome, form.locationId ?? null), { status: outcome.ok ? 200 : outcome.status });
};

const STATUS_CLASS: Partial<Record<PassStoreView["status"], string>> = {
  READY: styles.statusReady,
  PREPARING: styles.statusPreparing,
};

function StoreCard({
  store,
  answer,
  sending,
}: {
  store: PassStoreView;
  answer: ActionAnswer | undefined;
  sending: boolean;
}) {
  const toCollect = store.status === "PREPARING" || store.status === "READY";
  const ours = answer?.locationId === store.locationId ? answer : undefined;
  const spotError = ours?.spotError;
  return (
    <section className={styles.card} aria-label={store.storeName}>
      <h2 className={styles.cardHeading}>{store.storeName}</h2>
      <p className={`${styles.status} ${STATUS_CLASS[store.status] ?? ""}`}>{store.statusLabel}</p>
      {store.address && <p className={styles.fact}>{store.address}</p>}
      {toCollect && store.hoursToday && <p className={styles.muted}>Today: {store.hoursToday}</p>}
      {store.readyBy && <p className={styles.fact}>Ready by {store.readyBy}</p>}
      {store.pickupCode && (
        <>
          <p className={styles.muted}>Show this at the counter</p>
          <p className={styles.code} aria-label="Pickup code">
            {store.pickupCode}
          </p>
        </>
      )}
      {store.qrSvg && (
        // SVG markup the app rendered from the pickup code alone (pickup-pass.server.ts).
        <div
          className={styles.qr}
          role="img"
          aria-label="QR code of your pickup code"
          dangerouslySetInnerHTML={{ __html: store.qrSvg }}
        />
      )}
      {store.waiting && (
        <p className={styles.waiting}>
          The store knows you are here{store.waiting.spot ? ` — spot ${store.waiting.spot}` : ""}.
        </p>
      )}
      {ours && <p className={ours.ok ? styles.success : styles.error}>{ours.message}</p>}
      {toCollect && (
        <Form method="post" className={styles.form}>
          <input type="hidden" name="locationId" value={store.locationId} />
          <label className={styles.label}>
            <span>Curbside? Tell the store where you parked (optional)</span>
            <input
              className={styles.input}
              type="text"
              name="spot"
              maxLength={SPOT_MAX_CHARACTERS}
              placeholder="Spot 4, or a red Honda"
              autoComplete="off"
              defaultValue={store.waiting?.spot ?? ""}
              aria-invalid={spotError ? true : undefined}
            />
          </label>
          {spotError && <p className={styles.error}>{spotError}</p>}
          <button className={styles.button} type="submit" disabled={sending}>
            {store.waiting ? "Update my spot" : "I'm here"}
          </button>
        </Form>
      )}
    </section>
  );
}

export default function PickupPassPage() {
  // The loader's and action's own types: plain JSON (strings, booleans, arrays), as sent.
  const reading = useLoaderData<PickupPassReading>();
  const answer = useActionData<ActionAnswer>();
  const navigation = useNavigation();
  if (!reading.found) {
    return (
      <main className={styles.page}>
        <div className={styles.content}>
          <h1 className={styles.heading}>Pickup pass not found</h1>
          <p className={styles.fact}>
            This link is not valid, or the order it was for was collected or cancelled more than a month ago. Check the
            link in your email or text message, or contact the store.
          </p>
        </div>
      </main>
    );
  }
  const { pass } = reading;
  const forNoCard = answer && !pass.stores.some((store) => store.locationId === answer.locationId);
  return (
    <main className={styles.page}>
      <div className={styles.content}>
        {pass.shopName && <p className={styles.shop}>{pass.shopName}</p>}
        <h1 className={styles.heading}>
          {pass.firstName ? `${pass.firstName}, your order ${pass.orderName}` : `Your order ${pass.orderName}`}
        </h1>
        {forNoCard && <p className={answer.ok ? styles.success : styles.error}>{answer.message}</p>}
        {pass.stores.map((store, index) => (
          <StoreCard
            key={`${store.locationId}-${index}`}
            store={store}
            answer={answer}
            sending={navigation.state === "submitting"}
          />
        ))}
      </div>
    </main>
  );
}
