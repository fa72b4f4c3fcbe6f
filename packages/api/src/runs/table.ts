/**
 * runs.table: one page of the project's runs, filtered by an expression, sorted by any run field,
 * param or metric summary, with the requested columns.
 */
import { type Db, hasRunTableKey, queryRunTable } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { projectProcedure } from "../trpc";
import { FilterExpressionError, parseFieldExpression, parseFilterExpression } from "./filter-expression";

export const ZRunTableInput = z.object({
  filter: z.string().max(2000, "the filter is at most 2000 characters").optional(),
  sort: z
    .object({
      by: z.string().trim().min(1, "name a field to sort by").max(200).default("createdAt"),
      dir: z.enum(["asc", "desc"], { error: "sort direction is asc or desc" }).default("desc"),
    })
    .default({ by: "createdAt", dir: "desc" }),
  offset: z.int("offset is a whole number").min(0, "offset is ≥ 0").default(0),
  limit: z
    .int("limit is a whole number")
    .min(1, "limit is ≥ 1")
    .max(500, "limit is at most 500")
    .default(100),
  columns: z.array(z.string().trim().min(1).max(200)).max(60, "at most 60 columns").default([]),
});
export type RunTableInput = z.input<typeof ZRunTableInput>;

function badRequest(prefix: string, err: unknown): never {
  if (err instanceof FilterExpressionError)
    throw new TRPCError({ code: "BAD_REQUEST", message: `${prefix}${err.message}`, cause: err });
  throw err;
}

/** What the procedure does, callable without HTTP (the ui bench measures exactly this). */
export async function runTable(db: Db, projectId: string, rawInput: RunTableInput, viewerId?: string) {
  const input = ZRunTableInput.parse(rawInput);
  let filter: ReturnType<typeof parseFilterExpression>["filter"] | undefined;
  if (input.filter?.trim()) {
    const parsed = (() => {
      try {
        return parseFilterExpression(input.filter);
      } catch (err) {
        return badRequest("", err);
      }
    })();
    // Names that are neither run fields nor recorded by any run of the project are typos: say so.
    for (const use of parsed.uses) {
      if (await hasRunTableKey(db, projectId, use.ref)) continue;
      const what = use.ref.kind === "metric" ? "a metric" : "a run field or a param";
      badRequest(
        "",
        new FilterExpressionError(
          `unknown name '${use.text}': not ${what} of any run in this project`,
          use.column,
        ),
      );
    }
    filter = parsed.filter;
  }
  const field = (text: string, prefix: string) => {
    try {
      return parseFieldExpression(text).ref;
    } catch (err) {
      return badRequest(prefix, err);
    }
  };
  return await queryRunTable(db, projectId, {
    filter,
    sort: { field: field(input.sort.by, "sort: "), dir: input.sort.dir },
    offset: input.offset,
    limit: input.limit,
    columns: input.columns.map((c) => field(c, `column '${c}': `)),
    viewerId,
  });
}

export const runTableProcedure = projectProcedure("VIEWER")
  .input(ZRunTableInput)
  .query(({ ctx, input }) => runTable(ctx.db, ctx.projectId, input, ctx.userId));
