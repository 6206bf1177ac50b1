import { describe, expect, it } from 'vitest';
import { applyAction, checkAction, legalActions, type Action, type GameState } from '../../src/core/index';
import { assessDeployment, coverage, gaps, legalDeployment } from '../../src/core/rules/deployment';
import { battery, edit, newGame, onStep, pact, run } from './deploymentScenario';

const deploymentFor = (role: string, s = newGame()): GameState => onStep(s, 'deployment', role);

function act(s: GameState, action: Action) {
  const r = applyAction(s, action);
  if (!r.ok) throw new Error(`${r.rejection.code}: ${r.rejection.message}`);
  return r;
}

const assess = (s: GameState, times = 1): GameState => {
  for (let i = 0; i < times; i++) s = run(s, assessDeployment).state;
  return s;
};

const rejection = (s: GameState, action: Action) => {
  const r = applyAction(s, action);
  return r.ok ? null : r.rejection;
};

const flyUs2 = (s = deploymentFor('us')) => act(s, { type: 'orderRedeploy', role: 'us', battery: 'us-2', to: 'host-base', mode: 'air' });
const sailK1 = (to: string) => act(deploymentFor('korea'), { type: 'orderRedeploy', role: 'korea', battery: 'k-1', to, mode: 'sea' });

describe('orderRedeploy', () => {
  it('packs the battery at once, with 18 airlift loads to fly', () => {
    const b = battery(flyUs2().state, 'us-2');
    expect(b).toMatchObject({ status: 'packing', destination: 'host-base', mode: 'air', loadsLeft: 18, region: 'air-hub' });
  });

  it('reports the move in plain words for the board', () => {
    const { events } = flyUs2();
    expect(events).toContainEqual(expect.objectContaining({
      kind: 'redeploy', battery: 'us-2', from: 'air-hub', to: 'host-base', mode: 'air', status: 'packing',
      text: 'United States orders Patriot battery 2 from Air Hub to Host Air Base by air: it packs up now (about 2 turns in transit, then 1 turn to set up).',
    }));
  });

  it('opens a gap at the home region while the battery is away', () => {
    expect(gaps(deploymentFor('us'))).toEqual([]);
    expect(gaps(flyUs2().state)).toEqual(['air-hub']);
  });

  it('no gap when another battery still covers the home region', () => {
    const s = edit(deploymentFor('us'), (d) => { battery(d, 'us-1').halfCover = 'air-hub'; });
    expect(gaps(flyUs2(s).state)).toEqual([]);
  });

  it('takes the sea transit time of the scenario when the lanes are shorter (3 < 4)', () => {
    expect(battery(sailK1('host-port').state, 'k-1')).toMatchObject({ status: 'packing', mode: 'sea', turnsLeft: 4 });
  });

  it('takes the lanes\' own sea time when it is longer (3 + 2 = 5)', () => {
    expect(battery(sailK1('energy').state, 'k-1').turnsLeft).toBe(5);
  });

  it('drops the half cover of the region it leaves', () => {
    const s = edit(deploymentFor('us'), (d) => { battery(d, 'us-2').halfCover = 'k-city'; });
    expect(battery(flyUs2(s).state, 'us-2').halfCover).toBeNull();
  });
});

describe('orderRedeploy rejections', () => {
  const s = deploymentFor('us');
  const order = (over: Partial<Extract<Action, { type: 'orderRedeploy' }>>): Action =>
    ({ type: 'orderRedeploy', role: 'us', battery: 'us-2', to: 'host-base', mode: 'air', ...over });

  it('battery/not-owner', () => {
    expect(rejection(s, order({ battery: 'host-1' }))).toEqual({ code: 'battery/not-owner', message: 'Host battery belongs to Gulf Host, not to United States.', details: { battery: 'host-1' } });
  });
  it('battery/not-operational', () => {
    const r = rejection(flyUs2().state, order({}));
    expect(r?.code).toBe('battery/not-operational');
    expect(r?.message).toBe('Patriot battery 2 is packing up; it can take new orders once it is operational.');
  });
  it('battery/same-region', () => {
    expect(rejection(s, order({ to: 'air-hub' }))).toMatchObject({ code: 'battery/same-region', message: 'Patriot battery 2 already stands at Air Hub.' });
  });
  it('battery/no-route', () => {
    expect(rejection(s, order({ mode: 'sea' }))).toMatchObject({ code: 'battery/no-route', message: 'No sea lanes lead from Air Hub to Host Air Base.' });
  });
  it('airlift/none', () => {
    const noAirlift = edit(s, (d) => { d.scenario.airlift.loadsPerTurn = 0; });
    expect(rejection(noAirlift, order({}))).toMatchObject({ code: 'airlift/none', message: 'There is no airlift in this scenario: batteries can only move by sea.' });
  });
  it('target/unknown for a battery or region that does not exist', () => {
    expect(rejection(s, order({ battery: 'nope' }))).toMatchObject({ code: 'target/unknown', message: 'There is no such battery.' });
    expect(rejection(s, order({ to: 'atlantis' }))).toMatchObject({ code: 'target/unknown', message: 'There is no such region.' });
  });
  it('action/malformed for a mode that is not air or sea, or junk fields', () => {
    expect(rejection(s, order({ mode: 'rail' as never }))).toMatchObject({ code: 'action/malformed', message: 'A battery moves by air or by sea.' });
    expect(rejection(s, order({ battery: 42 as never }))?.code).toBe('target/unknown');
    expect(rejection(s, order({ to: null as never }))?.code).toBe('target/unknown');
  });
});

describe('assessment: transit, setup, readiness', () => {
  it('by air: packing, two assessments of transit (12 + 6 loads), setup, operational the turn after', () => {
    let s = flyUs2().state;
    s = assess(s);
    expect(battery(s, 'us-2')).toMatchObject({ status: 'transit', loadsLeft: 18, region: 'air-hub' });
    s = assess(s);
    expect(battery(s, 'us-2')).toMatchObject({ status: 'transit', loadsLeft: 6 });
    s = assess(s);
    expect(battery(s, 'us-2')).toMatchObject({ status: 'setup', region: 'host-base', destination: null, turnsLeft: 1 });
    s = assess(s);
    expect(battery(s, 'us-2')).toMatchObject({ status: 'operational', region: 'host-base', mode: null });
  });

  it('emits departure, arrival and ready events with plain texts', () => {
    let s = flyUs2().state;
    const texts: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = run(s, assessDeployment);
      s = r.state;
      texts.push(...r.events.filter((e) => e.kind === 'redeploy').map((e) => e.text));
    }
    expect(texts).toEqual([
      'Patriot battery 2 leaves Air Hub for Host Air Base by air: about 2 turns in transit.',
      'Patriot battery 2 arrives at Host Air Base and sets up there next turn.',
      'Patriot battery 2 is set up at Host Air Base and ready to engage.',
    ]);
  });

  it('by sea: 4 turns at sea, then 1 turn of setup', () => {
    let s = sailK1('host-port').state;
    s = assess(s);
    expect(battery(s, 'k-1')).toMatchObject({ status: 'transit', turnsLeft: 4 });
    s = assess(s, 3);
    expect(battery(s, 'k-1')).toMatchObject({ status: 'transit', turnsLeft: 1, region: 'k-port' });
    s = assess(s);
    expect(battery(s, 'k-1')).toMatchObject({ status: 'setup', region: 'host-port' });
    s = assess(s);
    expect(battery(s, 'k-1').status).toBe('operational');
  });

  it('shares the airlift first come, first served in battery order', () => {
    let s = flyUs2().state;
    s = act(onStep(s, 'deployment', 'us'), { type: 'orderRedeploy', role: 'us', battery: 'us-1', to: 'host-base', mode: 'air' }).state;
    s = assess(s, 2);
    expect([battery(s, 'us-1').loadsLeft, battery(s, 'us-2').loadsLeft]).toEqual([6, 18]);
    s = assess(s);
    expect([battery(s, 'us-1').status, battery(s, 'us-2').loadsLeft]).toEqual(['setup', 12]);
  });

  it('a battery packing this turn does not cover its region against this turn\'s threats', () => {
    const s = flyUs2().state;
    expect(coverage(s)['air-hub']).toEqual({ full: [], half: [] });
  });
});

describe('reload', () => {
  const withRounds = (rounds: number, stock: number) =>
    edit(newGame(), (d) => { battery(d, 'us-2').rounds = rounds; d.stocks['us|mse|east'] = stock; });

  it('refills an operational battery from its owner\'s theatre stock', () => {
    const s = assess(withRounds(60, 100));
    expect([battery(s, 'us-2').rounds, s.stocks['us|mse|east']]).toEqual([72, 88]);
  });

  it('refills only what the stock holds', () => {
    const s = assess(withRounds(60, 5));
    expect([battery(s, 'us-2').rounds, s.stocks['us|mse|east']]).toEqual([65, 0]);
  });

  it('does not reload a battery on the move', () => {
    const s = assess(edit(flyUs2().state, (d) => { battery(d, 'us-2').rounds = 10; }));
    expect(battery(s, 'us-2').rounds).toBe(10);
  });
});

describe('credibility', () => {
  const moveUs1 = () => act(deploymentFor('us'), { type: 'orderRedeploy', role: 'us', battery: 'us-1', to: 'host-base', mode: 'air' }).state;

  it('costs the host\'s trust 1 after 2 turns away, not after 1', () => {
    const before = newGame().tracks['trust:korea+us'];
    const one = assess(moveUs1());
    expect([battery(one, 'us-1').awayTurns, one.tracks['trust:korea+us']]).toEqual([1, before]);
    const two = assess(one);
    expect([battery(two, 'us-1').awayTurns, two.tracks['trust:korea+us']]).toEqual([2, before! - 1]);
  });

  it('costs nothing for a battery leaving its owner\'s own region', () => {
    const s = assess(flyUs2().state, 4);
    expect(battery(s, 'us-2').awayTurns).toBe(0);
  });

  it('returning home resets the count', () => {
    const away = assess(moveUs1(), 1);
    const back = assess(edit(away, (d) => { Object.assign(battery(d, 'us-1'), { region: 'k-city', status: 'operational', destination: null }); }));
    expect(battery(back, 'us-1').awayTurns).toBe(0);
  });
});

describe('coverage', () => {
  it('an ally\'s battery covers a region only with a defence pact or alliance', () => {
    const s = newGame();
    expect(coverage(s)['k-city']?.full).toEqual([]);
    expect(coverage(edit(s, (d) => { d.agreements.push(pact('defencePact', ['us', 'korea'])); }))['k-city']?.full).toEqual(['us-1']);
    expect(coverage(edit(s, (d) => { d.agreements.push(pact('alliance', ['host', 'korea', 'us'])); }))['k-city']?.full).toEqual(['us-1']);
    expect(coverage(edit(s, (d) => { d.agreements.push(pact('intelSharing', ['us', 'korea'])); }))['k-city']?.full).toEqual([]);
  });

  it('half cover counts for an adjacent region only', () => {
    const s = edit(newGame(), (d) => { battery(d, 'us-2').halfCover = 'host-port'; d.agreements.push(pact('defencePact', ['us', 'host'])); });
    expect(coverage(s)['host-port']?.half).toEqual([]);
    const adjacent = edit(s, (d) => { battery(d, 'us-2').halfCover = 'host-base'; });
    expect(coverage(adjacent)['host-base']).toEqual({ full: ['host-1'], half: ['us-2'] });
  });
});

describe('setHalfCover and setDoctrine', () => {
  const s = deploymentFor('us');

  it('sets the half-covered region, and clears it', () => {
    const set = act(s, { type: 'setHalfCover', role: 'us', battery: 'us-2', region: 'k-city' }).state;
    expect(battery(set, 'us-2').halfCover).toBe('k-city');
    const cleared = act(onStep(set, 'deployment', 'us'), { type: 'setHalfCover', role: 'us', battery: 'us-2', region: null }).state;
    expect(battery(cleared, 'us-2').halfCover).toBeNull();
  });

  it('rejects a region that is not next door, or no change', () => {
    expect(rejection(s, { type: 'setHalfCover', role: 'us', battery: 'us-2', region: 'k-port' })).toMatchObject({
      code: 'target/invalid', message: 'Korean Port is not next to Air Hub: a battery half-covers only a region joined to its own by a lane.',
    });
    expect(rejection(s, { type: 'setHalfCover', role: 'us', battery: 'us-2', region: null })).toMatchObject({ code: 'target/invalid', message: 'Patriot battery 2 does not half-cover any region now.' });
    expect(rejection(s, { type: 'setHalfCover', role: 'us', battery: 'us-2', region: 'mars' })).toMatchObject({ code: 'target/unknown', message: 'There is no such region.' });
  });

  it('sets the doctrine of the role for one threat kind', () => {
    const next = act(s, { type: 'setDoctrine', role: 'us', threat: 'drone', doctrine: 'shootLookShoot' }).state;
    expect(next.doctrines.us).toEqual({ drone: 'shootLookShoot', ballistic: 'barrage' });
  });

  it('rejects the doctrine already in force, and junk', () => {
    expect(rejection(s, { type: 'setDoctrine', role: 'us', threat: 'ballistic', doctrine: 'barrage' })).toMatchObject({
      code: 'target/invalid', message: 'United States already fires a two-shot barrage at ballistic missiles.',
    });
    expect(rejection(s, { type: 'setDoctrine', role: 'us', threat: 'cruise' as never, doctrine: 'single' })?.code).toBe('action/malformed');
    expect(rejection(s, { type: 'setDoctrine', role: 'us', threat: 'drone', doctrine: 'salvo' as never })?.code).toBe('action/malformed');
  });
});

describe('legalDeployment', () => {
  it('offers only actions that pass the checks, with an estimate and the gap left', () => {
    for (const role of ['us', 'korea', 'host']) {
      const s = deploymentFor(role);
      const legal = legalDeployment(s, role);
      expect(legal.length).toBeGreaterThan(0);
      for (const l of legal) expect(checkAction(s, l.action)).toBeNull();
    }
    const fly = legalDeployment(deploymentFor('us'), 'us').find((l) => l.action.type === 'orderRedeploy' && l.action.battery === 'us-2' && l.action.to === 'host-base');
    expect(fly?.effect).toBe('Patriot battery 2 packs up this turn and goes from Air Hub to Host Air Base by air (about 2 turns in transit, then 1 turn to set up). Air Hub is left without cover meanwhile.');
  });

  it('counts the airlift already booked in the estimate', () => {
    const s = onStep(flyUs2().state, 'deployment', 'us');
    const fly = legalDeployment(s, 'us').find((l) => l.action.type === 'orderRedeploy' && l.action.battery === 'us-1' && l.action.mode === 'air');
    expect(fly?.effect).toContain('about 3 turns in transit');
  });

  it('offers nothing outside the deployment phase, or to a role without batteries', () => {
    expect(legalDeployment(onStep(newGame(), 'industry', 'us'), 'us')).toEqual([]);
    expect(legalDeployment(deploymentFor('red'), 'red')).toEqual([]);
  });

  it('the flow reaches a role through legalActions', () => {
    expect(legalActions(deploymentFor('us'), 'us').some((l) => l.action.type === 'orderRedeploy')).toBe(true);
  });
});
