import { runShard } from './corpus';

// Half of the replay corpus (see corpus.ts for the mix); the other shard runs on the other core.
runShard(0, 2);
