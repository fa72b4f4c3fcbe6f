/** What the server checks before any handler runs: the Host a request names and its body's size. */
export { readBodyWithin, streamWithin, tooLargeRefusal, withinBodyLimit } from "./body-limit";
export { contentSecurityPolicy, securityHeaders } from "./headers";
export { isAllowedHost, isLoopbackBind, isLoopbackHost, wrongHostRefusal } from "./host";
