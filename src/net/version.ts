/** The program's version and the User-Agent it sends. */
declare const __NEWSBRIDGE_VERSION__: string | undefined;

/** The version, inlined by the bundler (a development marker when run from source). */
export const VERSION = typeof __NEWSBRIDGE_VERSION__ === 'string' ? __NEWSBRIDGE_VERSION__ : '0.0.0-dev';

/** What newsbridge calls itself on the network: publishers can see who reads their feeds. */
export const USER_AGENT = `newsbridge/${VERSION} (a terminal reader for German news)`;
