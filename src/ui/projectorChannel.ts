import type { Action, Scenario, Seats } from '../core';

// Keeps a projector window in step with the facilitator's window of the same browser: the leader
// sends the game's start (scenario, seed, seats) and its action log; the projector re-runs the rules.
// Only the log crosses over, never a state, so both windows compute the very same game.

export const PROJECTOR_VIEW = 'projector';

export type ChannelMessage =
  | { kind: 'hello' }
  | { kind: 'sync'; scenario: Scenario; seed: string; seats: Seats; actions: Action[] }
  | { kind: 'action'; index: number; action: Action }
  | { kind: 'closed' };

const channelName = (id: string) => `forge-shield-classroom-${id}`;

export function newChannelId(): string {
  const bytes = new Uint32Array(2);
  crypto.getRandomValues(bytes);
  return `${bytes[0]!.toString(36)}${bytes[1]!.toString(36)}`;
}

/** The page address that opens a projector view following channel `id`. */
export function projectorUrl(id: string): string {
  return `${location.origin}${location.pathname}#view=${PROJECTOR_VIEW}&channel=${encodeURIComponent(id)}`;
}

/** The channel this page should follow as a projector, or null for an ordinary page. */
export function projectorRequest(hash = location.hash): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('channel');
  return params.get('view') === PROJECTOR_VIEW && id && /^[a-z0-9]{1,40}$/.test(id) ? id : null;
}

export interface Leader { send(index: number, action: Action): void; close(): void }

/** The facilitator's side: answers every projector's hello with the whole game so far. */
export function lead(id: string, game: () => { scenario: Scenario; seed: string; seats: Seats; actions: readonly Action[] }): Leader {
  const channel = new BroadcastChannel(channelName(id));
  const sync = () => {
    const g = game();
    channel.postMessage({ kind: 'sync', scenario: g.scenario, seed: g.seed, seats: g.seats, actions: [...g.actions] } satisfies ChannelMessage);
  };
  channel.onmessage = (e: MessageEvent<ChannelMessage>) => { if (e.data?.kind === 'hello') sync(); };
  sync();
  return {
    send: (index, action) => channel.postMessage({ kind: 'action', index, action } satisfies ChannelMessage),
    close: () => { channel.postMessage({ kind: 'closed' } satisfies ChannelMessage); channel.close(); },
  };
}

/** The projector's side: asks for the game, then hears each new action. */
export function follow(id: string, onMessage: (m: ChannelMessage) => void): { resync(): void; close(): void } {
  const channel = new BroadcastChannel(channelName(id));
  channel.onmessage = (e: MessageEvent<ChannelMessage>) => { if (e.data && typeof e.data === 'object') onMessage(e.data); };
  const hello = () => channel.postMessage({ kind: 'hello' } satisfies ChannelMessage);
  hello();
  return { resync: hello, close: () => channel.close() };
}
