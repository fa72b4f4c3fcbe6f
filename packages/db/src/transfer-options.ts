/** The SQLite → PostgreSQL transfer's two URLs, checked before either database is opened. */
import fs from "node:fs";
import { z } from "zod";
import { fileFromUrl } from "./client";

const EXAMPLE_FROM = "file:./data/actlab.db";
const EXAMPLE_TO = "postgresql://actlab:secret@localhost:5432/actlab";

export const ZTransferOptions = z.object({
  from: z
    .string({ error: `--from is missing (example: --from ${EXAMPLE_FROM})` })
    .startsWith("file:", {
      error: `--from must be a SQLite file: URL (example: --from ${EXAMPLE_FROM})`,
      abort: true,
    })
    .refine((url) => fs.existsSync(fileFromUrl(url)), {
      error: (issue) => `--from names no file: ${fileFromUrl(String(issue.input))} does not exist`,
    }),
  to: z
    .string({ error: `--to is missing (example: --to ${EXAMPLE_TO})` })
    .regex(/^postgres(ql)?:\/\//, {
      error: `--to must be a postgresql:// URL (example: --to ${EXAMPLE_TO})`,
      abort: true,
    })
    .refine((url) => URL.canParse(url) && new URL(url).pathname.length > 1, {
      error: `--to must name a host and a database (example: --to ${EXAMPLE_TO})`,
    }),
  /** The SQLite Actlab's artifact folder (default: `artifacts/` beside the SQLite file). */
  artifactsDir: z.string().min(1).optional(),
  /** Rows per INSERT: a few thousand keep round trips rare and each statement's arrays small. */
  batchRows: z.number().int().min(1).max(100_000).default(20_000),
});

export type TransferOptions = z.input<typeof ZTransferOptions>;

/** The options, or an error whose message lists every problem, one per line. */
export function parseTransferOptions(input: unknown): z.output<typeof ZTransferOptions> {
  const parsed = ZTransferOptions.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new Error(parsed.error.issues.map((i) => i.message).join("\n"));
}
