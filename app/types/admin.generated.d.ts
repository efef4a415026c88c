/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type ShopOverviewQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopOverviewQuery = { shop: Pick<AdminTypes.Shop, 'name' | 'myshopifyDomain' | 'ianaTimezone'>, locationsCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count' | 'precision'>> };

interface GeneratedQueryTypes {
  "#graphql\n  query ShopOverview {\n    shop {\n      name\n      myshopifyDomain\n      ianaTimezone\n    }\n    locationsCount(query: \"active:true\") {\n      count\n      precision\n    }\n  }\n": {return: ShopOverviewQuery, variables: ShopOverviewQueryVariables},
}

interface GeneratedMutationTypes {
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
