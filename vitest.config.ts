import { defineConfig } from 'vitest/config';

export default defineConfig({
  // TypeScript in .cts files too (the CommonJS loader of the code cache, src/code-cache.cts).
  oxc: { include: /\.(m?ts|cts|[jt]sx)$/ },
  test: {
    include: ['test/**/*.test.ts', 'src/rules/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
