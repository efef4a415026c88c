/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type StoreTaskFulfillmentCreateMutationVariables = AdminTypes.Exact<{
  fulfillment: AdminTypes.FulfillmentInput;
}>;


export type StoreTaskFulfillmentCreateMutation = { fulfillmentCreate?: AdminTypes.Maybe<{ fulfillment?: AdminTypes.Maybe<Pick<AdminTypes.Fulfillment, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type FulfillmentOrderForStoreTaskQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  lineItemsFirst: AdminTypes.Scalars['Int']['input'];
  lineItemsAfter?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type FulfillmentOrderForStoreTaskQuery = { fulfillmentOrder?: AdminTypes.Maybe<(
    Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>
    & { assignedLocation: { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }, deliveryMethod?: AdminTypes.Maybe<Pick<AdminTypes.DeliveryMethod, 'methodType'>>, order: (
      Pick<AdminTypes.Order, 'id' | 'name' | 'cancelledAt'>
      & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'firstName' | 'lastName'>> }
    ), lineItems: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
        Pick<AdminTypes.FulfillmentOrderLineItem, 'id' | 'totalQuantity' | 'remainingQuantity' | 'sku' | 'productTitle' | 'variantTitle'>
        & { image?: AdminTypes.Maybe<Pick<AdminTypes.Image, 'url'>>, variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'barcode'>> }
      )> } }
  )> };

export type RerouteHoldFulfillmentOrderMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  fulfillmentHold: AdminTypes.FulfillmentOrderHoldInput;
}>;


export type RerouteHoldFulfillmentOrderMutation = { fulfillmentOrderHold?: AdminTypes.Maybe<{ fulfillmentOrder?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.FulfillmentOrderHoldUserError, 'field' | 'message' | 'code'>> }> };

export type FulfillmentOrderMoveMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  newLocationId: AdminTypes.Scalars['ID']['input'];
  fulfillmentOrderLineItems?: AdminTypes.InputMaybe<Array<AdminTypes.FulfillmentOrderLineItemInput> | AdminTypes.FulfillmentOrderLineItemInput>;
  movedLineItemsFirst: AdminTypes.Scalars['Int']['input'];
}>;


export type FulfillmentOrderMoveMutation = { fulfillmentOrderMove?: AdminTypes.Maybe<{ movedFulfillmentOrder?: AdminTypes.Maybe<(
      Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>
      & { assignedLocation: { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }, deliveryMethod?: AdminTypes.Maybe<Pick<AdminTypes.DeliveryMethod, 'methodType'>>, order: (
        Pick<AdminTypes.Order, 'id' | 'name' | 'cancelledAt'>
        & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'firstName' | 'lastName'>> }
      ), lineItems: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'>, nodes: Array<(
          Pick<AdminTypes.FulfillmentOrderLineItem, 'id' | 'totalQuantity' | 'remainingQuantity' | 'sku' | 'productTitle' | 'variantTitle'>
          & { image?: AdminTypes.Maybe<Pick<AdminTypes.Image, 'url'>>, variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'barcode'>> }
        )> } }
    )>, originalFulfillmentOrder?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>>, remainingFulfillmentOrder?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrder, 'id'>>, userErrors: Array<Pick<AdminTypes.FulfillmentOrderMoveFulfillmentOrderMoveUserError, 'field' | 'message'>> }> };

export type RerouteOpenFulfillmentOrderMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type RerouteOpenFulfillmentOrderMutation = { fulfillmentOrderOpen?: AdminTypes.Maybe<{ fulfillmentOrder?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type StoreTaskPreparedForPickupMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.FulfillmentOrderLineItemsPreparedForPickupInput;
}>;


export type StoreTaskPreparedForPickupMutation = { fulfillmentOrderLineItemsPreparedForPickup?: AdminTypes.Maybe<{ userErrors: Array<Pick<AdminTypes.FulfillmentOrderLineItemsPreparedForPickupUserError, 'field' | 'message' | 'code'>> }> };

export type StoreTaskReportProgressMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  progressReport?: AdminTypes.InputMaybe<AdminTypes.FulfillmentOrderReportProgressInput>;
}>;


export type StoreTaskReportProgressMutation = { fulfillmentOrderReportProgress?: AdminTypes.Maybe<{ fulfillmentOrder?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.FulfillmentOrderReportProgressUserError, 'field' | 'message' | 'code'>> }> };

export type FulfillmentOrdersForRoutingQueryVariables = AdminTypes.Exact<{
  orderId: AdminTypes.Scalars['ID']['input'];
  fulfillmentOrdersFirst: AdminTypes.Scalars['Int']['input'];
  lineItemsFirst: AdminTypes.Scalars['Int']['input'];
}>;


export type FulfillmentOrdersForRoutingQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'cancelledAt'>
    & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'firstName' | 'lastName'>>, checkoutPromise?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, 'value'>>, fulfillmentOrders: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'>, nodes: Array<(
        Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>
        & { assignedLocation: { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }, deliveryMethod?: AdminTypes.Maybe<Pick<AdminTypes.DeliveryMethod, 'methodType'>>, supportedActions: Array<Pick<AdminTypes.FulfillmentOrderSupportedAction, 'action'>>, lineItems: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'>, nodes: Array<(
            Pick<AdminTypes.FulfillmentOrderLineItem, 'id' | 'sku' | 'inventoryItemId' | 'totalQuantity' | 'remainingQuantity' | 'productTitle' | 'variantTitle'>
            & { image?: AdminTypes.Maybe<Pick<AdminTypes.Image, 'url'>>, variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'barcode'>> }
          )> } }
      )> } }
  )> };

export type ExceptionInventoryLevelAvailableQueryVariables = AdminTypes.Exact<{
  locationId: AdminTypes.Scalars['ID']['input'];
  inventoryItemId: AdminTypes.Scalars['ID']['input'];
}>;


export type ExceptionInventoryLevelAvailableQuery = { location?: AdminTypes.Maybe<{ inventoryLevel?: AdminTypes.Maybe<{ quantities: Array<Pick<AdminTypes.InventoryQuantity, 'name' | 'quantity'>> }> }> };

export type LocationsForMirrorQueryVariables = AdminTypes.Exact<{
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type LocationsForMirrorQuery = { shop: Pick<AdminTypes.Shop, 'ianaTimezone'>, locations: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
      Pick<AdminTypes.Location, 'id' | 'name' | 'isActive' | 'fulfillsOnlineOrders' | 'updatedAt'>
      & { address: Pick<AdminTypes.LocationAddress, 'address1' | 'city' | 'provinceCode' | 'zip' | 'countryCode' | 'latitude' | 'longitude'>, localPickupSettingsV2?: AdminTypes.Maybe<Pick<AdminTypes.DeliveryLocalPickupSettings, 'pickupTime'>> }
    )> } };

export type InventoryLevelsForMirrorQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type InventoryLevelsForMirrorQuery = { locations: { edges: Array<{ node: (
        Pick<AdminTypes.Location, 'id'>
        & { inventoryLevels: { edges: Array<{ node: (
              Pick<AdminTypes.InventoryLevel, 'id' | 'updatedAt'>
              & { item: Pick<AdminTypes.InventoryItem, 'id' | 'sku'>, quantities: Array<Pick<AdminTypes.InventoryQuantity, 'name' | 'quantity'>> }
            ) }> } }
      ) }> } };

export type ProductVariantsForMirrorQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ProductVariantsForMirrorQuery = { productVariants: { edges: Array<{ node: (
        Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'sku' | 'barcode'>
        & { product: Pick<AdminTypes.Product, 'title'>, inventoryItem: Pick<AdminTypes.InventoryItem, 'id'> }
      ) }> } };

export type RunInventoryMirrorBulkQueryMutationVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type RunInventoryMirrorBulkQueryMutation = { bulkOperationRunQuery?: AdminTypes.Maybe<{ bulkOperation?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.BulkOperationUserError, 'field' | 'message' | 'code'>> }> };

export type CurrentInventoryMirrorBulkQueryQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type CurrentInventoryMirrorBulkQueryQuery = { currentBulkOperation?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status' | 'query'>> };

export type InventoryMirrorBulkOperationStatusQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type InventoryMirrorBulkOperationStatusQuery = { bulkOperation?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status' | 'errorCode' | 'createdAt' | 'objectCount' | 'url'>> };

export type ExceptionSetStoreStockZeroMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.InventorySetQuantitiesInput;
  idempotencyKey: AdminTypes.Scalars['String']['input'];
}>;


export type ExceptionSetStoreStockZeroMutation = { inventorySetQuantities?: AdminTypes.Maybe<{ inventoryAdjustmentGroup?: AdminTypes.Maybe<Pick<AdminTypes.InventoryAdjustmentGroup, 'id'>>, userErrors: Array<Pick<AdminTypes.InventorySetQuantitiesUserError, 'field' | 'message' | 'code'>> }> };

export type UncollectedOrderCancelMutationVariables = AdminTypes.Exact<{
  orderId: AdminTypes.Scalars['ID']['input'];
  reason: AdminTypes.OrderCancelReason;
  restock: AdminTypes.Scalars['Boolean']['input'];
  refundMethod?: AdminTypes.InputMaybe<AdminTypes.OrderCancelRefundMethodInput>;
  notifyCustomer?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
  staffNote?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type UncollectedOrderCancelMutation = { orderCancel?: AdminTypes.Maybe<{ job?: AdminTypes.Maybe<Pick<AdminTypes.Job, 'id' | 'done'>>, orderCancelUserErrors: Array<Pick<AdminTypes.OrderCancelUserError, 'field' | 'message' | 'code'>> }> };

export type FulfillmentOrderOrderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type FulfillmentOrderOrderQuery = { fulfillmentOrder?: AdminTypes.Maybe<(
    Pick<AdminTypes.FulfillmentOrder, 'id'>
    & { order: Pick<AdminTypes.Order, 'id'> }
  )> };

export type OrderFactsForRoutingQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  lineItemsFirst: AdminTypes.Scalars['Int']['input'];
}>;


export type OrderFactsForRoutingQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'cancelledAt' | 'confirmationNumber'>
    & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'latitude' | 'longitude'>>, shippingLine?: AdminTypes.Maybe<Pick<AdminTypes.ShippingLine, 'title' | 'code'>>, lineItems: { nodes: Array<Pick<AdminTypes.LineItem, 'sku' | 'quantity'>> } }
  )> };

export type UncollectedOrderPickupStateQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type UncollectedOrderPickupStateQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'cancelledAt' | 'displayFulfillmentStatus'>
    & { fulfillmentOrders: { nodes: Array<(
        Pick<AdminTypes.FulfillmentOrder, 'status'>
        & { deliveryMethod?: AdminTypes.Maybe<Pick<AdminTypes.DeliveryMethod, 'methodType'>> }
      )> } }
  )> };

export type ShopCurrencyQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopCurrencyQuery = { shop: Pick<AdminTypes.Shop, 'currencyCode'> };

export type ShopOverviewQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopOverviewQuery = { shop: Pick<AdminTypes.Shop, 'name' | 'myshopifyDomain' | 'ianaTimezone'>, locationsCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count' | 'precision'>> };

interface GeneratedQueryTypes {
  "#graphql\n  query FulfillmentOrderForStoreTask($id: ID!, $lineItemsFirst: Int!, $lineItemsAfter: String) {\n    fulfillmentOrder(id: $id) {\n      id\n      status\n      assignedLocation {\n        location {\n          id\n        }\n      }\n      deliveryMethod {\n        methodType\n      }\n      order {\n        id\n        name\n        cancelledAt\n        customer {\n          firstName\n          lastName\n        }\n      }\n      lineItems(first: $lineItemsFirst, after: $lineItemsAfter) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          totalQuantity\n          remainingQuantity\n          sku\n          productTitle\n          variantTitle\n          image {\n            url\n          }\n          variant {\n            barcode\n          }\n        }\n      }\n    }\n  }\n": {return: FulfillmentOrderForStoreTaskQuery, variables: FulfillmentOrderForStoreTaskQueryVariables},
  "#graphql\n  query FulfillmentOrdersForRouting($orderId: ID!, $fulfillmentOrdersFirst: Int!, $lineItemsFirst: Int!) {\n    order(id: $orderId) {\n      id\n      name\n      cancelledAt\n      customer {\n        firstName\n        lastName\n      }\n      checkoutPromise: metafield(namespace: \"$app\", key: \"pickup_promise\") {\n        value\n      }\n      fulfillmentOrders(first: $fulfillmentOrdersFirst) {\n        pageInfo {\n          hasNextPage\n        }\n        nodes {\n          id\n          status\n          assignedLocation {\n            location {\n              id\n            }\n          }\n          deliveryMethod {\n            methodType\n          }\n          supportedActions {\n            action\n          }\n          lineItems(first: $lineItemsFirst) {\n            pageInfo {\n              hasNextPage\n            }\n            nodes {\n              id\n              sku\n              inventoryItemId\n              totalQuantity\n              remainingQuantity\n              productTitle\n              variantTitle\n              image {\n                url\n              }\n              variant {\n                barcode\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: FulfillmentOrdersForRoutingQuery, variables: FulfillmentOrdersForRoutingQueryVariables},
  "#graphql\n  query ExceptionInventoryLevelAvailable($locationId: ID!, $inventoryItemId: ID!) {\n    location(id: $locationId) {\n      inventoryLevel(inventoryItemId: $inventoryItemId) {\n        quantities(names: [\"available\"]) {\n          name\n          quantity\n        }\n      }\n    }\n  }\n": {return: ExceptionInventoryLevelAvailableQuery, variables: ExceptionInventoryLevelAvailableQueryVariables},
  "#graphql\n  query LocationsForMirror($after: String) {\n    shop {\n      ianaTimezone\n    }\n    locations(first: 100, after: $after, includeInactive: true) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        isActive\n        fulfillsOnlineOrders\n        updatedAt\n        address {\n          address1\n          city\n          provinceCode\n          zip\n          countryCode\n          latitude\n          longitude\n        }\n        localPickupSettingsV2 {\n          pickupTime\n        }\n      }\n    }\n  }\n": {return: LocationsForMirrorQuery, variables: LocationsForMirrorQueryVariables},
  "#graphql\n  query InventoryLevelsForMirror {\n    locations {\n      edges {\n        node {\n          id\n          inventoryLevels {\n            edges {\n              node {\n                id\n                updatedAt\n                item {\n                  id\n                  sku\n                }\n                quantities(names: [\"available\", \"committed\", \"on_hand\"]) {\n                  name\n                  quantity\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: InventoryLevelsForMirrorQuery, variables: InventoryLevelsForMirrorQueryVariables},
  "#graphql\n  query ProductVariantsForMirror {\n    productVariants {\n      edges {\n        node {\n          id\n          title\n          sku\n          barcode\n          product {\n            title\n          }\n          inventoryItem {\n            id\n          }\n        }\n      }\n    }\n  }\n": {return: ProductVariantsForMirrorQuery, variables: ProductVariantsForMirrorQueryVariables},
  "#graphql\n  query CurrentInventoryMirrorBulkQuery {\n    currentBulkOperation(type: QUERY) {\n      id\n      status\n      query\n    }\n  }\n": {return: CurrentInventoryMirrorBulkQueryQuery, variables: CurrentInventoryMirrorBulkQueryQueryVariables},
  "#graphql\n  query InventoryMirrorBulkOperationStatus($id: ID!) {\n    bulkOperation(id: $id) {\n      id\n      status\n      errorCode\n      createdAt\n      objectCount\n      url\n    }\n  }\n": {return: InventoryMirrorBulkOperationStatusQuery, variables: InventoryMirrorBulkOperationStatusQueryVariables},
  "#graphql\n  query FulfillmentOrderOrder($id: ID!) {\n    fulfillmentOrder(id: $id) {\n      id\n      order {\n        id\n      }\n    }\n  }\n": {return: FulfillmentOrderOrderQuery, variables: FulfillmentOrderOrderQueryVariables},
  "#graphql\n  query OrderFactsForRouting($id: ID!, $lineItemsFirst: Int!) {\n    order(id: $id) {\n      id\n      name\n      createdAt\n      cancelledAt\n      confirmationNumber\n      customer {\n        id\n      }\n      shippingAddress {\n        latitude\n        longitude\n      }\n      shippingLine {\n        title\n        code\n      }\n      lineItems(first: $lineItemsFirst) {\n        nodes {\n          sku\n          quantity\n        }\n      }\n    }\n  }\n": {return: OrderFactsForRoutingQuery, variables: OrderFactsForRoutingQueryVariables},
  "#graphql\n  query UncollectedOrderPickupState($id: ID!) {\n    order(id: $id) {\n      id\n      cancelledAt\n      displayFulfillmentStatus\n      fulfillmentOrders(first: 10) {\n        nodes {\n          status\n          deliveryMethod {\n            methodType\n          }\n        }\n      }\n    }\n  }\n": {return: UncollectedOrderPickupStateQuery, variables: UncollectedOrderPickupStateQueryVariables},
  "#graphql\n  query ShopCurrency {\n    shop {\n      currencyCode\n    }\n  }\n": {return: ShopCurrencyQuery, variables: ShopCurrencyQueryVariables},
  "#graphql\n  query ShopOverview {\n    shop {\n      name\n      myshopifyDomain\n      ianaTimezone\n    }\n    locationsCount(query: \"active:true\") {\n      count\n      precision\n    }\n  }\n": {return: ShopOverviewQuery, variables: ShopOverviewQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation StoreTaskFulfillmentCreate($fulfillment: FulfillmentInput!) {\n    fulfillmentCreate(fulfillment: $fulfillment) {\n      fulfillment {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: StoreTaskFulfillmentCreateMutation, variables: StoreTaskFulfillmentCreateMutationVariables},
  "#graphql\n  mutation RerouteHoldFulfillmentOrder($id: ID!, $fulfillmentHold: FulfillmentOrderHoldInput!) {\n    fulfillmentOrderHold(id: $id, fulfillmentHold: $fulfillmentHold) {\n      fulfillmentOrder {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: RerouteHoldFulfillmentOrderMutation, variables: RerouteHoldFulfillmentOrderMutationVariables},
  "#graphql\n  mutation FulfillmentOrderMove(\n    $id: ID!\n    $newLocationId: ID!\n    $fulfillmentOrderLineItems: [FulfillmentOrderLineItemInput!]\n    $movedLineItemsFirst: Int!\n  ) {\n    fulfillmentOrderMove(id: $id, newLocationId: $newLocationId, fulfillmentOrderLineItems: $fulfillmentOrderLineItems) {\n      movedFulfillmentOrder {\n        id\n        status\n        assignedLocation {\n          location {\n            id\n          }\n        }\n        deliveryMethod {\n          methodType\n        }\n        order {\n          id\n          name\n          cancelledAt\n          customer {\n            firstName\n            lastName\n          }\n        }\n        lineItems(first: $movedLineItemsFirst) {\n          pageInfo {\n            hasNextPage\n          }\n          nodes {\n            id\n            totalQuantity\n            remainingQuantity\n            sku\n            productTitle\n            variantTitle\n            image {\n              url\n            }\n            variant {\n              barcode\n            }\n          }\n        }\n      }\n      originalFulfillmentOrder {\n        id\n        status\n      }\n      remainingFulfillmentOrder {\n        id\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: FulfillmentOrderMoveMutation, variables: FulfillmentOrderMoveMutationVariables},
  "#graphql\n  mutation RerouteOpenFulfillmentOrder($id: ID!) {\n    fulfillmentOrderOpen(id: $id) {\n      fulfillmentOrder {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: RerouteOpenFulfillmentOrderMutation, variables: RerouteOpenFulfillmentOrderMutationVariables},
  "#graphql\n  mutation StoreTaskPreparedForPickup($input: FulfillmentOrderLineItemsPreparedForPickupInput!) {\n    fulfillmentOrderLineItemsPreparedForPickup(input: $input) {\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: StoreTaskPreparedForPickupMutation, variables: StoreTaskPreparedForPickupMutationVariables},
  "#graphql\n  mutation StoreTaskReportProgress($id: ID!, $progressReport: FulfillmentOrderReportProgressInput) {\n    fulfillmentOrderReportProgress(id: $id, progressReport: $progressReport) {\n      fulfillmentOrder {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: StoreTaskReportProgressMutation, variables: StoreTaskReportProgressMutationVariables},
  "#graphql\n  mutation RunInventoryMirrorBulkQuery($query: String!) {\n    bulkOperationRunQuery(query: $query) {\n      bulkOperation {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: RunInventoryMirrorBulkQueryMutation, variables: RunInventoryMirrorBulkQueryMutationVariables},
  "#graphql\n  mutation ExceptionSetStoreStockZero($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) {\n    inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {\n      inventoryAdjustmentGroup {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ExceptionSetStoreStockZeroMutation, variables: ExceptionSetStoreStockZeroMutationVariables},
  "#graphql\n  mutation UncollectedOrderCancel(\n    $orderId: ID!\n    $reason: OrderCancelReason!\n    $restock: Boolean!\n    $refundMethod: OrderCancelRefundMethodInput\n    $notifyCustomer: Boolean\n    $staffNote: String\n  ) {\n    orderCancel(\n      orderId: $orderId\n      reason: $reason\n      restock: $restock\n      refundMethod: $refundMethod\n      notifyCustomer: $notifyCustomer\n      staffNote: $staffNote\n    ) {\n      job {\n        id\n        done\n      }\n      orderCancelUserErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: UncollectedOrderCancelMutation, variables: UncollectedOrderCancelMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
