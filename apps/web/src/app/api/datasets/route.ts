/** Dataset uploads: the CSV file as the request body, parsed as it streams in (see handleDatasetUpload). */
import { handleDatasetUpload } from "@actlab/api";
import { parseEnv } from "@actlab/env";
import { serverState } from "@/server/deps";
import { processSingleton } from "@/server/process-singleton";

export const dynamic = "force-dynamic";

// Read at the first request, not at import: `next build` loads this module without the environment.
const uploadLimit = processSingleton("actlab.upload-limit", () => parseEnv(process.env).maxUploadBytes);

async function handler(req: Request) {
  const state = serverState();
  return handleDatasetUpload(req, state.deps, state.requestAuth, uploadLimit());
}

export { handler as POST };
