import { resolversFor } from "../resolvers/types";
import { bulkOperationView } from "../resolvers/views";

/** bulkOperationRunQuery: the emulator validates and runs the query (see ../bulk.ts). */
export const bulkMutations = resolversFor<unknown>({
  bulkOperationRunQuery: (_source, args: { query: string }, ctx) => {
    const started = ctx.runBulkQuery(args.query);
    if (!started.ok) return { bulkOperation: null, userErrors: [{ field: ["query"], message: started.message, code: "INVALID" }] };
    const operation = ctx.shop.state.bulkOperationsById.get(started.operationId);
    if (!operation) throw new Error("bulk operation vanished");
    // Shopify answers with the operation as just created; polling sees it complete.
    return { bulkOperation: bulkOperationView(
        { ...operation, status: "CREATED", completedAt: null, objectCount: 0, rootObjectCount: 0, fileSize: null },
        ctx.publicUrl,
        ctx.shop.state.domain,
      ), userErrors: [] };
  },
});
