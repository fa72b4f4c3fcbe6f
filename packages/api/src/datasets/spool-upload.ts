/**
 * An upload's body written to a private temporary file as it arrives, stopping at the byte limit: the
 * client is done as fast as the network allows, and the parser then reads the file at its own pace.
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { streamWithin } from "../network";

export type Spooled = { path: string; bytes: number; remove(): Promise<void> };

/** The spooled file, or null when the body passed `maxBytes` (nothing is left on disk then). */
export async function spoolUpload(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  parentDir: string = tmpdir(),
): Promise<Spooled | null> {
  const dir = await mkdtemp(join(parentDir, "actlab-upload-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, "body");
  const file = createWriteStream(path, { mode: 0o600 });
  try {
    const bytes = await streamWithin(body, maxBytes, async (chunk) => {
      if (!file.write(chunk)) await once(file, "drain");
    });
    file.end();
    await once(file, "close");
    if (bytes === null) {
      await remove();
      return null;
    }
    return { path, bytes, remove };
  } catch (error) {
    file.destroy();
    await remove();
    throw error;
  }
}
