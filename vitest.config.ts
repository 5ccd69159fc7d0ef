import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig(({ mode }) => ({
  // TypeScript in .cts files too (the CommonJS loader of the code cache, src/code-cache.cts).
  oxc: { include: /\.(m?ts|cts|[jt]sx)$/ },
  test: {
    include: ['test/**/*.test.ts', 'src/rules/**/*.test.ts'],
    // One test file per core (vitest's default leaves one core to itself, which on two cores means one
    // file at a time); the main process mostly waits.
    maxWorkers: os.availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // `npm run update-goldens` (vitest --mode update-goldens): the golden files and the docs' console
    // blocks are written from the current output instead of compared (test/golden.ts).
    env: mode === 'update-goldens' ? { UPDATE_GOLDEN: '1' } : {},
  },
}));
