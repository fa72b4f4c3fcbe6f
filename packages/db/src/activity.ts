/** The per-project activity feed: one row per thing someone did to a run or sweep. */
import { type Db, prisma } from "./client";

export const ACTIVITY_VERBS = [
  "launched",
  "canceled",
  "retried",
  "commented",
  "tagged",
  "untagged",
  "starred",
  "saved a view",
  "shared",
  "extended",
] as const;
export type ActivityVerb = (typeof ACTIVITY_VERBS)[number];

export type ActivityInput = {
  projectId: string;
  actorId: string | null;
  verb: ActivityVerb;
  targetKind: "run" | "sweep" | "view";
  targetId: string;
  detail?: string | null;
};

export async function recordActivity(db: Db, input: ActivityInput): Promise<void> {
  await db[prisma].activity.create({ data: { ...input, detail: input.detail ?? null } });
}

export type ActivityView = {
  id: string;
  actorName: string | null;
  verb: string;
  targetKind: string;
  targetId: string;
  /** The run's or sweep's name when it still exists. */
  targetName: string | null;
  detail: string | null;
  createdAt: Date;
};

/** One page of the feed, newest first; `cursor` is the last id of the previous page. */
export async function listActivity(
  db: Db,
  projectId: string,
  page: { cursor?: string | null; take: number },
): Promise<{ items: ActivityView[]; nextCursor: string | null }> {
  const rows = await db[prisma].activity.findMany({
    where: { projectId },
    include: { actor: { select: { name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.take + 1,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
  });
  const more = rows.length > page.take;
  const shown = rows.slice(0, page.take);
  const ids = (kind: string) => shown.filter((r) => r.targetKind === kind).map((r) => r.targetId);
  const [runs, sweeps] = await Promise.all([
    db[prisma].run.findMany({
      where: { id: { in: ids("run") }, projectId },
      select: { id: true, name: true },
    }),
    db[prisma].sweep.findMany({
      where: { id: { in: ids("sweep") }, projectId },
      select: { id: true, name: true },
    }),
  ]);
  const names = new Map([...runs, ...sweeps].map((t) => [t.id, t.name]));
  return {
    items: shown.map((r) => ({
      id: r.id,
      actorName: r.actor?.name ?? null,
      verb: r.verb,
      targetKind: r.targetKind,
      targetId: r.targetId,
      targetName: names.get(r.targetId) ?? null,
      detail: r.detail,
      createdAt: r.createdAt,
    })),
    nextCursor: more ? (shown[shown.length - 1]?.id ?? null) : null,
  };
}
