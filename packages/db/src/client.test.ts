import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDb, rawSql } from "./client";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const mode = (f: string) => fs.statSync(f).mode & 0o777;

describe("the database file on disk", () => {
  it("is created private (folder 0700, file and WAL 0600) even under a permissive umask", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "actlab-perm-"));
    dirs.push(root);
    const file = path.join(root, "data", "actlab.db");
    const previous = process.umask(0o022);
    try {
      const db = openDb(`file:${file}`);
      await db[rawSql].run("CREATE TABLE t (x INTEGER)");
      await db[rawSql].run("INSERT INTO t VALUES (1)");
      expect(mode(path.dirname(file))).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
      await db.close();
    } finally {
      process.umask(previous);
    }
  });

  it("tightens a world-readable file left by an earlier version", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "actlab-perm-"));
    dirs.push(root);
    const file = path.join(root, "actlab.db");
    fs.writeFileSync(file, "");
    fs.chmodSync(file, 0o644);
    const db = openDb(`file:${file}`);
    expect(mode(file)).toBe(0o600);
    await db.close();
  });
});
