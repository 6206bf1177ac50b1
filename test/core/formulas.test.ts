import { describe, it, expect } from 'vitest';
import seedrandom from 'seedrandom';
import {
  barrageLeak,
  costExchangeRatio,
  interoperabilityMultiplier,
  lanchesterDiscrete,
  lanchesterSquare,
  raidExpectedLeakers,
  raidNoLeakerProbability,
  richardsonEquilibrium,
  richardsonSeries,
  richardsonStep,
  salvoExchange,
  shootLookShootExpectedShots,
  shootLookShootLeak,
  shortStockpileExpectedLeakers,
  stockpileSeries,
} from '../../src/core/formulas';

describe('b1 barrage leakage', () => {
  it.each([
    { p: 0.7, n: 1, r: 1, q: 1, leak: 0.3 },
    { p: 0.7, n: 2, r: 1, q: 1, leak: 0.09 },
    { p: 0.8, n: 2, r: 1, q: 1, leak: 0.04 },
    { p: 0.5, n: 4, r: 1, q: 1, leak: 0.0625 },
    { p: 0.8, n: 2, r: 0.9, q: 0.95, leak: 0.12448 },
  ])('p=$p n=$n r=$r q=$q → $leak', ({ p, n, r, q, leak }) => {
    expect(barrageLeak(p, n, r, q)).toBeCloseTo(leak, 5);
  });

  it('defaults r and q to 1', () => {
    expect(barrageLeak(0.7, 2)).toBeCloseTo(0.09, 10);
  });

  it('rounds the r/q vector to 0.1245 at 4 places', () => {
    expect(barrageLeak(0.8, 2, 0.9, 0.95)).toBeCloseTo(0.1245, 4);
  });
});

describe('b2 shoot-look-shoot', () => {
  it.each([{ p: 0.7, n1: 1, n2: 1, leak: 0.09, shots: 1.3 }])(
    'p=$p $n1+$n2 → leak $leak, E[shots] $shots',
    ({ p, n1, n2, leak, shots }) => {
      expect(shootLookShootLeak(p, n1, n2)).toBeCloseTo(leak, 5);
      expect(shootLookShootExpectedShots(p, n1, n2)).toBeCloseTo(shots, 5);
    },
  );

  it('leaks like an (n1+n2) barrage but a barrage uses 2.0 shots', () => {
    expect(shootLookShootLeak(0.7, 1, 1)).toBeCloseTo(barrageLeak(0.7, 2), 10);
    expect(shootLookShootExpectedShots(0.7, 1, 1)).toBeLessThan(2.0);
  });

  it.each([
    { t: 0, leak: 0.3, shots: 1 },
    { t: 0.5, leak: 0.3 * (0.5 + 0.5 * 0.3), shots: 1.15 },
  ])('with look chance t=$t → leak $leak, shots $shots', ({ t, leak, shots }) => {
    expect(shootLookShootLeak(0.7, 1, 1, t)).toBeCloseTo(leak, 5);
    expect(shootLookShootExpectedShots(0.7, 1, 1, t)).toBeCloseTo(shots, 5);
  });
});

describe('b3 raids and stockpile limits', () => {
  it('N=10, n=2, p=0.7 → P(no leaker)=0.3894, E[leakers]=0.9', () => {
    expect(raidNoLeakerProbability(0.7, 2, 10)).toBeCloseTo(0.3894, 4);
    expect(raidExpectedLeakers(0.7, 2, 10)).toBeCloseTo(0.9, 5);
  });

  it.each([
    { S: 5, leakers: 6.5 },
    { S: 15, leakers: 1.95 },
    { S: 20, leakers: 0.9 },
  ])('short stockpile p=0.7 N=10 S=$S → $leakers', ({ S, leakers }) => {
    expect(shortStockpileExpectedLeakers(0.7, 10, S)).toBeCloseTo(leakers, 5);
  });

  it('S = N·n matches the full raid; S = 0 lets everything leak', () => {
    expect(shortStockpileExpectedLeakers(0.7, 10, 20)).toBeCloseTo(raidExpectedLeakers(0.7, 2, 10), 10);
    expect(shortStockpileExpectedLeakers(0.7, 10, 0)).toBe(10);
  });
});

describe('b4 stockpile attrition', () => {
  it.each([
    {
      S0: 48,
      requested: [12, 24, 0, 30],
      ordered: [6, 6, 6, 6],
      L: 2,
      stock: [48, 36, 12, 18, 6],
      fired: [12, 24, 0, 18],
    },
  ])('S0=$S0 requested=$requested L=$L → $stock', ({ S0, requested, ordered, L, stock, fired }) => {
    const res = stockpileSeries(S0, requested, ordered, L);
    expect(res.stock).toEqual(stock);
    expect(res.fired).toEqual(fired);
    expect(res.fired.at(-1)).toBe(18); // only 18 of 30 requested on the last turn
  });

  it('L=0 delivers the same turn (after firing)', () => {
    expect(stockpileSeries(10, [10, 10], [5, 5], 0)).toEqual({ stock: [10, 5, 5], fired: [10, 5] });
  });
});

describe('b5 cost-exchange ratio', () => {
  it.each([
    { fired: 2, unit: 4_000_000, threat: 35_000, cer: 228.57 },
    { fired: 2, unit: 4_000_000, threat: 1_000_000, cer: 8 },
  ])('$fired × $unit vs $threat → $cer', ({ fired, unit, threat, cer }) => {
    expect(costExchangeRatio(fired, unit, threat)).toBeCloseTo(cer, 2);
  });

  it.each([
    { fired: 0, threat: 35_000 },
    { fired: 2, threat: 0 },
  ])('returns 0 when fired=$fired or threat cost=$threat', ({ fired, threat }) => {
    expect(costExchangeRatio(fired, 4_000_000, threat)).toBe(0);
  });
});

describe('b6 Hughes salvo', () => {
  it.each([
    { A: 4, B: 3, alpha: 3, beta: 4, a1: 2, b1: 2, a3: 2, b3: 1, lossesA: 2, lossesB: 3, rawA: 2, rawB: 4.5 },
  ])('A=$A B=$B → ΔA=$lossesA, ΔB=$lossesB (raw $rawB)', ({ lossesA, lossesB, rawA, rawB, ...input }) => {
    const res = salvoExchange(input);
    expect(res.lossesA).toBeCloseTo(lossesA, 10);
    expect(res.lossesB).toBeCloseTo(lossesB, 10);
    expect(res.rawLossesA).toBeCloseTo(rawA, 10);
    expect(res.rawLossesB).toBeCloseTo(rawB, 10);
  });

  it('clips negative losses to 0 when defence outweighs offence', () => {
    const res = salvoExchange({ A: 4, B: 3, alpha: 1, beta: 4, a1: 2, b1: 2, a3: 2, b3: 3 });
    expect(res.rawLossesB).toBeLessThan(0);
    expect(res.lossesB).toBe(0);
  });
});

describe('b7 Lanchester', () => {
  it.each([{ A0: 100, B0: 80, alpha: 0.01, beta: 0.01, winner: 'A', survivors: 60, t: 109.86 }])(
    'square law A0=$A0 B0=$B0 → $winner wins with $survivors at t*=$t',
    ({ winner, survivors, t, ...input }) => {
      const res = lanchesterSquare(input);
      expect(res.winner).toBe(winner);
      expect(res.survivors).toBeCloseTo(survivors, 6);
      expect(res.timeToAnnihilate).toBeCloseTo(t, 2);
    },
  );

  it('square law is symmetric: swapping sides makes B the winner', () => {
    const res = lanchesterSquare({ A0: 80, B0: 100, alpha: 0.01, beta: 0.01 });
    expect(res.winner).toBe('B');
    expect(res.survivors).toBeCloseTo(60, 6);
    expect(res.timeToAnnihilate).toBeCloseTo(109.86, 2);
  });

  it('equal strength is a draw', () => {
    expect(lanchesterSquare({ A0: 100, B0: 50, alpha: 0.01, beta: 0.04 }).winner).toBe('draw');
  });

  it.each([{ A0: 100, B0: 80, alpha: 0.01, beta: 0.01, dt: 0.01, winner: 'A', survivors: 59.997 }])(
    'discrete dt=$dt → $winner with ≈$survivors',
    ({ dt, winner, survivors, ...input }) => {
      const res = lanchesterDiscrete(input, dt);
      expect(res.finished).toBe(true);
      expect(res.winner).toBe(winner);
      expect(res.B).toBe(0);
      expect(res.survivors).toBeCloseTo(survivors, 3);
      expect(res.timeToAnnihilate).toBeCloseTo(109.86, 0);
    },
  );

  it('discrete form stops at maxSteps', () => {
    const res = lanchesterDiscrete({ A0: 100, B0: 80, alpha: 0.01, beta: 0.01 }, 0.01, 10);
    expect(res).toMatchObject({ finished: false, winner: 'draw', steps: 10 });
  });
});

describe('b8 Richardson arms race', () => {
  const stable = { k: 0.5, l: 0.5, a: 0.6, b: 0.6, g: 1, h: 1 };
  const unstable = { k: 0.7, l: 0.7, a: 0.5, b: 0.5, g: 1, h: 1 };
  const origin = { x: 0, y: 0 };

  it.each([
    { name: 'stable', coeffs: stable, expected: [1, 1.9, 2.71] },
    { name: 'unstable', coeffs: unstable, expected: [1, 2.2, 3.64, 5.368, 7.4416] },
  ])('$name sequence from 0 → $expected', ({ coeffs, expected }) => {
    const series = richardsonSeries(origin, coeffs, expected.length);
    expect(series[0]).toEqual(origin);
    expected.forEach((v, i) => {
      expect(series[i + 1]?.x).toBeCloseTo(v, 6);
      expect(series[i + 1]?.y).toBeCloseTo(v, 6);
    });
  });

  it('stable case reaches (9.982, 9.982) at t=60, approaching equilibrium 10', () => {
    const at60 = richardsonSeries(origin, stable, 60)[60];
    expect(at60?.x).toBeCloseTo(9.982, 3);
    expect(at60?.y).toBeCloseTo(9.982, 3);
    const eq = richardsonEquilibrium(stable);
    expect(eq.stable).toBe(true);
    expect(eq.x).toBeCloseTo(10, 10);
    expect(eq.y).toBeCloseTo(10, 10);
  });

  it('unstable case grows without bound', () => {
    expect(richardsonEquilibrium(unstable).stable).toBe(false);
    expect(richardsonSeries(origin, unstable, 60)[60]?.x).toBeGreaterThan(1e4);
  });

  it('step matches one element of the series', () => {
    expect(richardsonStep({ x: 1, y: 1 }, stable)).toEqual(richardsonSeries(origin, stable, 2)[2]);
  });

  it('a·b = k·l has no finite equilibrium', () => {
    expect(richardsonEquilibrium({ k: 0.5, l: 0.5, a: 0.5, b: 0.5, g: 1, h: 1 })).toEqual({
      x: Infinity,
      y: Infinity,
      stable: false,
    });
  });
});

describe('interoperability multiplier', () => {
  it.each([
    { interop: 0, m: 0.6 },
    { interop: 1, m: 0.68 },
    { interop: 5, m: 1.0 },
    { interop: 7, m: 1.0 },
    { interop: -1, m: 0.6 },
  ])('interop $interop → $m', ({ interop, m }) => {
    expect(interoperabilityMultiplier(interop)).toBeCloseTo(m, 10);
  });
});

describe('seeded Monte-Carlo agrees with b1–b2 within 3σ', () => {
  const TRIALS = 200_000;

  // One u per shot in order; a shot hits iff u < p. Barrage fires all n shots.
  function barrageLeakRate(p: number, n: number): number {
    const rng = seedrandom.alea('2024');
    let leaks = 0;
    for (let i = 0; i < TRIALS; i++) {
      let killed = false;
      for (let s = 0; s < n; s++) if (rng() < p) killed = true;
      if (!killed) leaks++;
    }
    return leaks / TRIALS;
  }

  it.each([
    { p: 0.7, n: 2, exact: 0.09 },
    { p: 0.85, n: 1, exact: 0.15 },
  ])('barrage p=$p n=$n leak ≈ $exact', ({ p, n, exact }) => {
    const sigma = Math.sqrt((exact * (1 - exact)) / TRIALS);
    expect(barrageLeak(p, n)).toBeCloseTo(exact, 10);
    expect(Math.abs(barrageLeakRate(p, n) - exact)).toBeLessThan(3 * sigma);
  });

  it('shoot-look-shoot p=0.7 1+1: leak ≈ 0.09, mean shots ≈ 1.3', () => {
    const p = 0.7;
    const rng = seedrandom.alea('2024');
    let leaks = 0;
    let shots = 0;
    for (let i = 0; i < TRIALS; i++) {
      shots++;
      if (rng() < p) continue;
      shots++; // looked, threat survived: fire the second stage
      if (rng() >= p) leaks++;
    }
    const leakExact = shootLookShootLeak(p, 1, 1);
    const shotsExact = shootLookShootExpectedShots(p, 1, 1);
    const leakSigma = Math.sqrt((leakExact * (1 - leakExact)) / TRIALS);
    const shotsSigma = Math.sqrt((1 - p) * p / TRIALS); // shots = 1 + Bernoulli(1 − p)
    expect(Math.abs(leaks / TRIALS - leakExact)).toBeLessThan(3 * leakSigma);
    expect(Math.abs(shots / TRIALS - shotsExact)).toBeLessThan(3 * shotsSigma);
  });
});
