/** User records as the UI shows them. */
import { type Db, prisma } from "./client";

export type UserProfile = { id: string; name: string; email: string };

/** Null when there is no such user (the local user is deleted by the first sign-up). */
export async function findUserProfile(db: Db, userId: string): Promise<UserProfile | null> {
  return db[prisma].user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true } });
}
