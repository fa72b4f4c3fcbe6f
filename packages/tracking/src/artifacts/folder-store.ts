/** The artifact store on disk: `<root>/<runId>/<path>`, written to a temporary file and renamed into place. */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { streamWithin } from "@actlab/api/network";
import { type ArtifactStore, ArtifactTooLargeError } from "./artifact-store";

const RUN_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function createFolderArtifactStore(root: string): ArtifactStore {
  const base = path.resolve(root);

  /** The file's absolute path, proven to sit inside the run's folder (paths are checked before, too). */
  function fileOf(runId: string, relative: string): string {
    if (!RUN_ID.test(runId)) throw new Error(`invalid run id for the artifact store: ${runId.slice(0, 80)}`);
    const runDir = path.join(base, runId);
    const file = path.resolve(runDir, relative);
    if (!file.startsWith(runDir + path.sep)) throw new Error("artifact path leaves its run's folder");
    return file;
  }

  return {
    async write(runId, relative, body, maxBytes) {
      const file = fileOf(runId, relative);
      await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const temp = `${file}.upload-${randomBytes(6).toString("hex")}`;
      const out = fs.createWriteStream(temp, { mode: 0o600 });
      try {
        const size = await streamWithin(body, maxBytes, async (chunk) => {
          if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
        });
        if (size === null) throw new ArtifactTooLargeError(maxBytes);
        await new Promise<void>((resolve, reject) =>
          out.end((err?: Error | null) => (err ? reject(err) : resolve())),
        );
        await fs.promises.rename(temp, file);
        return size;
      } catch (err) {
        out.destroy();
        await fs.promises.rm(temp, { force: true });
        throw err;
      }
    },
    async read(runId, relative) {
      const file = fileOf(runId, relative);
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return null;
      return Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
    },
    async remove(runId, relative) {
      await fs.promises.rm(fileOf(runId, relative), { force: true });
    },
  };
}
