/**
 * At server start: requests get stamped with their socket's address (for the sign-in limits), and a
 * server opened to a network with no account yet prints its one-time setup link.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampPeerAddresses } = await import("./server/peer-address");
  stampPeerAddresses();
  const { announceSetupLink } = await import("./server/setup-link-notice");
  await announceSetupLink();
}
