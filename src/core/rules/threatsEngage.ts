import type { ShotRecord } from '../context';
import type { Doctrine, ThreatKind } from '../vocabulary';

// One threat against the batteries that cover its target (DESIGN §5.5, DOMAIN b1–b2). Pure: the
// caller passes the stream's next() so the Monte-Carlo test runs the very rule the game uses.

export interface Shooter { battery: string; p: number; rounds: number }

export interface Engagement {
  shots: ShotRecord[];
  killed: boolean;
  /** Shoot-look-shoot against a ballistic missile: the draw deciding whether there was time to look. */
  look: { u: number; possible: boolean } | null;
}

/** Against ballistic missiles there is time for a second look only half the time [A]. */
export const BALLISTIC_LOOK_CHANCE = 0.5;

/**
 * Fires the doctrine's shots in order, each from the first shooter with rounds left (so when one
 * battery runs dry the next continues). A shot hits iff u < p. Mutates the shooters' rounds.
 */
export function engage(kind: ThreatKind, doctrine: Doctrine, shooters: Shooter[], next: () => number): Engagement {
  const shots: ShotRecord[] = [];
  let look: Engagement['look'] = null;
  let killed = false;
  switch (doctrine) {
    case 'single':
      killed = fire(shooters, shots, next) === true;
      break;
    case 'barrage': {
      // Both interceptors are in the air before the first result is known.
      const first = fire(shooters, shots, next);
      const second = first === null ? null : fire(shooters, shots, next);
      killed = first === true || second === true;
      break;
    }
    case 'shootLookShoot': {
      const first = fire(shooters, shots, next);
      if (first !== false) { killed = first === true; break; }
      if (!hasRounds(shooters)) break;
      let possible = true;
      if (kind === 'ballistic') {
        const u = next();
        possible = u < BALLISTIC_LOOK_CHANCE;
        look = { u, possible };
      }
      if (possible) killed = fire(shooters, shots, next) === true;
      break;
    }
  }
  return { shots, killed, look };
}

// Module-level helpers rather than closures made per engagement (a wave makes one per threat).

/** One shot from the first shooter with rounds left: whether it hit, or null when nobody has rounds. */
function fire(shooters: Shooter[], shots: ShotRecord[], next: () => number): boolean | null {
  let shooter: Shooter | undefined;
  for (const x of shooters) if (x.rounds > 0) { shooter = x; break; }
  if (!shooter) return null;
  shooter.rounds -= 1;
  const u = next();
  const hit = u < shooter.p;
  shots.push({ battery: shooter.battery, u, p: shooter.p, hit });
  return hit;
}

function hasRounds(shooters: readonly Shooter[]): boolean {
  for (const x of shooters) if (x.rounds > 0) return true;
  return false;
}
