/** Dataset uploads: the CSV file as the request body, spooled under the data folder and parsed (see handleDatasetUpload). */

import { mkdir } from "node:fs/promises";
import path from "node:path";
import { handleDatasetUpload } from "@actlab/api";
import { parseEnv } from "@actlab/env";
import { serverState } from "@/server/deps";
import { processSingleton } from "@/server/process-singleton";

export const dynamic = "force-dynamic";

// Read at the first request, not at import: `next build` loads this module without the environment.
const uploads = processSingleton("actlab.uploads", () => {
  const env = parseEnv(process.env);
  // The data folder, not /tmp: that can be memory, and the data folder is private to Actlab.
  return { maxBytes: env.maxUploadBytes, spoolDir: path.join(env.dataDir, "uploads") };
});

async function handler(req: Request) {
  const state = serverState();
  const { maxBytes, spoolDir } = uploads();
  await mkdir(spoolDir, { recursive: true, mode: 0o700 });
  return handleDatasetUpload(req, { ...state.deps, spoolDir }, state.requestAuth, maxBytes);
}

export { handler as POST };
