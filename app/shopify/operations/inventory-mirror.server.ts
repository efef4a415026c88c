/**
 * Admin GraphQL documents of the inventory mirror (app/services/inventory/): every location
 * by a normal paged query, every inventory level and every variant through bulk operations.
 */

/** Locations with what routing needs; inactive ones too, so a deactivation is mirrored. */
export const LOCATIONS_FOR_MIRROR_QUERY = `#graphql
  query LocationsForMirror($after: String) {
    shop {
      ianaTimezone
    }
    locations(first: 100, after: $after, includeInactive: true) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        isActive
        fulfillsOnlineOrders
        updatedAt
        address {
          address1
          city
          provinceCode
          zip
          countryCode
          latitude
          longitude
        }
        localPickupSettingsV2 {
          pickupTime
        }
      }
    }
  }
`;

/**
 * The bulk query: each location, then its levels on their own JSONL lines with the
 * location's id as `__parentId` (app/domain/inventory/bulk-inventory-lines.ts reads them).
 */
export const INVENTORY_LEVELS_BULK_QUERY = `#graphql
  query InventoryLevelsForMirror {
    locations {
      edges {
        node {
          id
          inventoryLevels {
            edges {
              node {
                id
                updatedAt
                item {
                  id
                  sku
                }
                quantities(names: ["available", "committed", "on_hand"]) {
                  name
                  quantity
                }
              }
            }
          }
        }
      }
    }
  }
`;

/**
 * The bulk query of the catalogue: each variant on its own JSONL line with its inventory item
 * and product title inline (no nested connection, so one line per variant; the levels query
 * would repeat these per location). app/domain/inventory/bulk-variant-lines.ts reads them.
 */
export const PRODUCT_VARIANTS_BULK_QUERY = `#graphql
  query ProductVariantsForMirror {
    productVariants {
      edges {
        node {
          id
          title
          sku
          barcode
          product {
            title
          }
          inventoryItem {
            id
          }
        }
      }
    }
  }
`;

export const RUN_BULK_QUERY_MUTATION = `#graphql
  mutation RunInventoryMirrorBulkQuery($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** The shop's running bulk query, if any: a retried sync resumes its own instead of starting another. */
export const CURRENT_BULK_QUERY_QUERY = `#graphql
  query CurrentInventoryMirrorBulkQuery {
    currentBulkOperation(type: QUERY) {
      id
      status
      query
    }
  }
`;

export const BULK_OPERATION_STATUS_QUERY = `#graphql
  query InventoryMirrorBulkOperationStatus($id: ID!) {
    bulkOperation(id: $id) {
      id
      status
      errorCode
      createdAt
      objectCount
      url
    }
  }
`;
