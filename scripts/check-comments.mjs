// A comment says why; "(issue 6)" says only who asked, and means nothing to the next reader. Refuses a
// reference to an issue number in any tracked source file (migrations are history and stay as written).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const sources = execFileSync(
  "git",
  ["ls-files", "*.ts", "*.tsx", "*.mjs", "*.js", "*.sh", "*.prisma", "*.css", "*.cc", "*.h", "*.py"],
  {
    encoding: "utf8",
  },
)
  .trim()
  .split("\n")
  .filter((file) => file && !file.startsWith("prisma/migrations/") && file !== "scripts/check-comments.mjs");
const issueReference = /\b(?:issue|issues) #?\d+\b|\(#\d+\)/i;
const found = [];
for (const file of sources) {
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, index) => {
      if (issueReference.test(line)) found.push(`${file}:${index + 1}: ${line.trim()}`);
    });
}
for (const line of found) console.error(`cites an issue number instead of a reason: ${line}`);
if (found.length > 0) process.exit(1);
console.log(`comments: ${sources.length} source files, none citing an issue number`);
