/** Accounts: the better-auth instance, who a request acts as, CSRF, and the HTTP handlers. */
export { type Auth, createAuth, SESSION_DAYS } from "./create-auth";
export { isCrossOriginWrite } from "./csrf";
export { handleAuthRequest, handleTrpcRequest, INVITE_HEADER } from "./http";
export {
  createRequestAuth,
  LOOPBACK_NETWORK,
  type NetworkOptions,
  PROJECT_COOKIE,
  type RequestAuth,
  type RequestUser,
  readCookie,
  type SignupMode,
  WORKSPACE_COOKIE,
} from "./request-user";
export { createSetupLink, SETUP_HEADER, type SetupLink } from "./setup-link";
