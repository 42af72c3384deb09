import { defineConfig } from 'vitest/config';
import { policyChaptersVitePlugin } from './src/plugins/policy-chapters.ts';

export default defineConfig({
  // virtual:policy-chapters (src/core/chapters.ts) as in the build.
  plugins: [policyChaptersVitePlugin()],
  test: {
    coverage: {
      provider: 'v8',
      include: ['src/core/**/*.ts', 'src/tools/*/logic/**/*.ts'],
      exclude: ['src/**/*.d.ts'],
      reporter: ['text-summary'],
      thresholds: { lines: 95 },
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll waits for state; its default 1 s gave up under load (a 200-line import).
          expect: { poll: { timeout: 20_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
