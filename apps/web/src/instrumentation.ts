/** At server start: a server opened to a network with no account yet prints its one-time setup link. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { announceSetupLink } = await import("./server/setup-link-notice");
  await announceSetupLink();
}
