import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['tests/global-setup.ts'],
    // CI runs .ci/run with CI=true, which makes Ink (is-in-ci) hold every frame until it exits. The
    // tests mean a terminal, so they run as they do on a developer's machine; a test about CI sets it.
    env: { CI: 'false', CONTINUOUS_INTEGRATION: 'false' },
  },
});
