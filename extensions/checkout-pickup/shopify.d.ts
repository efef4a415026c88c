import '@shopify/ui-extensions';

//@ts-ignore
declare module './src/PickupOptionItem.tsx' {
  const shopify: import('@shopify/ui-extensions/purchase.checkout.pickup-location-option-item.render-after').Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module './src/availability.ts' {
  const shopify: import('@shopify/ui-extensions/purchase.checkout.pickup-location-option-item.render-after').Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module './src/contract.ts' {
  const shopify: import('@shopify/ui-extensions/purchase.checkout.pickup-location-option-item.render-after').Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module './src/promise-text.ts' {
  const shopify: import('@shopify/ui-extensions/purchase.checkout.pickup-location-option-item.render-after').Api;
  const globalThis: { shopify: typeof shopify };
}

//@ts-ignore
declare module './src/app-url.ts' {
  const shopify: import('@shopify/ui-extensions/purchase.checkout.pickup-location-option-item.render-after').Api;
  const globalThis: { shopify: typeof shopify };
}
