/** MLflow's proxied artifacts: `mlflow.log_artifact` uploads here, downloads and lists read from here. */
import { handleArtifactRequest } from "@actlab/tracking";
import { serverState } from "@/server/deps";
import { trackingDeps } from "@/server/tracking-deps";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  return handleArtifactRequest(req, trackingDeps(), serverState().requestAuth);
}

export { handler as DELETE, handler as GET, handler as PUT };
