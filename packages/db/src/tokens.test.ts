import { describe, expect, it } from "vitest";
import { prisma } from "./client";
import { testDbForSuite } from "./test-db";
import { createApiToken, listApiTokens, revokeApiToken, userIdForApiToken } from "./tokens";

const t = testDbForSuite();

describe("API tokens", () => {
  it("names its user until revoked, and records its last use at most once a minute", async () => {
    const user = await t.db[prisma].user.create({ data: { name: "Ada", email: "ada@example.com" } });
    const { token, id } = await createApiToken(t.db, user.id, "laptop");
    expect(await userIdForApiToken(t.db, token)).toBe(user.id);
    const first = (await listApiTokens(t.db, user.id))[0]?.lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    // An hour-old last use is refreshed; a fresh one is left alone.
    await t.db[prisma].apiToken.update({
      where: { id },
      data: { lastUsedAt: new Date(Date.now() - 3_600_000) },
    });
    await userIdForApiToken(t.db, token);
    const refreshed = (await listApiTokens(t.db, user.id))[0]?.lastUsedAt as Date;
    expect(Date.now() - refreshed.getTime()).toBeLessThan(60_000);
    await userIdForApiToken(t.db, token);
    expect((await listApiTokens(t.db, user.id))[0]?.lastUsedAt).toEqual(refreshed);

    expect(await userIdForApiToken(t.db, "actlab_not-a-token")).toBeNull();
    await revokeApiToken(t.db, user.id, id);
    expect(await userIdForApiToken(t.db, token)).toBeNull();
  });
});
