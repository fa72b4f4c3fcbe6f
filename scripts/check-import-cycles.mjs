// Imports between folders go one way: a loop (compare → views → compare) means two folders are one feature
// or one of them holds code that belongs lower. Reads every relative and `@/` import of each package and
// app, folds files into their folders, and refuses any group of sibling folders that import each other in a ring.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOTS = [
  ...readdirSync("packages").map((p) => path.join("packages", p)),
  ...readdirSync("apps").map((a) => path.join("apps", a)),
];
const SKIP = new Set(["node_modules", ".next", "generated", "dist"]);
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^"'`;]*?from\s*["']([^"']+)["']/g;

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (SKIP.has(name)) return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    // Tests may reach across folders to exercise the real thing; the rule is about the code they test.
    return /\.(ts|tsx|mts|mjs)$/.test(name) && !/\.(test|e2e)\.tsx?$/.test(name) ? [full] : [];
  });
}

function resolve(from, spec, root) {
  const base = spec.startsWith("@/")
    ? path.join(root, "src", spec.slice(2))
    : path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return path.relative(".", candidate);
  }
  return null;
}

const isWithin = (inner, outer) => inner.startsWith(`${outer}${path.sep}`);

const problems = [];
for (const root of ROOTS) {
  const edges = new Map();
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1];
      if (!spec.startsWith(".") && !spec.startsWith("@/")) continue;
      const target = resolve(file, spec, root);
      if (!target) continue;
      const [a, b] = [path.dirname(file), path.dirname(target)];
      // A folder and its own subfolders form one unit (an index composes them, they share its helpers).
      if (a === b || isWithin(a, b) || isWithin(b, a)) continue;
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a).add(b);
    }
  }
  // Tarjan's strongly connected components over the folder graph: any component of two or more is a loop.
  let index = 0;
  const stack = [];
  const info = new Map();
  const visit = (v) => {
    info.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!info.has(w)) {
        visit(w);
        info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
      } else if (info.get(w).onStack) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
    }
    if (info.get(v).low !== info.get(v).index) return;
    const ring = [];
    let w;
    do {
      w = stack.pop();
      info.get(w).onStack = false;
      ring.push(w);
    } while (w !== v);
    if (ring.length < 2) return;
    const inRing = ring.flatMap((from) =>
      [...(edges.get(from) ?? [])].filter((to) => ring.includes(to)).map((to) => `  ${from} → ${to}`),
    );
    problems.push(`these folders import each other:\n${inRing.sort().join("\n")}`);
  };
  for (const v of edges.keys()) if (!info.has(v)) visit(v);
}

if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("import cycles: no two sibling folders import each other");
