/** Rows an `IN (…)` query found, back in the order of the ids asked for; an id with no row is skipped. */
export function inIdOrder<R extends { id: string }, T>(
  ids: readonly string[],
  rows: readonly R[],
  toItem: (row: R) => T,
): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toItem(row)] : [];
  });
}
