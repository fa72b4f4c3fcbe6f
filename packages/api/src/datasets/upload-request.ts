/**
 * POST /api/datasets?name=…&label=…: a CSV (optionally gzipped) as the raw request body, from the upload
 * form or from a script with an API token. A plain HTTP route, not tRPC, because the body is a file of up
 * to hundreds of megabytes, written to a temporary file as it arrives and parsed from there as a stream;
 * tRPC reads a body whole into memory. The same Host, cross-origin and project rules as every procedure
 * apply (`projectAccess`).
 */
import { createReadStream } from "node:fs";
import {
  CsvDatasetError,
  CsvTooLargeError,
  type CsvUpload,
  parseCsvUpload,
  toStoredDataset,
} from "@actlab/datasets";
import { type Db, storeDatasetVersion } from "@actlab/db";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { z } from "zod";
import { foreignRequestRefusal } from "../auth/http";
import { PROJECT_COOKIE, type RequestAuth, readCookie, WORKSPACE_COOKIE } from "../auth/request-user";
import { tooLargeRefusal } from "../network";
import { projectAccess } from "../trpc";
import { spoolUpload } from "./spool-upload";
import { datasetSummary } from "./summary";

export const DATASETS_UPLOAD_PATH = "/api/datasets";

export const ZUploadQuery = z.object({
  name: z
    .string({ error: "name the dataset: ?name=…" })
    .trim()
    .min(1, "name the dataset: ?name=…")
    .max(100, "a dataset name has at most 100 characters")
    .regex(/^[\p{L}\p{N} ._()+-]+$/u, "a dataset name holds letters, digits, spaces and . _ - ( ) +"),
  /** The label column's header name; the last column when absent. */
  label: z.string().trim().min(1).max(200).optional(),
  project: z.string().max(64).optional(),
  /** The file's own name, for the datasets page. */
  file: z.string().trim().max(255).optional(),
});

const refusal = (status: number, message: string, extra: Record<string, unknown> = {}) =>
  // The rest of a refused file is never read: the connection closes rather than carry it into the next request.
  Response.json({ error: { message, ...extra } }, { status, headers: { connection: "close" } });

export async function handleDatasetUpload(
  req: Request,
  /** `spoolDir`: where the body is written while it arrives (the system's temporary folder by default). */
  deps: { db: Db; spoolDir?: string },
  requestAuth: RequestAuth,
  maxUploadBytes: number,
): Promise<Response> {
  const foreign = foreignRequestRefusal(req, requestAuth.network);
  if (foreign) return foreign;
  if (req.method !== "POST") return refusal(405, "upload a dataset with POST");
  const query = ZUploadQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) return refusal(400, query.error.issues.map((i) => i.message).join("; "));
  const declared = req.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= maxUploadBytes)) return tooLargeRefusal(maxUploadBytes);

  const user = await requestAuth.userFor(req);
  if (!user.userId) return refusal(401, "sign in first, or send an API token: Authorization: Bearer <token>");
  let access: Awaited<ReturnType<typeof projectAccess>>;
  try {
    access = await projectAccess(
      {
        ...deps,
        userId: user.userId,
        currentWorkspaceId: readCookie(req, WORKSPACE_COOKIE),
        currentProjectId: readCookie(req, PROJECT_COOKIE),
      } as Parameters<typeof projectAccess>[0],
      "EDITOR",
      query.data.project,
    );
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return refusal(getHTTPStatusCodeFromError(error), error.message);
  }

  if (!req.body) return refusal(400, "the request has no file: send the CSV as the body");
  const spooled = await spoolUpload(req.body, maxUploadBytes, deps.spoolDir);
  if (!spooled) return tooLargeRefusal(maxUploadBytes);
  const { name, label } = query.data;
  let upload: CsvUpload;
  try {
    upload = await parseCsvUpload(createReadStream(spooled.path), {
      name,
      labelColumn: label,
      maxBytes: maxUploadBytes,
    });
  } catch (error) {
    if (!(error instanceof CsvDatasetError)) throw error;
    const status = error instanceof CsvTooLargeError ? 413 : 400;
    return refusal(status, error.message, { line: error.line, column: error.column });
  } finally {
    await spooled.remove();
  }
  const { dataset } = upload;
  const stored = await toStoredDataset(dataset);
  const { dataset: version, created } = await storeDatasetVersion(deps.db, {
    projectId: access.projectId,
    name,
    hash: stored.hash,
    blob: stored.compressed,
    blobSize: stored.size,
    rows: dataset.rows,
    features: dataset.numFeatures,
    classes: dataset.numClasses,
    labelColumn: upload.labelColumn,
    featureNames: dataset.featureNames,
    classNames: dataset.classNames,
    classCounts: stored.classCounts,
    fileName: query.data.file ?? name,
    fileBytes: upload.bytesSent,
    createdById: user.userId,
  });
  return Response.json({ dataset: datasetSummary(version), created }, { status: created ? 201 : 200 });
}
