/** Prints the setup link once at start, so only whoever reads the server's log can create the owner. */
import { serverState } from "./deps";

export async function announceSetupLink(): Promise<void> {
  const { requestAuth } = serverState();
  const link = requestAuth.network.setupLink;
  if (!link || !(await requestAuth.isLocalMode())) return;
  const url = new URL("/sign-up", requestAuth.network.publicUrl);
  url.searchParams.set("setup", link.token());
  console.log(
    `actlab: no account yet and this server is open to the network: create the owner account at ${url.href} (works once)`,
  );
}
