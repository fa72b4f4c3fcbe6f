// ARCHITECTURE.md is the map a newcomer reads first, so the parts a tool can check are checked: every
// package and app has a row, its "depends on" column names exactly its workspace dependencies, and the
// api row names every router that packages/api/src/root.ts composes.
import { readdirSync, readFileSync } from "node:fs";

const architecture = readFileSync("ARCHITECTURE.md", "utf8");
const rows = new Map();
for (const line of architecture.split("\n")) {
  const cells = line.split("|").map((cell) => cell.trim());
  const folder = /^`((?:packages|apps)\/[\w-]+)`$/.exec(cells[1] ?? "")?.[1];
  if (folder) rows.set(folder, { owns: cells[2], dependsOn: cells[3] });
}

const problems = [];
for (const parent of ["packages", "apps"]) {
  for (const name of readdirSync(parent)) {
    const folder = `${parent}/${name}`;
    const manifest = JSON.parse(readFileSync(`${folder}/package.json`, "utf8"));
    const row = rows.get(folder);
    if (!row) {
      problems.push(`${folder} has no row in ARCHITECTURE.md's package table`);
      continue;
    }
    const declared = Object.keys({ ...manifest.dependencies })
      .filter((dep) => dep.startsWith("@actlab/"))
      .map((dep) => dep.slice("@actlab/".length))
      .sort();
    const listed = (row.dependsOn.match(/[\w-]+/g) ?? []).filter((word) =>
      readdirSync("packages").includes(word),
    );
    const missing = declared.filter((dep) => !listed.includes(dep));
    const extra = listed.filter((dep) => !declared.includes(dep));
    if (missing.length) problems.push(`${folder} depends on ${missing.join(", ")}, not listed in its row`);
    if (extra.length) problems.push(`${folder}'s row lists ${extra.join(", ")}, which it does not depend on`);
  }
}
for (const folder of rows.keys()) {
  if (!readdirSync(folder.split("/")[0]).includes(folder.split("/")[1])) {
    problems.push(`ARCHITECTURE.md has a row for ${folder}, which does not exist`);
  }
}

const routerKeys = [
  ...readFileSync("packages/api/src/root.ts", "utf8").matchAll(/^\s+(\w+): \w+Router,$/gm),
].map((match) => match[1]);
const apiRow = rows.get("packages/api")?.owns ?? "";
const unlisted = routerKeys.filter((key) => !apiRow.includes(`\`${key}\``));
if (unlisted.length) problems.push(`the packages/api row does not name the routers ${unlisted.join(", ")}`);

for (const problem of problems) console.error(`ARCHITECTURE.md: ${problem}`);
if (problems.length > 0) process.exit(1);
console.log(`architecture: ${rows.size} packages and ${routerKeys.length} routers match ARCHITECTURE.md`);
