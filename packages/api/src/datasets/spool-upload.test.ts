import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { spoolUpload } from "./spool-upload";

const streamOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      controller.close();
    },
  });

describe("spoolUpload", () => {
  const parent = mkdtempSync(join(tmpdir(), "actlab-spool-unit-"));
  afterEach(() => {
    for (const entry of readdirSync(parent)) rmSync(join(parent, entry), { recursive: true, force: true });
  });

  it("writes the body as it arrives to a file only its owner can read, and removes it on request", async () => {
    const spooled = await spoolUpload(streamOf("a,b\n", "1,2\n", "3,4\n"), 100, parent);
    expect(spooled?.bytes).toBe(12);
    expect(readFileSync(spooled?.path as string, "utf8")).toBe("a,b\n1,2\n3,4\n");
    expect(statSync(spooled?.path as string).mode & 0o777).toBe(0o600);
    await spooled?.remove();
    expect(readdirSync(parent)).toEqual([]);
  });

  it("stops at the limit and leaves nothing on disk", async () => {
    expect(await spoolUpload(streamOf("x".repeat(60), "y".repeat(60)), 100, parent)).toBeNull();
    expect(readdirSync(parent)).toEqual([]);
  });
});
