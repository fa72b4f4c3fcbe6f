/**
 * MLflow's proxied-artifact routes under /api/2.0/mlflow-artifacts/artifacts, what `mlflow.log_artifact`,
 * `log_model` and `download_artifacts` call for a run whose artifact_uri is
 * `mlflow-artifacts:/<experiment>/<run>/artifacts`:
 *   PUT    …/artifacts/<experiment>/<run>/artifacts/<path>   upload (the raw body, streamed to the store)
 *   GET    …/artifacts/<experiment>/<run>/artifacts/<path>   download
 *   DELETE …/artifacts/<experiment>/<run>/artifacts/<path>   delete
 *   GET    …/artifacts?path=<experiment>/<run>/artifacts[/<folder>]   list one folder
 * Same accounts and roles as the tracking API: viewers read, editors upload and delete.
 */
import { isCrossOriginWrite } from "@actlab/api";
import { findRunArtifact, forgetRunArtifact, listRunArtifacts, recordRunArtifact } from "@actlab/db";
import { type Caller, callerOf, runAccess } from "../access";
import { mlflowEntryPoint } from "../answer-call";
import type { TrackingDeps } from "../context";
import { invalid, MlflowError, notFound } from "../errors";
import { safeArtifactPath } from "./artifact-path";
import { ArtifactTooLargeError } from "./artifact-store";
import { folderListing } from "./folder-listing";

export const ARTIFACTS_PREFIX = "/api/2.0/mlflow-artifacts/artifacts";

/** `<experiment>/<run>/artifacts[/<path>]` → the run and the path inside its artifact root. */
function locate(raw: string, { allowRoot }: { allowRoot: boolean }): { runId: string; path: string } {
  const [experiment, runId, artifacts, ...rest] = raw.split("/");
  if (!experiment || !runId || artifacts !== "artifacts")
    throw invalid(
      `Artifact paths look like <experiment_id>/<run_id>/artifacts/<path>, not '${raw.slice(0, 200)}'`,
    );
  return { runId, path: safeArtifactPath(rest.join("/"), { allowEmpty: allowRoot }) };
}

const tooLarge = (maxBytes: number) =>
  new MlflowError("PAYLOAD_TOO_LARGE", `Artifact is larger than the ${maxBytes}-byte limit`);

function decodePath(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw invalid("Artifact path is not valid percent-encoding");
  }
}

async function upload(req: Request, deps: TrackingDeps, caller: Caller, raw: string): Promise<Response> {
  const { runId, path } = locate(raw, { allowRoot: false });
  await runAccess(deps.db, caller, runId, "EDITOR");
  const declared = req.headers.get("content-length");
  // Refused unread: the server discards the body after the 413, so the client reads the reason.
  if (declared !== null && Number(declared) > deps.maxArtifactBytes) throw tooLarge(deps.maxArtifactBytes);
  const size = await deps.artifacts
    .write(runId, path, req.body ?? new Blob([]).stream(), deps.maxArtifactBytes)
    .catch((err: unknown) => {
      throw err instanceof ArtifactTooLargeError ? tooLarge(err.maxBytes) : err;
    });
  await recordRunArtifact(deps.db, runId, path, size);
  return Response.json({});
}

async function download(deps: TrackingDeps, caller: Caller, raw: string): Promise<Response> {
  const { runId, path } = locate(raw, { allowRoot: false });
  await runAccess(deps.db, caller, runId, "VIEWER");
  const entry = await findRunArtifact(deps.db, runId, path);
  const body = entry ? await deps.artifacts.read(runId, path) : null;
  if (!entry || !body) throw notFound(`No artifact '${path}' in run ${runId}`);
  const name = path.slice(path.lastIndexOf("/") + 1);
  return new Response(body, {
    headers: {
      // Never rendered by the browser on this origin, whatever the file holds (an uploaded .html is data).
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      "content-length": String(entry.size),
      "x-content-type-options": "nosniff",
    },
  });
}

async function remove(deps: TrackingDeps, caller: Caller, raw: string): Promise<Response> {
  const { runId, path } = locate(raw, { allowRoot: false });
  await runAccess(deps.db, caller, runId, "EDITOR");
  if (!(await forgetRunArtifact(deps.db, runId, path)))
    throw notFound(`No artifact '${path}' in run ${runId}`);
  await deps.artifacts.remove(runId, path);
  return Response.json({});
}

async function list(deps: TrackingDeps, caller: Caller, url: URL): Promise<Response> {
  const raw = url.searchParams.get("path") ?? "";
  if (raw === "") return Response.json({});
  const { runId, path } = locate(raw.replace(/\/+$/, ""), { allowRoot: true });
  await runAccess(deps.db, caller, runId, "VIEWER");
  const files = folderListing(await listRunArtifacts(deps.db, runId, path), path, "basename");
  return Response.json(files.length > 0 ? { files } : {});
}

export const handleArtifactRequest = mlflowEntryPoint(async ({ req, url, deps, requestAuth }) => {
  const at = url.pathname.indexOf(ARTIFACTS_PREFIX);
  if (at < 0) throw new MlflowError("ENDPOINT_NOT_FOUND", `No endpoint ${url.pathname.slice(0, 100)}`);
  const rest = decodePath(url.pathname.slice(at + ARTIFACTS_PREFIX.length).replace(/^\/+/, ""));
  const method = req.method.toUpperCase();
  if (method !== "GET" && isCrossOriginWrite(req))
    throw new MlflowError("PERMISSION_DENIED", "cross-origin request refused");
  const caller = await callerOf(req, requestAuth);
  if (method === "GET")
    return rest === "" ? await list(deps, caller, url) : await download(deps, caller, rest);
  if (method === "PUT") return await upload(req, deps, caller, rest);
  if (method === "DELETE") return await remove(deps, caller, rest);
  throw new MlflowError("BAD_REQUEST", `mlflow-artifacts takes GET, PUT or DELETE, not ${method}`);
});
