/** Which build is running: caches written by another build are ignored. */
declare const __NEWSBRIDGE_BUILD__: string | undefined;

/** A hash of the bundled sources (set by the build); null when run from source. */
export const BUILD_ID: string | null = typeof __NEWSBRIDGE_BUILD__ === 'string' ? __NEWSBRIDGE_BUILD__ : null;
