import { defineConfig } from 'vitest/config';

// npm run test:replays: the replay corpus (test/replays/*.replays.ts, a name the default run does not
// pick up). Two shards, one per core; each plays, writes, re-reads and verifies hundreds of games.
export default defineConfig({
  test: {
    include: ['test/replays/**/*.replays.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 600_000,
  },
});
