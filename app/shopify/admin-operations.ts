import type { AdminMutations, AdminQueries } from "@shopify/admin-api-client";

/**
 * The app's Admin GraphQL documents as types. `npm run graphql-codegen` registers each
 * `#graphql` document, keyed by its exact text, in `AdminQueries` / `AdminMutations`
 * (app/types/admin.generated.d.ts); the library's own index signature lets any string through
 * as `any`, so it is stripped here: only a generated document type-checks as an operation.
 */
type WithoutIndexSignature<T> = {
  [K in keyof T as string extends K ? never : number extends K ? never : symbol extends K ? never : K]: T[K];
};

type GeneratedOperations = WithoutIndexSignature<AdminQueries> & WithoutIndexSignature<AdminMutations>;

export type AdminOperation = Extract<keyof GeneratedOperations, string>;

export type AdminOperationData<Operation extends AdminOperation> = GeneratedOperations[Operation]["return"];

export type AdminOperationVariables<Operation extends AdminOperation> = GeneratedOperations[Operation]["variables"];

export interface OperationHeading {
  kind: "query" | "mutation";
  name: string;
}

/** The operation's kind and name, read from its document (`query Name(...` / `mutation Name`). */
export function operationHeading(document: string): OperationHeading {
  const withoutComments = document.replace(/#[^\n]*/g, "");
  const match = /\b(query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(withoutComments);
  if (match?.[1] && match[2]) return { kind: match[1] === "mutation" ? "mutation" : "query", name: match[2] };
  return { kind: /^\s*mutation\b/.test(withoutComments) ? "mutation" : "query", name: "anonymous" };
}
