import { resolversFor } from "../resolvers/types";
import { bulkOperationView } from "../resolvers/views";

/** bulkOperationRunQuery: the emulator validates the query and runs it in the background (see ../bulk.ts). */
export const bulkMutations = resolversFor<unknown>({
  bulkOperationRunQuery: (_source, args: { query: string }, ctx) => {
    const started = ctx.runBulkQuery(args.query);
    if (!started.ok) {
      // An invalid query is the `query` argument's fault; an operation in progress is no field's.
      const field = started.code === "INVALID" ? ["query"] : null;
      return { bulkOperation: null, userErrors: [{ field, message: started.message, code: started.code }] };
    }
    const operation = ctx.shop.state.bulkOperationsById.get(started.operationId);
    if (!operation) throw new Error("bulk operation vanished");
    // The run starts after this answer (a later macrotask), so the operation is still CREATED here.
    return { bulkOperation: bulkOperationView(operation, ctx.publicUrl, ctx.shop.state.domain), userErrors: [] };
  },
});
