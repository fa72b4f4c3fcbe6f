/** MLflow experiment filters (name, tags, times) and order_by, applied to a workspace's few projects. */
import type { ExperimentRecord } from "@actlab/db";
import { invalid } from "../errors";
import { type Clause, parseClauses, parseOrderBy } from "./clauses";

type Value = string | number | undefined;

function experimentValue(e: ExperimentRecord, c: Clause["entity"]): Value {
  const prefix = c.prefix ?? "attribute";
  if (prefix === "tag" || prefix === "tags") return e.tags.find((t) => t.key === c.key)?.value;
  if (prefix !== "attribute" && prefix !== "attributes" && prefix !== "attr")
    throw invalid(
      `Invalid entity type '${prefix}': experiments filter on name, creation_time, last_update_time and tags`,
    );
  switch (c.key) {
    case "name":
      return e.name;
    case "creation_time":
    case "last_update_time":
      return e.createdAt.getTime();
    case "experiment_id":
      return e.id;
    default:
      throw invalid(`Invalid attribute key '${c.key}': use name, creation_time, last_update_time`);
  }
}

function likeRegex(pattern: string, flags: string): RegExp {
  const body = pattern
    .split("")
    .map((ch) => (ch === "%" ? ".*" : ch === "_" ? "." : ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, flags);
}

function test(actual: Value, c: Clause): boolean {
  if (actual === undefined) return false; // a missing tag never matches, not even !=
  const lit = c.literal;
  if (lit.kind === "list") {
    const hit = lit.value.includes(String(actual));
    return c.comparator === "IN" ? hit : c.comparator === "NOT IN" ? !hit : false;
  }
  const expected = lit.value;
  switch (c.comparator) {
    case "=":
      return actual === expected;
    case "!=":
      return actual !== expected;
    case ">":
      return actual > expected;
    case ">=":
      return actual >= expected;
    case "<":
      return actual < expected;
    case "<=":
      return actual <= expected;
    case "LIKE":
      return likeRegex(String(expected), "").test(String(actual));
    case "ILIKE":
      return likeRegex(String(expected), "i").test(String(actual));
    default:
      throw invalid(`Invalid comparator '${c.comparator}' for ${c.entity.key}`);
  }
}

export function experimentFilter(filter: string | undefined): (e: ExperimentRecord) => boolean {
  const clauses = parseClauses(filter);
  return (e) => clauses.every((c) => test(experimentValue(e, c.entity), c));
}

/** Default: newest update first, then id; every order ends with the id so pages never shift. */
export function experimentComparator(
  terms: readonly string[],
): (a: ExperimentRecord, b: ExperimentRecord) => number {
  const parsed = (terms.length > 0 ? terms : ["last_update_time DESC"]).map(parseOrderBy);
  return (a, b) => {
    for (const { entity, ascending } of parsed) {
      const x = experimentValue(a, entity);
      const y = experimentValue(b, entity);
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return (x < y ? -1 : 1) * (ascending ? 1 : -1);
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}
