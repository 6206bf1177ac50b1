import { replayFileOf, safeName } from './replayImport';
import type { GameStore } from './store';

/** The finished game as a replay file (docs/replay-format.md): its name and its JSON text. */
export function replayDownload(store: GameStore): { name: string; text: string } {
  return { name: `${safeName(store.scenario.id)}-${safeName(store.seed)}.replay.json`, text: replayFileOf(store.game()).text };
}
