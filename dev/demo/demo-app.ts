/**
 * The demo's app credentials. They exist only between the app and the local emulator on
 * this machine; the emulator signs session tokens and webhooks with the same secret.
 */
export const DEMO_APP = {
  apiKey: "omniroute-demo-api-key",
  apiSecret: "omniroute-demo-api-secret",
  scopes:
    "read_customers,read_locations,read_products,write_orders,write_inventory,write_merchant_managed_fulfillment_orders,write_third_party_fulfillment_orders",
  // Seals the demo shop's vendor credentials (CREDENTIALS_KEY): 32 bytes, base64.
  credentialsKey: "b21uaXJvdXRlLWRlbW8tY3JlZGVudGlhbHMta2V5ISE=",
} as const;
