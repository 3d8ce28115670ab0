// Why: the console must open in a stairwell with no signal: its page and assets are precached; the API never is.
import { type PrecacheEntry, Serwist } from "serwist";

// The build step (serwist.config.js) replaces this with the console's page and assets.
declare const self: { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: {
    cleanupOutdatedCaches: true,
    // `?lang=` picks a language in the page itself; `?token=` is a sign-in and must reach the server.
    ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^lang$/],
  },
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  // No runtime caching at all: /api/ and /socket.io/ always go to the network (the outbox keeps actions, not the worker).
  runtimeCaching: [],
});

serwist.addEventListeners();
