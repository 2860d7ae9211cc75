export { type CodeGrant, exchangeCode } from './code-exchange.js';
export { identifyPortalUser, type PortalIdentity } from './portal-identity.js';
export { type SignInRoutesOptions, signInRoutes } from './sign-in-routes.js';
export { type SignedInUser, signedInUser } from './signed-in-user.js';
