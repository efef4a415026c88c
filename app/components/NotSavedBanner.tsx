import { Banner } from "@shopify/polaris";

/** Shown above a settings form that came back with field errors: nothing was saved. */
export function NotSavedBanner({ errors, title }: { errors: Readonly<Record<string, unknown>>; title: string }) {
  if (Object.keys(errors).length === 0) return null;
  return (
    <Banner tone="critical" title={title}>
      <p>Fix the fields marked below.</p>
    </Banner>
  );
}
