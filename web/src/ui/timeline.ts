/**
 * Time: an "as of" slider over the dates at which relationships start or end (GET /api/timeline),
 * snapping to the dates that exist, with a play-through that steps one date per
 * DEFAULTS.playStepMs. The last slider position means "any date" (no asOf filter).
 *
 * The dates are those of the relationships touching the actors on the canvas (the API's `ids`, up
 * to DEFAULTS.timelineIdsUpTo actors; beyond, the whole graph's), read again when the set of
 * actors changes (not when only the filters do). The bar is hidden while there is no date.
 *
 * A move of the slider is one view change (an undo step, a history entry); a play-through
 * replaces the URL at each step (replaceState) and leaves no undo step per date, so Back after a
 * play returns to the view before it.
 */
import { api } from '../api.js';
import type { Explorer } from '../app.js';
import { DEFAULTS } from '../graph/defaults.js';

export interface TimelineElements {
  bar: HTMLElement;
  slider: HTMLInputElement;
  label: HTMLElement;
  play: HTMLButtonElement;
  clear: HTMLButtonElement;
}

/** The distinct start/end dates of the events, in the API's date order. */
export function datesOf(events: readonly { date: string; kind: string }[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    if ((e.kind !== 'since' && e.kind !== 'until') || seen.has(e.date)) continue;
    seen.add(e.date);
    out.push(e.date);
  }
  return out;
}

/** The slider index for an asOf: its date, else the last date before it, else the first; `dates.length` for none. */
export function indexOf(dates: readonly string[], asOf: string | null): number {
  if (asOf === null) return dates.length;
  const exact = dates.indexOf(asOf);
  if (exact >= 0) return exact;
  let best = 0;
  dates.forEach((d, i) => {
    if (d <= asOf) best = i;
  });
  return best;
}

export class TimelineControl {
  dates: string[] = [];
  private playing = false;
  /** The actor set the dates were read for (sorted ids joined), and the pending re-read. */
  private scope: string | null = null;
  private reload: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly explorer: Explorer,
    private readonly el: TimelineElements,
  ) {
    el.slider.addEventListener('input', () => this.showLabel(Number(el.slider.value)));
    el.slider.addEventListener('change', () => {
      this.stop();
      void this.apply(Number(el.slider.value), 'push');
    });
    el.play.addEventListener('click', () => (this.playing ? this.stop() : void this.play()));
    el.clear.addEventListener('click', () => {
      this.stop();
      void this.apply(this.dates.length, 'push');
    });
    explorer.onViewChange.push(() => {
      this.sync();
      this.scheduleLoad();
    });
  }

  /** Reads the dates again (soon) if the actors on the canvas changed. */
  private scheduleLoad(): void {
    const ids = this.explorer.cy.nodes().map((n) => n.id()).sort();
    const key = ids.join(',');
    if (key === this.scope) return;
    this.scope = key;
    clearTimeout(this.reload);
    this.reload = setTimeout(() => {
      this.load(ids).catch((error: Error) => this.explorer.showError(`Could not load the dates for the “as of” slider (${error.message}); everything else works. Reload the page to try again.`));
    }, 200);
  }

  /** Reads the dated relationships' dates for the given actors (up to the API's event limit). */
  async load(ids: readonly string[]): Promise<void> {
    const timeline = ids.length === 0 || this.explorer.scene ? { events: [] } : await api.timeline(ids.length <= DEFAULTS.timelineIdsUpTo ? ids : undefined);
    if (this.scope !== [...ids].sort().join(',')) return; // the canvas changed meanwhile
    this.dates = datesOf(timeline.events);
    this.el.bar.hidden = this.dates.length === 0;
    this.el.slider.min = '0';
    this.el.slider.max = String(this.dates.length);
    this.el.slider.dataset.dates = this.dates.join(',');
    this.sync();
  }

  private asOfAt(index: number): string | null {
    return index >= this.dates.length ? null : (this.dates[index] ?? null);
  }

  private showLabel(index: number): void {
    const asOf = this.asOfAt(index);
    const text = asOf ?? 'any date';
    this.el.label.textContent = asOf ? `As of ${asOf}` : 'Any date';
    this.el.slider.setAttribute('aria-valuetext', text);
  }

  /** Puts the slider where the explorer's asOf is (after a URL restore, the filter form, back/forward). */
  sync(): void {
    if (this.dates.length === 0) return;
    const index = indexOf(this.dates, this.explorer.filters.asOf);
    if (!this.playing) this.el.slider.value = String(index);
    this.showLabel(index);
    this.el.clear.disabled = this.explorer.filters.asOf === null;
  }

  private apply(index: number, url: 'push' | 'replace'): Promise<unknown> {
    const asOf = this.asOfAt(index);
    this.showLabel(index);
    if (asOf === this.explorer.filters.asOf) return Promise.resolve();
    return this.explorer.applyFilters({ ...this.explorer.filters, asOf }, { url, undoable: url === 'push' });
  }

  /** Steps through the dates from the current one (from the first when at "any date"). */
  async play(): Promise<void> {
    if (this.dates.length === 0) return;
    this.playing = true;
    this.el.play.textContent = '❚❚ Pause';
    this.el.play.setAttribute('aria-pressed', 'true');
    let index = Number(this.el.slider.value);
    if (index >= this.dates.length - 1) index = 0;
    while (this.playing && index < this.dates.length) {
      const started = performance.now();
      this.el.slider.value = String(index);
      await this.apply(index, 'replace');
      const wait = DEFAULTS.playStepMs - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      index += 1;
    }
    this.stop();
  }

  stop(): void {
    this.playing = false;
    this.el.play.textContent = '▶ Play';
    this.el.play.setAttribute('aria-pressed', 'false');
  }
}
