// Install hook: builds the native GEMM addon with node-gyp, but never fails the install: without a
// compiler or headers the package still loads and reports `nativeGemmBackend = null`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env };
// pnpm 12 ignores .npmrc's nodedir; offline, node-gyp would try to download headers and fail. Point it
// at the running Node's own headers when they are installed (Debian: /usr/include/node).
if (!env.npm_config_nodedir) {
  const prefix = resolve(dirname(process.execPath), "..");
  if (existsSync(join(prefix, "include", "node", "node_api.h"))) env.npm_config_nodedir = prefix;
}
const result = spawnSync("node-gyp", ["rebuild"], {
  cwd: packageDir,
  env,
  stdio: ["ignore", "pipe", "pipe"],
  shell: true,
});
if (result.status === 0) {
  console.log("@actlab/native-kernels: native GEMM addon built");
} else {
  // One line: the first compiler error or node-gyp's own reason, not the whole log.
  const lines = `${result.stdout ?? ""}${result.stderr ?? ""}`.split("\n");
  const reason =
    lines.find((l) => /\berror\b/i.test(l) && !l.startsWith("gyp ERR! ")) ??
    lines.find((l) => l.startsWith("gyp ERR! stack Error")) ??
    (result.status === 127 ? "node-gyp not found on PATH" : `node-gyp exited with ${result.status}`);
  console.log(
    `@actlab/native-kernels: native build failed, nativeGemmBackend will be null (${reason.trim().slice(0, 240)})`,
  );
}
