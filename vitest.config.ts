import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/bench/**', 'node_modules/**'],
    // One real Neo4j for the whole run (tests/support/global-setup.ts).
    globalSetup: ['tests/support/global-setup.ts'],
    // Test files share that Neo4j; run them one at a time so their data never interleaves.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    teardownTimeout: 60_000,
    reporters: ['default'],
  },
});
