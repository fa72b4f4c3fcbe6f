/** Comments on runs, sweeps and saved views: markdown bodies with mentioned user ids, soft-deleted. */
import { type Db, prisma } from "./client";

export const COMMENT_TARGETS = ["run", "sweep", "view"] as const;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];

/** Whether a run, sweep or saved view with this id belongs to the project (comments only attach there). */
export async function targetExists(
  db: Db,
  projectId: string,
  kind: CommentTarget,
  id: string,
): Promise<boolean> {
  const where = { id, projectId };
  const found =
    kind === "run"
      ? await db[prisma].run.findFirst({ where, select: { id: true } })
      : kind === "view"
        ? await db[prisma].savedView.findFirst({ where, select: { id: true } })
        : await db[prisma].sweep.findFirst({ where, select: { id: true } });
  return found !== null;
}

export type CommentView = {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  mentions: string[];
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
};

const parseMentions = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
};

export async function addComment(
  db: Db,
  input: {
    projectId: string;
    targetKind: CommentTarget;
    targetId: string;
    authorId: string;
    body: string;
    mentions: string[];
  },
) {
  const { mentions, ...rest } = input;
  return db[prisma].comment.create({ data: { ...rest, mentions: JSON.stringify(mentions) } });
}

/** A target's thread, oldest first; a deleted comment keeps its place but loses its body. */
export async function listComments(
  db: Db,
  projectId: string,
  targetKind: CommentTarget,
  targetId: string,
): Promise<CommentView[]> {
  const rows = await db[prisma].comment.findMany({
    where: { projectId, targetKind, targetId },
    include: { author: { select: { name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map((c) => ({
    id: c.id,
    authorId: c.authorId,
    authorName: c.author.name,
    body: c.deletedAt ? "" : c.body,
    mentions: c.deletedAt ? [] : parseMentions(c.mentions),
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    deleted: c.deletedAt !== null,
  }));
}

export async function getComment(db: Db, projectId: string, commentId: string) {
  return db[prisma].comment.findFirst({ where: { id: commentId, projectId, deletedAt: null } });
}

export async function editComment(db: Db, commentId: string, body: string, mentions: string[]) {
  return db[prisma].comment.update({
    where: { id: commentId },
    data: { body, mentions: JSON.stringify(mentions), editedAt: new Date() },
  });
}

export async function deleteComment(db: Db, commentId: string) {
  await db[prisma].comment.update({ where: { id: commentId }, data: { deletedAt: new Date() } });
}
