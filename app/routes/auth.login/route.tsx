import { useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider as PolarisAppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisTranslations from "@shopify/polaris/locales/en.json";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { LoginErrorType } from "@shopify/shopify-app-remix/server";
import { login } from "~/shopify.server";
import { readAdminForm } from "~/services/admin-forms/admin-form.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

interface LoginErrors {
  shop?: string;
}

function loginErrorMessage(errors: { shop?: LoginErrorType } | undefined): LoginErrors {
  if (errors?.shop === LoginErrorType.MissingShop) return { shop: "Enter your store's domain to log in" };
  if (errors?.shop === LoginErrorType.InvalidShop)
    return { shop: "Enter a valid store domain, like example.myshopify.com" };
  return {};
}

// Outside the Shopify admin (a bookmark, the App Store listing), the merchant names the store.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  // HEAD and OPTIONS reach the loader too, and the library reads a form from any method but GET.
  const asGet = new Request(request.url, { method: "GET" });
  return { errors: loginErrorMessage(await login(asGet)), polarisTranslations };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  // The library reads the body itself and fails with a 500 on one that is no form (or a file for
  // `shop`): the form is read here, and the library is handed only the shop's name.
  const form = await readAdminForm(request);
  const shop = form.get("shop");
  const body = new URLSearchParams({ shop: typeof shop === "string" ? shop : "" });
  const headers = { "Content-Type": "application/x-www-form-urlencoded" };
  return { errors: loginErrorMessage(await login(new Request(request.url, { method: "POST", headers, body }))) };
};

export default function Auth() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const { errors } = actionData ?? loaderData;

  return (
    <PolarisAppProvider i18n={loaderData.polarisTranslations}>
      <Page narrowWidth>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h2">
                Log in to Omniroute
              </Text>
              <TextField
                type="text"
                name="shop"
                label="Store domain"
                helpText="example.myshopify.com"
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={errors.shop}
              />
              <Button submit>Log in</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </PolarisAppProvider>
  );
}
