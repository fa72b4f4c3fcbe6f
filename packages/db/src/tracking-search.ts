/**
 * MLflow run search compiled to one SQL query: each condition an EXISTS over Param, RunKeyTag or
 * MetricSummary (latest value) or a column test, ordered with the run id as the last key so pages
 * never shift.
 */
import { type Db, rawSql } from "./client";
import type { Dialect } from "./raw-sql";

export type NumberOp = "=" | "!=" | ">" | ">=" | "<" | "<=";
export type StringOp = "=" | "!=" | "LIKE" | "ILIKE" | "IN" | "NOT IN";

/** A run column MLflow can filter and sort on. Times are epoch milliseconds. */
export type RunColumn = "id" | "name" | "status" | "sourceUser" | "startedMs" | "finishedMs";

export type RunCondition =
  | { on: "metric"; key: string; op: NumberOp; value: number }
  | { on: "param" | "tag"; key: string; op: StringOp; value: string | string[] }
  | { on: "column"; column: RunColumn; op: NumberOp | StringOp; value: string | number | string[] };

export type RunOrder = { on: "metric" | "param" | "tag" | "column"; key: string; ascending: boolean };

export type RunSearch = {
  projectIds: readonly string[];
  conditions: readonly RunCondition[];
  orderBy: readonly RunOrder[];
  /** active: not deleted; deleted: only deleted; all. */
  view: "active" | "deleted" | "all";
  offset: number;
  limit: number;
};

// Times compare as epoch milliseconds (Prisma stores DateTime as ISO text on SQLite). A run not started
// yet sorts by its creation time.
const columnSql = (d: Dialect): Record<RunColumn, string> => ({
  id: 'r."id"',
  name: 'r."name"',
  status: 'r."status"',
  sourceUser: 'r."sourceUser"',
  startedMs: d.epochMs('COALESCE(r."startedAt", r."createdAt")'),
  finishedMs: d.epochMs('r."finishedAt"'),
});
const RUN_COLUMNS = new Set<string>([
  "id",
  "name",
  "status",
  "sourceUser",
  "startedMs",
  "finishedMs",
] satisfies RunColumn[]);

export function isRunColumn(key: string): key is RunColumn {
  return RUN_COLUMNS.has(key);
}

function stringTest(
  d: Dialect,
  expr: string,
  op: StringOp,
  value: string | string[],
  args: unknown[],
): string {
  const list = Array.isArray(value) ? value : [value];
  switch (op) {
    case "IN":
    case "NOT IN":
      args.push(...list);
      return `${expr} ${op} (${list.map(() => "?").join(",")})`;
    case "LIKE":
      args.push(d.likePattern(String(value)));
      return d.caseSensitiveLike(expr);
    case "ILIKE":
      args.push(String(value).toLowerCase());
      return `lower(${expr}) LIKE ?`;
    default:
      args.push(String(value));
      return `${expr} ${op} ?`;
  }
}

function conditionSql(d: Dialect, c: RunCondition, args: unknown[]): string {
  if (c.on === "metric") {
    args.push(c.key, c.value);
    return `EXISTS (SELECT 1 FROM "MetricSummary" s WHERE s."runId" = r."id" AND s."key" = ? AND s."lastValue" ${c.op} ?)`;
  }
  if (c.on !== "column") {
    const table = c.on === "param" ? '"Param"' : '"RunKeyTag"';
    args.push(c.key);
    // `!=` and NOT IN match only runs that have the key (MLflow's semantics: a missing key never matches).
    return `EXISTS (SELECT 1 FROM ${table} p WHERE p."runId" = r."id" AND p."key" = ? AND ${stringTest(d, 'p."value"', c.op, c.value, args)})`;
  }
  const expr = columnSql(d)[c.column];
  if (typeof c.value === "number") {
    args.push(c.value);
    return `${expr} ${c.op} ?`;
  }
  return stringTest(d, expr, c.op as StringOp, c.value, args);
}

function orderSql(d: Dialect, o: RunOrder, args: unknown[]): string {
  const dir = o.ascending ? "ASC" : "DESC";
  let expr: string;
  if (o.on === "column") expr = columnSql(d)[o.key as RunColumn];
  else {
    const [table, col] =
      o.on === "metric"
        ? ['"MetricSummary"', '"lastValue"']
        : o.on === "param"
          ? ['"Param"', '"value"']
          : ['"RunKeyTag"', '"value"'];
    args.push(o.key, o.key); // the expression appears twice below
    expr = `(SELECT x.${col} FROM ${table} x WHERE x."runId" = r."id" AND x."key" = ?)`;
  }
  // Runs without the value sort last either way, as in MLflow.
  return `(${expr} IS NULL) ASC, ${expr} ${dir}`;
}

/** The ids of one page of matching runs, plus whether more follow. */
export async function searchRunIds(db: Db, q: RunSearch): Promise<{ ids: string[]; more: boolean }> {
  const raw = db[rawSql];
  if (q.projectIds.length === 0) return { ids: [], more: false };
  const where: string[] = [`r."projectId" IN (${q.projectIds.map(() => "?").join(",")})`];
  const args: unknown[] = [...q.projectIds];
  if (q.view === "active") where.push('r."deletedAt" IS NULL');
  if (q.view === "deleted") where.push('r."deletedAt" IS NOT NULL');
  for (const c of q.conditions) where.push(conditionSql(raw.dialect, c, args));
  const orderArgs: unknown[] = [];
  const order = [...q.orderBy.map((o) => orderSql(raw.dialect, o, orderArgs)), 'r."id" ASC'];
  const sql = `SELECT r."id" FROM "Run" r WHERE ${where.join(" AND ")} ORDER BY ${order.join(", ")} LIMIT ? OFFSET ?`;
  const rows = await raw.all<{ id: string }>(sql, [...args, ...orderArgs, q.limit + 1, q.offset]);
  return { ids: rows.slice(0, q.limit).map((r) => r.id), more: rows.length > q.limit };
}
