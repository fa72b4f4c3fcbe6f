/**
 * MLflow run search compiled to one SQL query: each condition an EXISTS over Param, RunKeyTag or
 * MetricSummary (latest value) or a column test, ordered with the run id as the last key so pages
 * never shift.
 */
import type { Db } from "./client";

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

// Prisma stores SQLite DateTime as ISO text: compared here as epoch milliseconds. A run not started
// yet sorts by its creation time.
const ms = (col: string) => `CAST(ROUND((julianday(${col}) - 2440587.5) * 86400000) AS INTEGER)`;
const COLUMN_SQL: Record<RunColumn, string> = {
  id: 'r."id"',
  name: 'r."name"',
  status: 'r."status"',
  sourceUser: 'r."sourceUser"',
  startedMs: ms('COALESCE(r."startedAt", r."createdAt")'),
  finishedMs: ms('r."finishedAt"'),
};

export function isRunColumn(key: string): key is RunColumn {
  return key in COLUMN_SQL;
}

/** LIKE is case-sensitive in MLflow; SQLite's LIKE is not, so LIKE becomes GLOB with the same pattern. */
function likeToGlob(pattern: string): string {
  let out = "";
  for (const ch of pattern) {
    if (ch === "%") out += "*";
    else if (ch === "_") out += "?";
    else if (ch === "*" || ch === "?" || ch === "[") out += `[${ch}]`;
    else out += ch;
  }
  return out;
}

function stringTest(expr: string, op: StringOp, value: string | string[], args: unknown[]): string {
  const list = Array.isArray(value) ? value : [value];
  switch (op) {
    case "IN":
    case "NOT IN":
      args.push(...list);
      return `${expr} ${op} (${list.map(() => "?").join(",")})`;
    case "LIKE":
      args.push(likeToGlob(String(value)));
      return `${expr} GLOB ?`;
    case "ILIKE":
      args.push(String(value).toLowerCase());
      return `lower(${expr}) LIKE ?`;
    default:
      args.push(String(value));
      return `${expr} ${op} ?`;
  }
}

function conditionSql(c: RunCondition, args: unknown[]): string {
  if (c.on === "metric") {
    args.push(c.key, c.value);
    return `EXISTS (SELECT 1 FROM "MetricSummary" s WHERE s."runId" = r."id" AND s."key" = ? AND s."lastValue" ${c.op} ?)`;
  }
  if (c.on !== "column") {
    const table = c.on === "param" ? '"Param"' : '"RunKeyTag"';
    args.push(c.key);
    // `!=` and NOT IN match only runs that have the key (MLflow's semantics: a missing key never matches).
    return `EXISTS (SELECT 1 FROM ${table} p WHERE p."runId" = r."id" AND p."key" = ? AND ${stringTest('p."value"', c.op, c.value, args)})`;
  }
  const expr = COLUMN_SQL[c.column];
  if (typeof c.value === "number") {
    args.push(c.value);
    return `${expr} ${c.op} ?`;
  }
  return stringTest(expr, c.op as StringOp, c.value, args);
}

function orderSql(o: RunOrder, args: unknown[]): string {
  const dir = o.ascending ? "ASC" : "DESC";
  let expr: string;
  if (o.on === "column") expr = COLUMN_SQL[o.key as RunColumn];
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
export function searchRunIds(db: Db, q: RunSearch): { ids: string[]; more: boolean } {
  if (q.projectIds.length === 0) return { ids: [], more: false };
  const where: string[] = [`r."projectId" IN (${q.projectIds.map(() => "?").join(",")})`];
  const args: unknown[] = [...q.projectIds];
  if (q.view === "active") where.push('r."deletedAt" IS NULL');
  if (q.view === "deleted") where.push('r."deletedAt" IS NOT NULL');
  for (const c of q.conditions) where.push(conditionSql(c, args));
  const orderArgs: unknown[] = [];
  const order = [...q.orderBy.map((o) => orderSql(o, orderArgs)), 'r."id" ASC'];
  const sql = `SELECT r."id" FROM "Run" r WHERE ${where.join(" AND ")} ORDER BY ${order.join(", ")} LIMIT ? OFFSET ?`;
  const rows = db.sqlite.prepare(sql).all(...args, ...orderArgs, q.limit + 1, q.offset) as { id: string }[];
  return { ids: rows.slice(0, q.limit).map((r) => r.id), more: rows.length > q.limit };
}
