import * as Phaser from 'phaser';
import { browserStorage, discardKept, inspectAutosave, keptSaves, tabStorage, type SaveStorage, type SlotState } from '../app/autosave';
import { loadCatalogue, shippedScenarios } from '../app/catalogue';
import { fileFallbackText, openLink, shareFor, type LinkStart } from '../app/linkStart';
import { importReplayText, replayFileOf } from '../app/replayImport';
import { readScenarioText } from '../app/scenarioFile';
import { currentSession, endSession, markInGame, randomSeed, startSession, wasInGame } from '../app/session';
import { reopenViewer, viewImported, viewLog } from '../app/viewerSession';
import { discardKeptReplay, keptReplays } from '../app/viewerResume';
import { defaultSeats, turnLabel, type Scenario } from '../core';
import { h } from '../ui/dom';
import { renderMenu } from '../ui/menu';
import { mountOverlay, sceneLayer } from '../ui/overlay';
import { setShortcuts } from '../ui/keys';
import { classroomSetup } from '../ui/facilitatorSetup';
import { projectorRequest } from '../ui/projectorChannel';
import { buildLink } from '../app/shareLink';
import { downloadText, importDialog, showShared } from '../ui/replayDialogs';
import { VIEWER_SPEEDS } from '../ui/replayViewer';
import { drawBackdrop } from '../view/backdrop';
import { label } from '../view/draw';
import { palette } from '../view/theme';

/** Opening the page the first time (a share link or a reload to resume) is handled once. */
let booted = false;
/** A game link waits in the address bar (at boot, or pasted in later). */
let linkPending = true;

/** The title screen: scenarios, seats and seed (DOM panels over a Phaser backdrop). */
export class MainMenu extends Phaser.Scene {
  constructor() {
    super('MainMenu');
  }

  create(): void {
    // A projector window (opened from the facilitator console) follows that game instead.
    if (projectorRequest()) { this.scene.start('Projector'); return; }
    const firstVisit = !booted;
    booted = true;
    if (firstVisit) {
      // A game link pasted into this tab's address bar later changes only the fragment: open it too.
      const game = this.game;
      window.addEventListener('hashchange', () => {
        if (!location.hash.includes('game=')) return;
        linkPending = true;
        game.scene.getScenes(true)[0]?.scene.start('MainMenu');
      });
    }
    // A reload in the middle of a game goes straight back to it; opening the page anew shows the menu with "Resume".
    const resumeNow = firstVisit && wasInGame();
    markInGame(false);
    if (currentSession()) endSession();
    drawBackdrop(this);
    this.add.image(70, 62, 'emblem').setDisplaySize(84, 84);
    label(this, 126, 30, 'Forge & Shield', { size: 44, bold: true, colour: palette.accent });
    label(this, 128, 82, 'A strategy game of defence partnerships: build together, defend together.', { size: 18, colour: palette.textMuted });
    mountOverlay(this.game.canvas);
    const layer = sceneLayer('menu', this);
    setShortcuts([]);
    const catalogue = loadCatalogue();
    const shipped = shippedScenarios();
    const storage = browserStorage();
    const slot: SlotState = storage ? inspectAutosave(storage) : { kind: 'empty' };
    // A reload while watching a replay goes back to it (a link in the address bar comes first).
    const linkNow = linkPending && location.hash.includes('game=');
    const reopened = reopenViewer(firstVisit && !linkNow, shipped, VIEWER_SPEEDS.map((s) => s.id));
    const linkNotice = h('div', { class: 'menu-notice notice-bad', role: 'alert', hidden: true });
    const notices = [linkNotice, ...this.#saveNotices(slot, storage), ...this.#replayNotices(shipped)];
    renderMenu(layer, {
      entries: catalogue,
      seed: randomSeed(),
      newSeed: randomSeed,
      readFile: readScenarioText,
      defaultSeats,
      classroom: (sc, current) => classroomSetup(sc, current, (scenario, seats, seed) =>
        buildLink(location.href, { v: 1, kind: 'session', scenario: scenario.id, seed, seats })),
      notices,
      onStart: (scenario, seats, seed) => {
        startSession(scenario, seats, seed);
        this.scene.start('Briefing');
      },
      onOpenReplay: (text, fileName) => {
        const result = importReplayText(text, shipped);
        importDialog(fileName, result, () => {
          if (result.kind === 'unusable') return;
          viewImported(result, fileName);
          this.scene.start('ReplayViewer');
        });
      },
      onShare: (scenario, seats, seed) => void this.#share(scenario, seats, seed, shipped),
    });
    // A game to resume (its card is there only then): Resume has the focus, after the menu's own.
    queueMicrotask(() => layer.querySelector<HTMLElement>('.notice-resume button')?.focus());
    linkPending = false;
    if (linkNow) { void this.#openFromLink(shipped, linkNotice); return; }
    if (reopened.kind === 'open' && firstVisit) { this.scene.start('ReplayViewer'); return; }
    if (resumeNow && slot.kind === 'saved') this.#resume(slot);
  }

  #resume(slot: Extract<SlotState, { kind: 'saved' }>): void {
    const { save } = slot;
    // A forked game keeps its original; a damaged origin is reported by the game, which plays on without it.
    startSession(save.scenario, save.seats, save.seed, { log: save.actions, resumed: true, origin: save.origin, originProblem: slot.originProblem });
    this.scene.start('Game');
  }

  /** The resume card, the last finished game, and every save that could not be used (kept, never dropped). */
  #saveNotices(slot: SlotState, storage: SaveStorage | null): HTMLElement[] {
    const out: HTMLElement[] = [];
    if (!storage) out.push(h('div', { class: 'menu-notice', text: 'This browser does not let the game save, so a game cannot be resumed after closing the page. Replay files still work.' }));
    if (slot.kind === 'saved') {
      const { save, state } = slot;
      if (!save.finished) {
        const resume = h('button', { class: 'btn btn-primary', onclick: () => this.#resume(slot) }, 'Resume');
        out.push(h('div', { class: 'menu-notice notice-resume' },
          h('div', {},
            h('strong', { text: `Saved game: ${save.scenario.title}` }),
            h('span', { class: 'muted small', text: ` ${turnLabel(state)}, turn ${state.turn} of ${save.scenario.turns} · seed ${save.seed} · ${save.actions.length} actions. Starting a new game replaces it.` })),
          resume));
      } else {
        const watch = h('button', {
          class: 'btn btn-secondary',
          onclick: () => {
            viewLog(save, 'your last game', 'Your last game, re-run from its save: it came out at the state it was saved with.');
            this.scene.start('ReplayViewer');
          },
        }, 'Watch it');
        out.push(h('div', { class: 'menu-notice' }, h('span', { text: `Your last game: ${save.scenario.title}, seed ${save.seed} (finished).` }), watch));
      }
    }
    for (const kept of storage ? keptSaves(storage) : []) {
      const [heading, after] = kept.part === 'origin'
        ? ['A forked game’s record of its original could not be used', 'The game itself resumed without it; the save as it was is kept in this browser until you discard it.']
        : ['A saved game could not be used', 'It is kept in this browser until you discard it.'];
      out.push(keptCard(heading, `: ${kept.reason}. ${after}`, () => downloadText('forge-shield-unreadable-save.json', kept.text), () => discardKept(storage!, kept.key)));
    }
    return out;
  }

  /** Replays the viewer kept for a reload but could not reopen: reported, downloadable, kept until discarded. */
  #replayNotices(shipped: Scenario[]): HTMLElement[] {
    const stores = { local: browserStorage(), session: tabStorage() };
    return keptReplays(stores.local, stores.session, shipped).map((kept) =>
      keptCard('The replay you were watching could not be reopened', `: ${kept.reason}. It is kept ${kept.where === 'local' ? 'in this browser' : 'in this tab'} until you discard it.`,
        () => downloadText(kept.download.name, kept.download.text), () => { const s = stores[kept.where]; if (s) discardKeptReplay(s, kept.key); }));
  }

  async #share(scenario: Scenario, seats: Parameters<typeof startSession>[1], seed: string, shipped: Scenario[]): Promise<void> {
    showShared(await shareFor(location.href, { scenario, seed, seats }, shipped), `Starts ${scenario.title} with seed ${seed} and these seats, from turn 1.`,
      () => replayFileOf({ scenario, seed, seats, actions: [] }), fileFallbackText);
  }

  async #openFromLink(shipped: Scenario[], notice: HTMLElement): Promise<void> {
    const opened = await openLink(location.hash, shipped);
    // The link has done its work: a reload should resume the game, not start it again.
    history.replaceState(null, '', location.pathname + location.search);
    if (!opened || !this.scene.isActive()) return;
    if (!opened.ok) {
      notice.hidden = false;
      notice.textContent = `${opened.message} Everything else in the menu works as usual.`;
      return;
    }
    this.#startLinked(opened.start);
  }

  #startLinked(start: LinkStart): void {
    if (start.kind === 'play') {
      startSession(start.scenario, start.seats, start.seed);
      this.scene.start('Briefing');
      return;
    }
    viewLog(start, 'a share link', 'Re-run from a share link: the rules accepted every action. (A link carries no recorded hashes to compare with; a replay file does.)');
    this.scene.start('ReplayViewer');
  }
}

/** A kept save or replay that could not be used: what and why, "Download it" and "Discard" (which also removes the card). */
function keptCard(heading: string, why: string, onDownload: () => void, onDiscard: () => void): HTMLElement {
  const el = h('div', { class: 'menu-notice notice-bad', role: 'alert' },
    h('div', {}, h('strong', { text: heading }), h('span', { class: 'small', text: why })),
    h('div', { class: 'notice-buttons' },
      h('button', { class: 'btn btn-secondary', onclick: onDownload }, 'Download it'),
      h('button', { class: 'btn btn-danger', onclick: () => { onDiscard(); el.remove(); } }, 'Discard')));
  return el;
}
