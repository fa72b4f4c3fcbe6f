/** MLflow's experiment endpoints over Actlab projects. */
import {
  createExperiment,
  type ExperimentRecord,
  findExperimentByName,
  getExperiment,
  listExperiments,
  renameExperiment,
  setExperimentDeleted,
  setExperimentTag,
} from "@actlab/db";
import { experimentAccess, workspaceAccess } from "../access";
import type { Handler } from "../context";
import { parse } from "../context";
import { invalid, MlflowError, notFound } from "../errors";
import { decodePageToken, encodePageToken } from "../page-token";
import { renderExperiment } from "../render";
import {
  ZCreateExperiment,
  ZExperimentById,
  ZExperimentByName,
  ZListExperiments,
  ZSearchExperiments,
  ZSetExperimentTag,
  ZUpdateExperiment,
} from "../schemas/experiments";
import { experimentComparator, experimentFilter } from "../search/experiment-search";

const inView = (view: "ACTIVE_ONLY" | "DELETED_ONLY" | "ALL") => (e: ExperimentRecord) =>
  view === "ALL" || (view === "ACTIVE_ONLY" ? e.deletedAt === null : e.deletedAt !== null);

export const createExperimentHandler: Handler = async ({ deps, caller, input }) => {
  const req = parse(ZCreateExperiment, input);
  const m = await workspaceAccess(deps.db, caller, "EDITOR");
  const created = await createExperiment(deps.db, m.workspaceId, req.name, req.tags);
  if (!created) throw new MlflowError("RESOURCE_ALREADY_EXISTS", `Experiment '${req.name}' already exists.`);
  return { experiment_id: created.id };
};

export const getExperimentHandler: Handler = async ({ deps, caller, input }) => {
  const { experiment_id } = parse(ZExperimentById, input);
  const { membership, projectId } = await experimentAccess(deps.db, caller, experiment_id, "VIEWER");
  const e = await getExperiment(deps.db, projectId);
  if (!e) throw notFound(`No Experiment with id=${experiment_id} exists`);
  return { experiment: renderExperiment(e, membership.defaultProjectId) };
};

export const getExperimentByNameHandler: Handler = async ({ deps, caller, input }) => {
  const { experiment_name } = parse(ZExperimentByName, input);
  const m = await workspaceAccess(deps.db, caller, "VIEWER");
  const e = await findExperimentByName(deps.db, m.workspaceId, experiment_name);
  if (!e) throw notFound(`Could not find experiment with name '${experiment_name}'`);
  return { experiment: renderExperiment(e, m.defaultProjectId) };
};

export const searchExperimentsHandler: Handler = async ({ deps, caller, input }) => {
  const req = parse(ZSearchExperiments, input);
  const keep = experimentFilter(req.filter);
  const order = experimentComparator(req.order_by);
  const offset = decodePageToken(req.page_token);
  const m = await workspaceAccess(deps.db, caller, "VIEWER");
  const all = (await listExperiments(deps.db, m.workspaceId))
    .filter(inView(req.view_type))
    .filter(keep)
    .sort(order);
  const page = all.slice(offset, offset + req.max_results);
  const next = offset + req.max_results < all.length ? encodePageToken(offset + req.max_results) : undefined;
  return {
    experiments: page.map((e) => renderExperiment(e, m.defaultProjectId)),
    ...(next ? { next_page_token: next } : {}),
  };
};

/** The pre-2.0 listing older clients call: every experiment of the view, oldest first. */
export const listExperimentsHandler: Handler = async ({ deps, caller, input }) => {
  const req = parse(ZListExperiments, input);
  const m = await workspaceAccess(deps.db, caller, "VIEWER");
  const all = (await listExperiments(deps.db, m.workspaceId)).filter(inView(req.view_type));
  const offset = decodePageToken(req.page_token);
  const size = req.max_results ?? all.length;
  const page = all.slice(offset, offset + size);
  const next = offset + size < all.length ? encodePageToken(offset + size) : undefined;
  return {
    experiments: page.map((e) => renderExperiment(e, m.defaultProjectId)),
    ...(next ? { next_page_token: next } : {}),
  };
};

export const updateExperimentHandler: Handler = async ({ deps, caller, input }) => {
  const req = parse(ZUpdateExperiment, input);
  const { projectId } = await experimentAccess(deps.db, caller, req.experiment_id, "EDITOR");
  if (!(await renameExperiment(deps.db, projectId, req.new_name)))
    throw new MlflowError("RESOURCE_ALREADY_EXISTS", `Experiment '${req.new_name}' already exists.`);
  return {};
};

function lifecycle(deleted: boolean): Handler {
  return async ({ deps, caller, input }) => {
    const { experiment_id } = parse(ZExperimentById, input);
    const { projectId, membership } = await experimentAccess(deps.db, caller, experiment_id, "EDITOR");
    // The default project holds the UI's runs: deleting it would hide the whole workspace.
    if (deleted && projectId === membership.defaultProjectId)
      throw invalid("Cannot delete the default experiment '0'. This is a reserved experiment.");
    await setExperimentDeleted(deps.db, projectId, deleted);
    return {};
  };
}
export const deleteExperimentHandler = lifecycle(true);
export const restoreExperimentHandler = lifecycle(false);

export const setExperimentTagHandler: Handler = async ({ deps, caller, input }) => {
  const req = parse(ZSetExperimentTag, input);
  const { projectId } = await experimentAccess(deps.db, caller, req.experiment_id, "EDITOR");
  await setExperimentTag(deps.db, projectId, req.key, req.value);
  return {};
};
