import { TitleBar } from "@shopify/app-bridge-react";
import { Banner, Page, Text } from "@shopify/polaris";

/** What a page shows when it cannot load, with the nav still around it: its title and what failed. */
export function PageLoadFailure({ title, failed }: { title: string; failed: string }) {
  return (
    <Page>
      <TitleBar title={title} />
      <Banner tone="critical" title={failed}>
        <Text as="p">Reload the page in a moment. If it keeps happening, contact Omniroute support.</Text>
      </Banner>
    </Page>
  );
}
