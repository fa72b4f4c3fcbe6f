/**
 * What every MLflow entry point does around its handler: refuse a foreign Host, and turn any failure
 * into MLflow's error body (an unexpected one logged, answered as INTERNAL_ERROR without details).
 */
import type { RequestAuth } from "@actlab/api";
import { isAllowedHost, wrongHostRefusal } from "@actlab/api/network";
import type { TrackingDeps } from "./context";
import { MlflowError } from "./errors";

/** DNS rebinding: a page on another name must not reach these APIs through the user's browser. */
function foreignHostRefusal(req: Request, requestAuth: RequestAuth): Response | null {
  const host = req.headers.get("host") ?? new URL(req.url).host;
  return isAllowedHost(host, requestAuth.network.publicUrl)
    ? null
    : wrongHostRefusal(requestAuth.network.publicUrl);
}

/** How the app mounts an MLflow API: the request, the tracking deps, and how requests authenticate. */
export type MlflowEntryPoint = (
  req: Request,
  deps: TrackingDeps,
  requestAuth: RequestAuth,
) => Promise<Response>;

export type MlflowCall = { req: Request; url: URL; deps: TrackingDeps; requestAuth: RequestAuth };

/** An entry point that answers with `handle` once the Host is allowed; any failure becomes MLflow's error body. */
export function mlflowEntryPoint(handle: (call: MlflowCall) => Promise<Response>): MlflowEntryPoint {
  return async (req, deps, requestAuth) => {
    const refused = foreignHostRefusal(req, requestAuth);
    if (refused) return refused;
    const url = new URL(req.url);
    try {
      return await handle({ req, url, deps, requestAuth });
    } catch (err) {
      if (err instanceof MlflowError) return err.toResponse();
      console.error(`mlflow ${req.method} ${url.pathname}: ${(err as Error).stack ?? err}`);
      return new MlflowError("INTERNAL_ERROR", "Internal error").toResponse();
    }
  };
}
