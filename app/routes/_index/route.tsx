import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { login } from "~/shopify.server";
import styles from "./styles.module.css";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  // Opened from the Shopify admin: go straight into the embedded app.
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  return { showForm: Boolean(login) };
};

export default function Landing() {
  const { showForm } = useLoaderData<typeof loader>();
  return (
    <main className={styles.page}>
      <div className={styles.content}>
        <h1 className={styles.heading}>Omniroute</h1>
        <p className={styles.text}>
          Fulfil online orders from your stores: buy online and pick up in store, and ship from the store closest to
          your customer, with every routing decision explained.
        </p>
        {showForm && (
          <Form className={styles.form} method="post" action="/auth/login">
            <label className={styles.label}>
              <span>Store domain</span>
              <input className={styles.input} type="text" name="shop" placeholder="example.myshopify.com" />
            </label>
            <button className={styles.button} type="submit">
              Log in
            </button>
          </Form>
        )}
        <ul className={styles.list}>
          <li>
            <strong>Route every order</strong>. Proximity, store stock thresholds, cost against the warehouse and
            same-day promises, tuned by you.
          </li>
          <li>
            <strong>Store teams pick faster</strong>. Scan, pack, stage and hand over from Shopify POS.
          </li>
          <li>
            <strong>Shoppers pick up nearby</strong>. Live stock and a ready-by time at checkout.
          </li>
        </ul>
      </div>
    </main>
  );
}
