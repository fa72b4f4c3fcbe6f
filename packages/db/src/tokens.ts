/** Personal API tokens for scripts: created (shown once), listed, revoked; looked up by sha-256. */
import { type Db, prisma, rawSql } from "./client";
import { newSecretToken, sha256Hex } from "./secret-token";

export async function createApiToken(db: Db, userId: string, name: string) {
  const token = newSecretToken("actlab");
  const row = await db[prisma].apiToken.create({
    data: { userId, name, tokenHash: sha256Hex(token), prefix: token.slice(0, 12) },
  });
  return { token, id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt };
}

export async function listApiTokens(db: Db, userId: string) {
  return db[prisma].apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const r = await db[prisma].apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return r.count > 0;
}

/** DateTime columns come back as Prisma wrote them: ISO text on SQLite, a Date on PostgreSQL. */
type TokenRow = {
  id: string;
  userId: string;
  revokedAt: string | Date | null;
  lastUsedAt: string | Date | null;
};

/**
 * The user a bearer token acts as, or null when it is unknown or revoked (checked on every request, so
 * one prepared statement: an MLflow client may call several times per training step).
 */
export async function userIdForApiToken(db: Db, token: string): Promise<string | null> {
  const row = await db[rawSql].get<TokenRow>(
    'SELECT "id", "userId", "revokedAt", "lastUsedAt" FROM "ApiToken" WHERE "tokenHash" = ?',
    [sha256Hex(token)],
  );
  if (!row || row.revokedAt !== null) return null;
  // Last-used is informative only: a minute's precision saves a write per request.
  if (row.lastUsedAt === null || !(Date.now() - new Date(row.lastUsedAt).getTime() <= 60_000)) {
    await db[prisma].apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return row.userId;
}
