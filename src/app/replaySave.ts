import { formatReplayFile, replayFileFromLog } from './replayFile';
import type { GameStore } from './store';

/** The finished game as a replay file (docs/replay-format.md): its name and its JSON text. */
export function replayDownload(store: GameStore): { name: string; text: string } {
  const file = replayFileFromLog(store.game());
  const safe = (x: string) => x.replace(/[^a-z0-9-]+/gi, '-').slice(0, 40);
  return { name: `${safe(store.scenario.id)}-${safe(store.seed)}.replay.json`, text: formatReplayFile(file) };
}
