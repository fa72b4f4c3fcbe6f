/** Dataset uploads: the CSV file as the request body, parsed as it streams in (see handleDatasetUpload). */
import { handleDatasetUpload } from "@actlab/api";
import { parseEnv } from "@actlab/env";
import { serverState } from "@/server/deps";

export const dynamic = "force-dynamic";

const maxUploadBytes = parseEnv(process.env).maxUploadBytes;

async function handler(req: Request) {
  const state = serverState();
  return handleDatasetUpload(req, state.deps, state.requestAuth, maxUploadBytes);
}

export { handler as POST };
