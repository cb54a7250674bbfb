import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Many files wait on sockets, child processes and a real PostgreSQL rather than on the CPU:
    // four workers on two cores overlap those waits (measured: 99 s with two workers, 58 s with four).
    maxWorkers: 4,
  },
});
