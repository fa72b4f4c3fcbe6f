/** The tracking API's artifacts/list (what MLflow's own UI calls): one folder of a run's artifacts. */
import { listRunArtifacts } from "@actlab/db";
import { z } from "zod";
import { runAccess } from "../access";
import { safeArtifactPath } from "../artifacts/artifact-path";
import { folderListing } from "../artifacts/folder-listing";
import { type Handler, parse } from "../context";
import { artifactUri, experimentIdOf } from "../render";
import { withRunId } from "../schemas/runs";

const ZListArtifacts = withRunId({
  path: z.string().max(1000).optional(),
  page_token: z.string().optional(),
});

export const listArtifactsHandler: Handler = async ({ deps, caller, input }) => {
  const req = parse(ZListArtifacts, input);
  const folder = safeArtifactPath(req.path ?? "", { allowEmpty: true });
  const access = await runAccess(deps.db, caller, req.run_id, "VIEWER");
  const files = folderListing(await listRunArtifacts(deps.db, req.run_id, folder), folder, "root-relative");
  return {
    root_uri: artifactUri(experimentIdOf(access.projectId, access.defaultProjectId), req.run_id),
    ...(files.length > 0 ? { files } : {}),
  };
};
