/**
 * What every MLflow entry point does around its handler: refuse a foreign Host, and turn any failure
 * into MLflow's error body (an unexpected one logged, answered as INTERNAL_ERROR without details).
 */
import type { RequestAuth } from "@actlab/api";
import { isAllowedHost, wrongHostRefusal } from "@actlab/api/network";
import { MlflowError } from "./errors";

/** DNS rebinding: a page on another name must not reach these APIs through the user's browser. */
function foreignHostRefusal(req: Request, requestAuth: RequestAuth): Response | null {
  const host = req.headers.get("host") ?? new URL(req.url).host;
  return isAllowedHost(host, requestAuth.network.publicUrl)
    ? null
    : wrongHostRefusal(requestAuth.network.publicUrl);
}

export async function answerMlflowCall(
  req: Request,
  requestAuth: RequestAuth,
  handle: () => Promise<Response>,
): Promise<Response> {
  const refused = foreignHostRefusal(req, requestAuth);
  if (refused) return refused;
  try {
    return await handle();
  } catch (err) {
    if (err instanceof MlflowError) return err.toResponse();
    console.error(`mlflow ${req.method} ${new URL(req.url).pathname}: ${(err as Error).stack ?? err}`);
    return new MlflowError("INTERNAL_ERROR", "Internal error").toResponse();
  }
}
