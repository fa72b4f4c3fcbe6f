/**
 * Who may create the first owner right now, decided by the database so every web process agrees: two
 * replicas behind one address each take a sign-up, and only one of them may go ahead. The claim is a
 * row with a fixed id (the second insert fails on the primary key) that expires, so a process that died
 * holding it does not lock the setup link out for good.
 */
import { type Db, prisma } from "./client";

const CLAIM_ID = "actlab-first-owner-claim";

/** True when this caller holds the claim until `release` (or until `holdMs` have passed). */
export async function claimFirstOwnerSetup(db: Db, holdMs = 60_000): Promise<boolean> {
  const now = new Date();
  await db[prisma].verification.deleteMany({ where: { id: CLAIM_ID, expiresAt: { lt: now } } });
  try {
    await db[prisma].verification.create({
      data: {
        id: CLAIM_ID,
        identifier: CLAIM_ID,
        value: "claimed",
        expiresAt: new Date(now.getTime() + holdMs),
      },
    });
    return true;
  } catch {
    return false; // another process holds it
  }
}

export async function releaseFirstOwnerSetup(db: Db): Promise<void> {
  await db[prisma].verification.deleteMany({ where: { id: CLAIM_ID } });
}
