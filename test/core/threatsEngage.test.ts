import { describe, expect, it } from 'vitest';
import { createStreams, restorePrng } from '../../src/core/rng';
import { barrageLeak, raidNoLeakerProbability, shootLookShootExpectedShots, shootLookShootLeak, shortStockpileExpectedLeakers } from '../../src/core/formulas';
import { engage, type Shooter } from '../../src/core/rules/threats';
import type { Doctrine, ThreatKind } from '../../src/core/vocabulary';

// The engagement rule that resolveAttacks uses, run alone over a seeded threats stream.

// ----------------------------------------------------------------- Monte-Carlo of the rule itself

function monteCarlo(kind: ThreatKind, doctrine: Doctrine, p: number, trials: number, seed: string) {
  const prng = restorePrng(createStreams(seed).threats);
  let leaks = 0;
  let shots = 0;
  for (let i = 0; i < trials; i++) {
    const r = engage(kind, doctrine, [{ battery: 'b', p, rounds: 10 }], prng.next);
    if (!r.killed) leaks += 1;
    shots += r.shots.length;
  }
  return { leak: leaks / trials, shots: shots / trials };
}

const within3Sigma = (observed: number, expected: number, trials: number) =>
  expect(Math.abs(observed - expected)).toBeLessThan(3 * Math.sqrt((expected * (1 - expected)) / trials));

describe('engage: seeded Monte-Carlo agrees with b1–b3 within 3σ', () => {
  const N = 40_000;

  it('b1 barrage p=0.7, n=2: leak 0.09, always 2 shots', () => {
    const r = monteCarlo('ballistic', 'barrage', 0.7, N, 'mc-b1');
    within3Sigma(r.leak, barrageLeak(0.7, 2), N);
    expect(r.shots).toBe(2);
  });

  it('b1 single shot p=0.85 against drones: leak 0.15', () => {
    within3Sigma(monteCarlo('drone', 'single', 0.85, N, 'mc-single').leak, barrageLeak(0.85, 1), N);
  });

  it('b2 shoot-look-shoot p=0.7, 1+1 against drones: leak 0.09, mean shots 1.3', () => {
    const r = monteCarlo('drone', 'shootLookShoot', 0.7, N, 'mc-sls');
    within3Sigma(r.leak, shootLookShootLeak(0.7, 1, 1), N);
    // shots − 1 is a Bernoulli(0.3) draw: its own 3σ band
    within3Sigma(r.shots - 1, shootLookShootExpectedShots(0.7, 1, 1) - 1, N);
  });

  it('b2 shoot-look-shoot against ballistic missiles looks only half the time: leak 0.195, mean shots 1.15', () => {
    const r = monteCarlo('ballistic', 'shootLookShoot', 0.7, N, 'mc-sls-bm');
    within3Sigma(r.leak, shootLookShootLeak(0.7, 1, 1, 0.5), N);
    within3Sigma(r.shots - 1, shootLookShootExpectedShots(0.7, 1, 1, 0.5) - 1, N);
  });

  it('b3 raid of 10 under a barrage: P(no leaker) 0.3894', () => {
    const raids = 20_000;
    const prng = restorePrng(createStreams('mc-raid').threats);
    let clean = 0;
    for (let i = 0; i < raids; i++) {
      const shooters: Shooter[] = [{ battery: 'b', p: 0.7, rounds: 20 }];
      let leaked = false;
      for (let t = 0; t < 10; t++) if (!engage('ballistic', 'barrage', shooters, prng.next).killed) leaked = true;
      if (!leaked) clean += 1;
    }
    within3Sigma(clean / raids, raidNoLeakerProbability(0.7, 2, 10), raids);
  });

  it('b3 short stockpile: 5 rounds against 10 threats, one shot each, leaves 6.5 leakers on average', () => {
    const raids = 10_000;
    const prng = restorePrng(createStreams('mc-short').threats);
    let leakers = 0;
    for (let i = 0; i < raids; i++) {
      const shooters: Shooter[] = [{ battery: 'b', p: 0.7, rounds: 5 }];
      for (let t = 0; t < 10; t++) if (!engage('ballistic', 'single', shooters, prng.next).killed) leakers += 1;
    }
    // variance of the leaker count: 5 threats × 0.7 × 0.3
    expect(Math.abs(leakers / raids - shortStockpileExpectedLeakers(0.7, 10, 5))).toBeLessThan(3 * Math.sqrt(1.05 / raids));
  });
});

describe('engage: shots in order', () => {
  const fixed = (...us: number[]) => { let i = 0; return () => us[i++]!; };

  it('a barrage fires both shots even when the first hits', () => {
    const r = engage('ballistic', 'barrage', [{ battery: 'b', p: 0.7, rounds: 5 }], fixed(0.1, 0.9));
    expect(r.shots.map((x) => [x.u, x.hit])).toEqual([[0.1, true], [0.9, false]]);
    expect(r.killed).toBe(true);
  });

  it('when a battery runs dry mid-engagement the next covering battery continues', () => {
    const shooters = [{ battery: 'a', p: 0.7, rounds: 1 }, { battery: 'b', p: 0.35, rounds: 3 }];
    const r = engage('ballistic', 'barrage', shooters, fixed(0.8, 0.3));
    expect(r.shots).toEqual([{ battery: 'a', u: 0.8, p: 0.7, hit: false }, { battery: 'b', u: 0.3, p: 0.35, hit: true }]);
    expect(shooters.map((x) => x.rounds)).toEqual([0, 2]);
  });

  it('no rounds: no shot, no draw, the threat is not stopped', () => {
    const r = engage('drone', 'single', [{ battery: 'a', p: 0.85, rounds: 0 }], () => { throw new Error('no draw expected'); });
    expect(r).toEqual({ shots: [], killed: false, look: null });
  });

  it('shoot-look-shoot against a ballistic missile draws the look between the shots', () => {
    const looked = engage('ballistic', 'shootLookShoot', [{ battery: 'a', p: 0.7, rounds: 5 }], fixed(0.9, 0.4, 0.1));
    expect([looked.shots.map((x) => x.u), looked.look, looked.killed]).toEqual([[0.9, 0.1], { u: 0.4, possible: true }, true]);
    const noTime = engage('ballistic', 'shootLookShoot', [{ battery: 'a', p: 0.7, rounds: 5 }], fixed(0.9, 0.6));
    expect([noTime.shots.length, noTime.look, noTime.killed]).toEqual([1, { u: 0.6, possible: false }, false]);
  });
});
