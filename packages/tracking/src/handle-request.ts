/**
 * The one entry point the web app mounts under /api/2.0/mlflow/: method and path to a route, the
 * body (JSON for POST, query parameters for GET) to its handler, any failure to MLflow's error body.
 */
import { isCrossOriginWrite } from "@actlab/api";
import { readBodyWithin } from "@actlab/api/network";
import { callerOf } from "./access";
import { mlflowEntryPoint } from "./answer-call";
import { MlflowError } from "./errors";
import { BATCH_LIMITS } from "./limits";
import { ROUTES } from "./routes";

export const MLFLOW_PREFIX = "/api/2.0/mlflow/";
/** Larger than log-batch's 1 MB, so log-batch can answer with its own reason. */
const MAX_BODY_BYTES = BATCH_LIMITS.bytes * 2;

/** GET parameters as MLflow's server reads them: a repeated key (run_ids=a&run_ids=b) becomes a list. */
function queryInput(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length === 1 ? (all[0] as string) : all;
  }
  return out;
}

/** The body, read at most MAX_BODY_BYTES far: a larger one (declared or streamed) is refused unread. */
async function readJson(req: Request): Promise<{ input: unknown; bytes: number }> {
  const body = await readBodyWithin(req, MAX_BODY_BYTES);
  if (!body)
    throw new MlflowError("PAYLOAD_TOO_LARGE", `Request body too large: at most ${MAX_BODY_BYTES} bytes`);
  const text = new TextDecoder().decode(body).trim();
  if (text === "") return { input: {}, bytes: 0 };
  try {
    return { input: JSON.parse(text), bytes: body.byteLength };
  } catch {
    throw new MlflowError("BAD_REQUEST", "Malformed JSON in the request body");
  }
}

export const handleTrackingRequest = mlflowEntryPoint(async ({ req, url, deps, requestAuth }) => {
  const path = url.pathname
    .slice(url.pathname.indexOf(MLFLOW_PREFIX) + MLFLOW_PREFIX.length)
    .replace(/\/+$/, "");
  const route = ROUTES[path];
  if (!route)
    throw new MlflowError("ENDPOINT_NOT_FOUND", `No endpoint /api/2.0/mlflow/${path.slice(0, 100)}`);
  const method = req.method.toUpperCase() as "GET";
  if (!route.methods.includes(method))
    throw new MlflowError("BAD_REQUEST", `${path} takes ${route.methods.join(" or ")}, not ${method}`);
  if (isCrossOriginWrite(req)) throw new MlflowError("PERMISSION_DENIED", "cross-origin request refused");
  const caller = await callerOf(req, requestAuth);
  const { input, bytes } = method === "GET" ? { input: queryInput(url), bytes: 0 } : await readJson(req);
  const result = await route.handler({ deps, caller, input, bodyBytes: bytes });
  return Response.json(result);
});
