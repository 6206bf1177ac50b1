import { replay } from '../core';
import { buildReplayFile, formatReplayFile } from './replayFile';
import type { GameStore } from './store';

/** The finished game as a replay file (docs/replay-format.md): its name and its JSON text. */
export function replayDownload(store: GameStore): { name: string; text: string } {
  const actions = store.getLog();
  const again = replay(store.scenario, store.seed, store.seats, actions);
  const file = buildReplayFile({
    scenario: store.scenario, seed: store.seed, seats: store.seats, actions, turnHashes: again.turnHashes, finalHash: again.finalHash,
  });
  const safe = (x: string) => x.replace(/[^a-z0-9-]+/gi, '-').slice(0, 40);
  return { name: `${safe(store.scenario.id)}-${safe(store.seed)}.replay.json`, text: formatReplayFile(file) };
}
