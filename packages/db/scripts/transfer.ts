/**
 * `pnpm db:transfer --from file:./data/actlab.db --to postgresql://…`: copies a SQLite database into an
 * empty PostgreSQL one (docs/transfer.md), printing each table's progress and, at the end, both sides'
 * row counts. Exits 1 when anything was refused, failed or did not match (the target then stays empty).
 */
import { parseArgs } from "node:util";
import { type TableCount, type TransferProgress, transferSqliteToPostgres } from "../src/transfer";
import { parseTransferOptions } from "../src/transfer-options";

const PROGRESS_EVERY_MS = 5_000;

function progressPrinter(): (p: TransferProgress) => void {
  const started = new Map<string, number>();
  let lastLine = 0;
  return (p) => {
    const now = performance.now();
    if (!started.has(p.table)) {
      started.set(p.table, now);
      lastLine = now;
      return;
    }
    if (!p.done && now - lastLine < PROGRESS_EVERY_MS) return;
    lastLine = now;
    const seconds = (now - (started.get(p.table) ?? now)) / 1000;
    const rate = seconds >= 0.1 ? ` (${Math.round(p.copied / seconds).toLocaleString("en")} rows/s)` : "";
    const share = p.done ? "done" : `${Math.floor((100 * p.copied) / Math.max(1, p.total))}%`;
    console.log(
      `  ${p.table}: ${p.copied.toLocaleString("en")} rows, ${seconds.toFixed(1)} s${rate} ${share}`,
    );
  };
}

function printCounts(tables: readonly TableCount[]): void {
  const width = Math.max(...tables.map((t) => t.table.length), "table".length);
  console.log(`\n${"table".padEnd(width)}  ${"SQLite".padStart(12)}  ${"PostgreSQL".padStart(12)}`);
  for (const t of tables) {
    const mark = t.source === t.target ? "" : "  MISMATCH";
    console.log(
      `${t.table.padEnd(width)}  ${String(t.source).padStart(12)}  ${String(t.target).padStart(12)}${mark}`,
    );
  }
}

const { values } = parseArgs({
  options: { from: { type: "string" }, to: { type: "string" }, artifacts: { type: "string" } },
});
const began = performance.now();
try {
  const report = await transferSqliteToPostgres(
    parseTransferOptions({ from: values.from, to: values.to, artifactsDir: values.artifacts }),
    progressPrinter(),
  );
  if (report.migrated.length > 0) console.log(`applied PostgreSQL migrations: ${report.migrated.join(", ")}`);
  printCounts(report.tables);
  const { files, bytes, missing } = report.artifacts;
  console.log(
    `\nMLflow artifacts from the folder into the database: ${files} files, ${bytes.toLocaleString("en")} bytes`,
  );
  for (const lost of missing) console.log(`  not in the folder (lost before the transfer): ${lost}`);
  const rows = report.tables.reduce((n, t) => n + t.source, 0);
  const seconds = (performance.now() - began) / 1000;
  if (!report.committed) {
    console.error("\nthe row counts differ: nothing was committed, the PostgreSQL database is still empty");
    process.exitCode = 1;
  } else {
    console.log(`\ncopied ${rows.toLocaleString("en")} rows in ${seconds.toFixed(1)} s; every table matches`);
  }
} catch (err) {
  console.error(`transfer refused or failed, nothing was committed: ${(err as Error).message}`);
  process.exitCode = 1;
}
