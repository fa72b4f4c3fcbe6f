/** MLflow's tracking REST API: any MLflow client pointed at Actlab (MLFLOW_TRACKING_URI) logs here. */
import { handleTrackingRequest } from "@actlab/tracking";
import { serverState } from "@/server/deps";
import { trackingDeps } from "@/server/tracking-deps";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  return handleTrackingRequest(req, trackingDeps(), serverState().requestAuth);
}

export { handler as GET, handler as POST };
