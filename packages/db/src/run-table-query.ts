/**
 * The runs table's one query: filter, sort and page a project's runs over run fields, params and
 * metric summaries, as parameterised SQL (values are always bound, never spliced into the text).
 */
import { type Db, rawSql } from "./client";
import { inIdOrder } from "./in-id-order";
import { bestIsMin } from "./metric-summary";
import { type Dialect, julianDayOf, type RawSql } from "./raw-sql";

/** Run columns a filter, sort or column can name, with the type its literals must have. */
const column = (name: string) => () => `r."${name}"`;
export const RUN_TABLE_FIELDS = {
  id: { sql: column("id"), type: "text" },
  name: { sql: column("name"), type: "text" },
  status: { sql: column("status"), type: "status" },
  activation: { sql: column("activation"), type: "text" },
  dataset: { sql: column("dataset"), type: "text" },
  sweepId: { sql: column("sweepId"), type: "text", nullable: true },
  seed: { sql: column("seed"), type: "number" },
  epochsDone: { sql: column("epochsDone"), type: "number" },
  stepsDone: { sql: column("stepsDone"), type: "number" },
  createdAt: { sql: (d: Dialect) => d.julianDay('r."createdAt"'), type: "date" },
  startedAt: { sql: (d: Dialect) => d.julianDay('r."startedAt"'), type: "date", nullable: true },
  finishedAt: { sql: (d: Dialect) => d.julianDay('r."finishedAt"'), type: "date", nullable: true },
  // Seconds from start to finish (or to now while it runs); NULL for a run that never started.
  duration: {
    sql: (d: Dialect) => d.secondsBetween('r."startedAt"', 'r."finishedAt"'),
    type: "number",
    nullable: true,
  },
} as const satisfies Record<string, { sql: (d: Dialect) => string; type: string; nullable?: true }>;
export type RunTableField = keyof typeof RUN_TABLE_FIELDS;
export type RunFieldType = (typeof RUN_TABLE_FIELDS)[RunTableField]["type"];

export const METRIC_AGGREGATES = ["last", "min", "max", "best", "count"] as const;
export type MetricAggregate = (typeof METRIC_AGGREGATES)[number];

/** What a filter, the sort or a column refers to. */
export type FieldRef =
  | { kind: "run"; field: RunTableField }
  | { kind: "param"; key: string }
  | { kind: "metric"; key: string; agg: MetricAggregate };

export type Literal = string | number;
export const COMPARE_OPS = ["=", "!=", "<", "<=", ">", ">="] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

/** A parsed filter. Every comparison is two-valued: a run without the field fails it, `not` passes it. */
export type RunFilter =
  | { kind: "and" | "or"; items: RunFilter[] }
  | { kind: "not"; item: RunFilter }
  | { kind: "compare"; field: FieldRef; op: CompareOp; value: Literal }
  | { kind: "in"; field: FieldRef; values: Literal[] }
  // Collaboration: a run carrying any of these tag names; a run the viewer starred.
  | { kind: "tag"; names: string[] }
  | { kind: "starred"; value: boolean };

/** Who is asking: `starred` means starred by this user. */
export type RunFilterContext = { viewerId?: string | null };

export type RunTableQuery = {
  filter?: RunFilter;
  sort: { field: FieldRef; dir: "asc" | "desc" };
  offset: number;
  limit: number;
  columns: FieldRef[];
  /** The user a `starred` filter refers to; without one, no run counts as starred. */
  viewerId?: string | null;
};

export type RunTableRow = {
  id: string;
  name: string;
  status: string;
  activation: string;
  dataset: string;
  sweepId: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Seconds from start to finish, or to now while running; null before it starts. */
  durationS: number | null;
  /** One per requested column: a param's value (number when numeric) or a metric summary figure. */
  values: (string | number | null)[];
  /** One per requested column: the step a metric figure happened at (null for params and counts). */
  steps: (number | null)[];
  /** The run's tags, for chips in the explorer. */
  tags: { name: string; color: string }[];
};

type Sql = { sql: string; args: unknown[] };

/** The summary column an aggregate reads ("best" resolves to min or max by the key's direction). */
function summaryColumns(ref: { key: string; agg: MetricAggregate }): { value: string; step: string | null } {
  const agg = ref.agg === "best" ? (bestIsMin(ref.key) ? "min" : "max") : ref.agg;
  if (agg === "count") return { value: '"count"', step: null };
  return { value: `"${agg}Value"`, step: `"${agg}Step"` };
}

/** Dates are compared as Julian days so "2026-11-28" and a stored timestamp compare correctly. */
function bindLiteral(type: RunFieldType, v: Literal): unknown {
  if (type === "date") return typeof v === "number" ? v : julianDayOf(new Date(v));
  if (type === "status") return String(v).toUpperCase();
  if (type === "number") return v;
  return String(v);
}

function runAtom(d: Dialect, field: RunTableField, sqlOp: string, values: Literal[]): Sql {
  const def: { sql: (d: Dialect) => string; type: RunFieldType; nullable?: true } = RUN_TABLE_FIELDS[field];
  const marks = values.map(() => "?").join(", ");
  const rhs = sqlOp === "IN" ? `(${marks})` : marks;
  const test = `(${def.sql(d)}) ${sqlOp} ${rhs}`;
  const args = values.map((v) => bindLiteral(def.type, v));
  // IS TRUE keeps the atom two-valued: NULL (a missing sweepId, an unstarted run) counts as false. A column
  // that is never NULL goes bare, so an index on it serves the filter (IS TRUE hides it from the planner).
  return { sql: def.nullable ? `(${test}) IS TRUE` : `(${test})`, args };
}

function paramAtom(key: string, sqlOp: string, values: Literal[]): Sql {
  const nums = values.filter((v): v is number => typeof v === "number");
  const texts = values.filter((v): v is string => typeof v === "string");
  const rhs = (n: number) => (sqlOp === "IN" ? `(${Array(n).fill("?").join(", ")})` : "?");
  const parts: Sql[] = [];
  // A number compares numerically with numeric params and as its text with the others
  // ("hiddenLayers = 16" where the stored value is the text "16"). Spelled as an OR, not a CASE, so each
  // half is a range of the (key, valueNum, value, runId) index: the CASE read every row of the key.
  if (nums.length)
    parts.push({
      sql: `"valueNum" ${sqlOp} ${rhs(nums.length)} OR ("valueNum" IS NULL AND "value" ${sqlOp} ${rhs(nums.length)})`,
      args: [...nums, ...nums.map(String)],
    });
  if (texts.length) parts.push({ sql: `"value" ${sqlOp} ${rhs(texts.length)}`, args: texts });
  return {
    sql: `r."id" IN (SELECT "runId" FROM "Param" WHERE "key" = ? AND (${parts.map((p) => p.sql).join(" OR ")}))`,
    args: [key, ...parts.flatMap((p) => p.args)],
  };
}

function metricAtom(ref: { key: string; agg: MetricAggregate }, sqlOp: string, values: Literal[]): Sql {
  const rhs = sqlOp === "IN" ? `(${values.map(() => "?").join(", ")})` : "?";
  return {
    sql: `r."id" IN (SELECT "runId" FROM "MetricSummary" WHERE "key" = ? AND ${summaryColumns(ref).value} ${sqlOp} ${rhs})`,
    args: [ref.key, ...values],
  };
}

function atom(d: Dialect, field: FieldRef, sqlOp: string, values: Literal[]): Sql {
  if (field.kind === "run") return runAtom(d, field.field, sqlOp, values);
  if (field.kind === "param") return paramAtom(field.key, sqlOp, values);
  return metricAtom(field, sqlOp, values);
}

/** Compiles a filter to a WHERE fragment over `Run r`, with its bound arguments in order. */
export function compileRunFilter(filter: RunFilter, d: Dialect, context: RunFilterContext = {}): Sql {
  switch (filter.kind) {
    case "and":
    case "or": {
      const parts = filter.items.map((item) => compileRunFilter(item, d, context));
      return {
        sql: `(${parts.map((p) => p.sql).join(filter.kind === "and" ? " AND " : " OR ")})`,
        args: parts.flatMap((p) => p.args),
      };
    }
    case "not": {
      const inner = compileRunFilter(filter.item, d, context);
      return { sql: `NOT ${inner.sql}`, args: inner.args };
    }
    case "compare":
      return atom(d, filter.field, filter.op === "!=" ? "<>" : filter.op, [filter.value]);
    case "in":
      return atom(d, filter.field, "IN", filter.values);
    case "tag":
      // Tag names match case-insensitively: "Baseline" and "baseline" are one tag to a reader.
      return {
        sql: `r."id" IN (SELECT rt."runId" FROM "RunTag" rt JOIN "Tag" t ON t."id" = rt."tagId" WHERE lower(t."name") IN (${filter.names.map(() => "?").join(", ")}))`,
        args: filter.names.map((n) => n.toLowerCase()),
      };
    case "starred": {
      const starred = {
        sql: `r."id" IN (SELECT "runId" FROM "RunStar" WHERE "userId" = ?)`,
        args: [context.viewerId ?? ""],
      };
      return filter.value ? starred : { sql: `NOT ${starred.sql}`, args: starred.args };
    }
  }
}

/**
 * Scalar expressions to sort by, in order: one value each per run (NULL when the run lacks it). A param
 * sorts by its number, then (for a param that is not a number) by its text: PostgreSQL has no column
 * holding both.
 */
function sortExpressions(d: Dialect, field: FieldRef): { keys: string[]; args: unknown[] } {
  if (field.kind === "run") {
    const { sql, type } = RUN_TABLE_FIELDS[field.field];
    // Timestamps sort as stored; the raw column lets the engine use the (projectId, createdAt) index.
    return { keys: [type === "date" ? `r."${field.field}"` : sql(d)], args: [] };
  }
  if (field.kind === "param")
    return {
      keys: [
        `(SELECT "valueNum" FROM "Param" WHERE "runId" = r."id" AND "key" = ?)`,
        `(SELECT "value" FROM "Param" WHERE "runId" = r."id" AND "key" = ? AND "valueNum" IS NULL)`,
      ],
      args: [field.key, field.key],
    };
  return {
    keys: [
      `(SELECT ${summaryColumns(field).value} FROM "MetricSummary" WHERE "runId" = r."id" AND "key" = ?)`,
    ],
    args: [field.key],
  };
}

type PageRow = Omit<RunTableRow, "values" | "steps" | "createdAt" | "startedAt" | "finishedAt"> & {
  createdAt: string | Date;
  startedAt: string | Date | null;
  finishedAt: string | Date | null;
  [column: `c${number}` | `n${number}` | `s${number}`]: string | number | null;
};

/** The tags of the page's runs, by run id, in name order. */
async function loadTags(raw: RawSql, ids: string[]): Promise<Map<string, { name: string; color: string }[]>> {
  const rows = await raw.all<{ runId: string; name: string; color: string }>(
    `SELECT rt."runId" AS "runId", t."name" AS "name", t."color" AS "color"
     FROM "RunTag" rt JOIN "Tag" t ON t."id" = rt."tagId"
     WHERE rt."runId" IN (${ids.map(() => "?").join(", ")}) ORDER BY t."name"`,
    ids,
  );
  const byRun = new Map<string, { name: string; color: string }[]>();
  for (const r of rows) byRun.set(r.runId, [...(byRun.get(r.runId) ?? []), { name: r.name, color: r.color }]);
  return byRun;
}

/** The page's rows with their requested columns, joined only for the ≤ limit ids already chosen. */
async function loadRows(raw: RawSql, ids: string[], columns: FieldRef[]): Promise<RunTableRow[]> {
  if (ids.length === 0) return [];
  const selects: string[] = [];
  const joins: string[] = [];
  const joinArgs: unknown[] = [];
  columns.forEach((col, i) => {
    if (col.kind === "run") {
      selects.push(
        `${RUN_TABLE_FIELDS[col.field].sql(raw.dialect)} AS "c${i}"`,
        `NULL AS "n${i}"`,
        `NULL AS "s${i}"`,
      );
    } else if (col.kind === "param") {
      joins.push(`LEFT JOIN "Param" j${i} ON j${i}."runId" = r."id" AND j${i}."key" = ?`);
      joinArgs.push(col.key);
      selects.push(`j${i}."value" AS "c${i}"`, `j${i}."valueNum" AS "n${i}"`, `NULL AS "s${i}"`);
    } else {
      const { value, step } = summaryColumns(col);
      joins.push(`LEFT JOIN "MetricSummary" j${i} ON j${i}."runId" = r."id" AND j${i}."key" = ?`);
      joinArgs.push(col.key);
      selects.push(
        `j${i}.${value} AS "c${i}"`,
        `NULL AS "n${i}"`,
        `${step ? `j${i}.${step}` : "NULL"} AS "s${i}"`,
      );
    }
  });
  const sql = `SELECT r."id", r."name", r."status", r."activation", r."dataset", r."sweepId", r."createdAt",
      r."startedAt", r."finishedAt", ${RUN_TABLE_FIELDS.duration.sql(raw.dialect)} AS "durationS"${selects.map((s) => `, ${s}`).join("")}
    FROM "Run" r ${joins.join(" ")}
    WHERE r."id" IN (${ids.map(() => "?").join(", ")})`;
  const rows = await raw.all<PageRow>(sql, [...joinArgs, ...ids]);
  const tags = await loadTags(raw, ids);
  return inIdOrder(ids, rows, (r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    activation: r.activation,
    dataset: r.dataset,
    sweepId: r.sweepId,
    createdAt: new Date(r.createdAt),
    startedAt: r.startedAt ? new Date(r.startedAt) : null,
    finishedAt: r.finishedAt ? new Date(r.finishedAt) : null,
    durationS: r.durationS,
    // A param is its number when it has one (the text "16" of hiddenLayers is 16).
    values: columns.map((_, i) => r[`n${i}`] ?? r[`c${i}`] ?? null),
    steps: columns.map((_, i) => (r[`s${i}`] as number | null) ?? null),
    tags: tags.get(r.id) ?? [],
  }));
}

/**
 * One page of a project's runs. The first statement filters and sorts ids only (with the total
 * from a window count, so the filter runs once); the second loads columns for that page alone.
 */
export async function queryRunTable(
  db: Db,
  projectId: string,
  q: RunTableQuery,
): Promise<{ total: number; rows: RunTableRow[] }> {
  const raw = db[rawSql];
  const where = q.filter
    ? compileRunFilter(q.filter, raw.dialect, { viewerId: q.viewerId })
    : { sql: "TRUE", args: [] };
  const sort = sortExpressions(raw.dialect, q.sort.field);
  const dir = q.sort.dir === "asc" ? "ASC" : "DESC";
  const page = await raw.all<{ id: string; total: number }>(
    `SELECT r."id" AS "id", ${sort.keys.map((k, i) => `${k} AS "sortKey${i}"`).join(", ")}, COUNT(*) OVER () AS "total"
     FROM "Run" r WHERE r."projectId" = ? AND ${where.sql}
     ORDER BY ${sort.keys.map((_, i) => `"sortKey${i}" ${dir} NULLS LAST`).join(", ")}, r."createdAt" ${dir}, r."id" ${dir}
     LIMIT ? OFFSET ?`,
    [...sort.args, projectId, ...where.args, q.limit, q.offset],
  );
  // Past the end the window has no row to report on: count separately (rare: a stale scroll position).
  const total =
    page[0]?.total ??
    (
      await raw.get<{ n: number }>(
        `SELECT COUNT(*) AS "n" FROM "Run" r WHERE r."projectId" = ? AND ${where.sql}`,
        [projectId, ...where.args],
      )
    )?.n ??
    0;
  return {
    total,
    rows: await loadRows(
      raw,
      page.map((p) => p.id),
      q.columns,
    ),
  };
}

/**
 * The param keys and metric keys recorded in a project: what the column picker offers. A plain
 * DISTINCT reads every Param row (~35 a run); walking the key index from one key to the next
 * (a recursive "skip scan") costs one index seek per distinct key instead.
 */
export async function listRunTableColumns(
  db: Db,
  projectId: string,
): Promise<{ params: string[]; metrics: string[] }> {
  const keys = async (table: "Param" | "MetricSummary") =>
    (
      await db[rawSql].all<{ key: string }>(
        `WITH RECURSIVE k("key") AS (
             SELECT MIN("key") FROM "${table}"
             UNION ALL
             SELECT (SELECT MIN("key") FROM "${table}" WHERE "key" > k."key") FROM k WHERE k."key" IS NOT NULL
           )
           SELECT k."key" AS "key" FROM k
           WHERE k."key" IS NOT NULL AND EXISTS (
             SELECT 1 FROM "${table}" t JOIN "Run" r ON r."id" = t."runId" WHERE t."key" = k."key" AND r."projectId" = ?
           )
           ORDER BY k."key"`,
        [projectId],
      )
    ).map((r) => r.key);
  return { params: await keys("Param"), metrics: await keys("MetricSummary") };
}

/** Whether any run of the project has this param or metric key (for "unknown field" errors). */
export async function hasRunTableKey(db: Db, projectId: string, ref: FieldRef): Promise<boolean> {
  if (ref.kind === "run") return true;
  const table = ref.kind === "param" ? "Param" : "MetricSummary";
  return (
    (await db[rawSql].get(
      `SELECT 1 AS "found" FROM "${table}" t JOIN "Run" r ON r."id" = t."runId" WHERE t."key" = ? AND r."projectId" = ? LIMIT 1`,
      [ref.key, projectId],
    )) !== undefined
  );
}
