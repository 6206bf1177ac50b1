import { parentPort, workerData } from 'node:worker_threads';
import { setCoreAutoFreeze, type Seats } from '../core';
import { playGame } from '../bots';
import { loadScenario } from './scenarioFiles';
import { gameResult } from './balanceStats';

// A worker thread of `npm run balance`: plays the seeds it is sent and posts each game's result.

export interface BalanceJob { file: string; seats: Seats; seeds: number[] }

setCoreAutoFreeze(false);
const port = parentPort;
if (port) {
  port.on('message', (job: BalanceJob | null) => {
    if (job === null) { port.close(); return; }
    const loaded = loadScenario(job.file);
    if (!loaded.ok) throw new Error(loaded.message);
    for (const seed of job.seeds) port.postMessage(gameResult(seed, playGame(loaded.value.scenario, String(seed), job.seats, { turnHashes: false })));
    port.postMessage('done');
  });
  void workerData;
}
