import { useState } from "react";
import { Form, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, Layout, List, Text, TextField } from "@shopify/polaris";
import type { BinImportError } from "~/services/store-tasks/bin-locations-csv";
import type { BinImportOutcome } from "~/services/store-tasks/bin-locations.server";

function errorLine(error: BinImportError): string {
  return error.line === null ? error.message : `Line ${error.line}: ${error.message}`;
}

/**
 * Where items are kept in each store, from the merchant's CSV (`location,sku,bin`): the pick
 * screen shows it to the associate. The whole file is imported, or nothing and each wrong row.
 */
export function BinImportCard({ result }: { result: BinImportOutcome | null }) {
  const navigation = useNavigation();
  const importing = navigation.state === "submitting" && navigation.formData?.get("intent") === "bin-import";
  const [pasted, setPasted] = useState("");
  return (
    <Layout.AnnotatedSection
      title="Where items are kept"
      description="Import each store's bin for each SKU, so associates see where to find an item (Aisle 4, Bin 12). Pickers can correct a bin from POS; the latest word wins."
    >
      <Form method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="bin-import" />
        <Card>
          <FormLayout>
            {result?.ok === true && (
              <Banner tone="success" title="Bins imported">
                <p>{`${result.imported} ${result.imported === 1 ? "bin" : "bins"} recorded across ${result.stores} ${result.stores === 1 ? "store" : "stores"}.`}</p>
              </Banner>
            )}
            {result?.ok === false && (
              <Banner tone="critical" title="Nothing was imported">
                <BlockStack gap="200">
                  <p>Fix these rows and import the file again:</p>
                  <List type="bullet">
                    {result.errors.map((error) => (
                      <List.Item key={`${error.line ?? "file"}:${error.message}`}>{errorLine(error)}</List.Item>
                    ))}
                  </List>
                  {result.moreErrors > 0 && <p>{`…and ${result.moreErrors} more.`}</p>}
                </BlockStack>
              </Banner>
            )}
            <Text as="p" variant="bodyMd">
              A CSV file with the columns location, sku and bin, where location is the store&apos;s name or id; up to
              5,000 rows and 1 MB. Quote a bin that holds a comma: &quot;Aisle 4, Bin 12&quot;.
            </Text>
            <label>
              <Text as="span" variant="bodyMd">
                CSV file{" "}
              </Text>
              <input type="file" name="binsFile" accept=".csv,text/csv" />
            </label>
            <TextField
              label="Or paste the rows"
              name="binsText"
              multiline={4}
              autoComplete="off"
              placeholder={'location,sku,bin\nLoop,TEE-M,"Aisle 4, Bin 12"'}
              value={pasted}
              onChange={setPasted}
            />
            <Button submit loading={importing}>
              Import bins
            </Button>
          </FormLayout>
        </Card>
      </Form>
    </Layout.AnnotatedSection>
  );
}
