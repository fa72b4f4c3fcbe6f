/**
 * The authorisation matrix: every procedure of the app router × caller role × own / foreign workspace.
 * A procedure not built from one of the builders (no `meta.access`), or missing from EXPECTED below,
 * fails the suite: adding a procedure means deciding, here, who may call it.
 */
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../root";
import { testApiForSuite } from "../test-api";
import { type Access, AccessDenied, ROLES, type Role } from "../trpc";

/** Who may call what. "project:EDITOR" = a member of the project's workspace with at least EDITOR. */
const EXPECTED: Record<string, string> = {
  "meta.options": "public",
  "meta.activationUsage": "project:VIEWER",
  "runs.create": "project:EDITOR",
  "runs.list": "project:VIEWER",
  "runs.get": "project:VIEWER",
  "runs.live": "project:VIEWER",
  "runs.cancel": "project:EDITOR",
  "runs.compare": "project:VIEWER",
  "runs.retry": "project:EDITOR",
  "runs.table": "project:VIEWER",
  "runs.columns": "project:VIEWER",
  "runs.checkpoints": "project:VIEWER",
  "runs.weights": "project:VIEWER",
  "runs.misclassified": "project:VIEWER",
  "runs.tracked": "project:VIEWER",
  "runs.verdict": "project:VIEWER",
  "sweeps.create": "project:EDITOR",
  "sweeps.get": "project:VIEWER",
  "sweeps.list": "project:VIEWER",
  "sweeps.live": "project:VIEWER",
  "sweeps.cancel": "project:EDITOR",
  "sweeps.verdict": "project:VIEWER",
  "sweeps.addSeeds": "project:EDITOR",
  "lab.claims": "project:VIEWER",
  "lab.launch": "project:EDITOR",
  "datasets.list": "project:VIEWER",
  "datasets.overview": "project:VIEWER",
  "datasets.preview": "project:VIEWER",
  "queue.overview": "project:VIEWER",
  "queue.retryJob": "project:EDITOR",
  "queue.removeJob": "project:EDITOR",
  "workspaces.me": "authed",
  "workspaces.create": "authed",
  "workspaces.members": "workspace:VIEWER",
  "workspaces.setRole": "workspace:OWNER",
  "workspaces.removeMember": "workspace:OWNER",
  "workspaces.createInvite": "workspace:OWNER",
  "workspaces.invites": "workspace:OWNER",
  "workspaces.revokeInvite": "workspace:OWNER",
  "workspaces.describeInvite": "authed",
  "workspaces.acceptInvite": "authed",
  "tokens.list": "authed",
  "tokens.create": "authed",
  "tokens.revoke": "authed",
  "comments.list": "project:VIEWER",
  "comments.add": "project:VIEWER",
  "comments.edit": "project:VIEWER",
  "comments.remove": "project:VIEWER",
  "notes.get": "project:VIEWER",
  "notes.set": "project:EDITOR",
  "tags.list": "project:VIEWER",
  "tags.forRun": "project:VIEWER",
  "tags.add": "project:EDITOR",
  "tags.remove": "project:EDITOR",
  "stars.get": "project:VIEWER",
  "stars.set": "project:VIEWER",
  "activity.list": "project:VIEWER",
  "views.list": "project:VIEWER",
  "views.get": "project:VIEWER",
  "views.create": "project:EDITOR",
  "views.update": "project:EDITOR",
  "views.remove": "project:EDITOR",
  "views.share": "project:EDITOR",
  "views.revokeShare": "project:EDITOR",
  // Anyone with a working share link, signed in or not; "foreign" below = a revoked link.
  "share.view": "share-token",
  "share.compare": "share-token",
};

type AnyProcedure = { _def: { type: string; meta?: { access?: Access } } };
const procedures = (appRouter._def as unknown as { procedures: Record<string, AnyProcedure> }).procedures;

function describeAccess(access: Access | undefined): string {
  if (!access) return "(no builder)";
  return access.kind === "project" || access.kind === "workspace"
    ? `${access.kind}:${access.minRole}`
    : access.kind;
}

/** "anonymous" = no user; "none" = signed in but a member of nothing the call targets. */
type Caller = "anonymous" | "none" | Role;
type Target = "own" | "foreign";
const CALLERS: Caller[] = ["anonymous", "none", ...ROLES];
const rank = (r: string) => ROLES.indexOf(r as Role);

function expectedOutcome(
  access: string,
  caller: Caller,
  target: Target,
): "allow" | "UNAUTHORIZED" | "NOT_FOUND" | "FORBIDDEN" {
  if (access === "public") return "allow";
  if (access === "share-token") return target === "own" ? "allow" : "NOT_FOUND";
  if (caller === "anonymous") return "UNAUTHORIZED";
  if (access === "authed") return "allow";
  const minRole = access.split(":")[1] as Role;
  if (caller === "none" || target === "foreign") return "NOT_FOUND";
  return rank(caller) >= rank(minRole) ? "allow" : "FORBIDDEN";
}

const api = testApiForSuite();
const users = {} as Record<Caller, string | null>;
let foreign: { workspaceId: string; projectId: string };
/** Share links of a view in the own workspace: one working, one revoked. */
const shareTokens = { own: "", foreign: "" };

beforeAll(async () => {
  users.anonymous = null;
  users.OWNER = api.userId;
  users.none = await api.addUser("Nobody");
  for (const role of ["VIEWER", "EDITOR"] as const) {
    users[role] = await api.addUser(`A ${role}`);
    await api.addMember(users[role] as string, role);
  }
  // Someone else's workspace: nobody above is a member.
  foreign = await api.addWorkspace(await api.addUser("Stranger"), "Stranger's workspace");
  const owner = api.caller(api.userId);
  const run = await owner.runs.create({
    config: { dataset: { kind: "generated", name: "moons" }, hiddenLayers: [4], activation: "relu" },
  });
  const view = await owner.views.create({ title: "matrix", state: `runs=${run.id}&key=val%2Facc` });
  shareTokens.foreign = (await owner.views.share({ viewId: view.id })).token;
  shareTokens.own = (await owner.views.share({ viewId: view.id })).token; // revokes the first
}, 60_000);

describe("authorisation matrix", () => {
  it("covers every procedure, each built from a builder with the expected access", () => {
    const actual = Object.fromEntries(
      Object.entries(procedures).map(([path, p]) => [path, describeAccess(p._def.meta?.access)]),
    );
    // Same keys both ways: a new procedure needs an entry; a removed one must leave the list.
    expect(Object.keys(actual).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(actual).toEqual(EXPECTED);
  });

  const cases = Object.keys(EXPECTED).flatMap((path) =>
    CALLERS.flatMap((caller) => (["own", "foreign"] as Target[]).map((target) => ({ path, caller, target }))),
  );

  it.each(cases)("$path as $caller on a $target workspace", async ({ path, caller, target }) => {
    const access = EXPECTED[path] as string;
    const scope = target === "own" ? { workspaceId: api.workspaceId, projectId: api.projectId } : foreign;
    // Only the scope the builder reads: the handler's own input is then invalid or empty, which is fine,
    // because the builder decides before the handler's input is even parsed.
    const input = access.startsWith("project")
      ? { projectId: scope.projectId }
      : access.startsWith("workspace")
        ? { workspaceId: scope.workspaceId }
        : access === "share-token"
          ? { token: shareTokens[target] }
          : {};
    const caller_ = api.caller(users[caller]) as unknown as Record<
      string,
      Record<string, (i: unknown) => Promise<unknown>>
    >;
    const [ns, name] = path.split(".") as [string, string];
    let outcome: string = "allow";
    try {
      const result = await caller_[ns]?.[name]?.(input);
      const iterator = (result as AsyncIterable<unknown> | undefined)?.[Symbol.asyncIterator]?.();
      await iterator?.return?.();
    } catch (err) {
      if (err instanceof TRPCError && err.cause instanceof AccessDenied) outcome = err.code;
    }
    expect(outcome).toBe(expectedOutcome(access, caller, target));
  });
});
