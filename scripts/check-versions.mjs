// One version per library: a dependency declared by two or more packages takes its version from the pnpm
// catalog (pnpm-workspace.yaml), so upgrading it is one edit and two packages can never drift apart.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const manifests = execFileSync("git", ["ls-files", "package.json", "*/package.json"], { encoding: "utf8" })
  .trim()
  .split("\n");
const declared = new Map();
for (const file of manifests) {
  const manifest = JSON.parse(readFileSync(file, "utf8"));
  for (const field of ["dependencies", "devDependencies", "peerDependencies"]) {
    for (const [name, version] of Object.entries(manifest[field] ?? {})) {
      if (!declared.has(name)) declared.set(name, []);
      declared.get(name).push({ file, version });
    }
  }
}
const pinnedTwice = [...declared].filter(
  ([, uses]) =>
    uses.length > 1 && uses.some((u) => u.version !== "catalog:" && !u.version.startsWith("workspace:")),
);
for (const [name, uses] of pinnedTwice) {
  console.error(
    `${name} is pinned in ${uses.map((u) => `${u.file} (${u.version})`).join(", ")}: use "catalog:"`,
  );
}
if (pinnedTwice.length > 0) process.exit(1);
console.log(`versions: ${declared.size} dependencies, each shared one from the catalog`);
