/** MLflow run filters and order_by terms, translated onto Actlab's columns, params, tags and metrics. */
import type { RunStatus } from "@actlab/core";
import type { RunColumn, RunCondition, RunOrder } from "@actlab/db";
import { invalid } from "../errors";
import { type Clause, type Entity, parseClauses, parseOrderBy } from "./clauses";

type Kind = "metric" | "param" | "tag" | "attribute";

const PREFIXES: Record<string, Kind> = {
  metric: "metric",
  metrics: "metric",
  param: "param",
  params: "param",
  parameter: "param",
  parameters: "param",
  tag: "tag",
  tags: "tag",
  attribute: "attribute",
  attributes: "attribute",
  attr: "attribute",
  run: "attribute",
};

const ATTRIBUTES: Record<string, { column: RunColumn; type: "string" | "number" }> = {
  run_id: { column: "id", type: "string" },
  run_uuid: { column: "id", type: "string" },
  run_name: { column: "name", type: "string" },
  status: { column: "status", type: "string" },
  user_id: { column: "sourceUser", type: "string" },
  start_time: { column: "startedMs", type: "number" },
  created: { column: "startedMs", type: "number" },
  Created: { column: "startedMs", type: "number" },
  end_time: { column: "finishedMs", type: "number" },
};

/** MLflow's run statuses onto Actlab's (a diverged run is FAILED to an MLflow client). */
export const FROM_MLFLOW_STATUS: Record<string, RunStatus[]> = {
  RUNNING: ["RUNNING"],
  SCHEDULED: ["QUEUED"],
  FINISHED: ["COMPLETED"],
  FAILED: ["FAILED", "DIVERGED"],
  KILLED: ["CANCELED"],
};

function kindOf(e: Entity): Kind {
  if (e.prefix === null) {
    if (e.key in ATTRIBUTES) return "attribute";
    throw invalid(
      `Invalid identifier '${e.key}': use metrics.<key>, params.<key>, tags.<key> or attributes.<name>`,
    );
  }
  const kind = PREFIXES[e.prefix];
  if (!kind)
    throw invalid(`Invalid entity type '${e.prefix}'. Valid values are metrics, params, tags, attributes`);
  return kind;
}

function attribute(key: string) {
  const a = ATTRIBUTES[key];
  if (!a)
    throw invalid(
      `Invalid attribute key '${key}' specified. Valid keys are ${Object.keys(ATTRIBUTES).join(", ")}`,
    );
  return a;
}

const NUMERIC = new Set(["=", "!=", ">", ">=", "<", "<="]);
const TEXT = new Set(["=", "!=", "LIKE", "ILIKE", "IN", "NOT IN"]);

function statusCondition(c: Clause): RunCondition {
  const values = c.literal.kind === "list" ? c.literal.value : [String(c.literal.value)];
  const mapped = values.flatMap((v) => {
    const s = FROM_MLFLOW_STATUS[v.toUpperCase()];
    if (!s) throw invalid(`Invalid status '${v}': one of ${Object.keys(FROM_MLFLOW_STATUS).join(", ")}`);
    return s;
  });
  if (c.comparator === "=" || c.comparator === "IN")
    return { on: "column", column: "status", op: "IN", value: mapped };
  if (c.comparator === "!=" || c.comparator === "NOT IN")
    return { on: "column", column: "status", op: "NOT IN", value: mapped };
  throw invalid(`Invalid comparator '${c.comparator}' for attributes.status: use =, !=, IN or NOT IN`);
}

function toCondition(c: Clause): RunCondition {
  const kind = kindOf(c.entity);
  const { comparator: op, literal } = c;
  const where = `${c.entity.prefix ?? "attributes"}.${c.entity.key}`;
  if (kind === "metric") {
    if (!NUMERIC.has(op) || literal.kind !== "number")
      throw invalid(`Invalid clause on ${where}: metrics compare with = != > >= < <= against a number`);
    return { on: "metric", key: c.entity.key, op: op as "=", value: literal.value };
  }
  if (kind === "param" || kind === "tag") {
    if (!TEXT.has(op) || literal.kind === "number")
      throw invalid(
        `Invalid clause on ${where}: ${kind}s compare with = != LIKE ILIKE IN against a quoted string`,
      );
    return { on: kind, key: c.entity.key, op: op as "=", value: literal.value };
  }
  const a = attribute(c.entity.key);
  if (a.column === "status") return statusCondition(c);
  if (a.type === "number") {
    if (!NUMERIC.has(op) || literal.kind !== "number")
      throw invalid(
        `Invalid clause on ${where}: compare with = != > >= < <= against a number (milliseconds)`,
      );
    return { on: "column", column: a.column, op: op as "=", value: literal.value };
  }
  if (!TEXT.has(op) || literal.kind === "number")
    throw invalid(`Invalid clause on ${where}: compare with = != LIKE ILIKE IN against a quoted string`);
  return { on: "column", column: a.column, op: op as "=", value: literal.value };
}

export function parseRunFilter(filter: string | undefined): RunCondition[] {
  return parseClauses(filter).map(toCondition);
}

/** MLflow's default order: newest start first (the run id breaks ties, in the db query). */
const DEFAULT_ORDER: RunOrder[] = [{ on: "column", key: "startedMs", ascending: false }];

export function parseRunOrderBy(terms: readonly string[]): RunOrder[] {
  if (terms.length === 0) return DEFAULT_ORDER;
  return terms.map((t) => {
    const { entity, ascending } = parseOrderBy(t);
    const kind = kindOf(entity);
    if (kind === "attribute") return { on: "column", key: attribute(entity.key).column, ascending };
    return { on: kind, key: entity.key, ascending };
  });
}
