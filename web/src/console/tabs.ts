/**
 * An ARIA tab list over existing buttons (role="tab", aria-controls → panel id): click or
 * Left/Right/Home/End to switch; `onShow` runs when a tab becomes visible.
 */
export class Tabs {
  private readonly tabs: HTMLButtonElement[];
  active: string;

  constructor(
    list: HTMLElement,
    private readonly onShow: (name: string) => void,
  ) {
    this.tabs = Array.from(list.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
    this.active = this.tabs.find((t) => t.getAttribute('aria-selected') === 'true')?.dataset.tab ?? this.tabs[0]?.dataset.tab ?? '';
    for (const tab of this.tabs) {
      tab.addEventListener('click', () => this.select(tab.dataset.tab ?? '', true));
      tab.addEventListener('keydown', (event) => this.key(event, tab));
    }
  }

  private key(event: KeyboardEvent, tab: HTMLButtonElement): void {
    const i = this.tabs.indexOf(tab);
    const n = this.tabs.length;
    const next = event.key === 'ArrowRight' ? (i + 1) % n : event.key === 'ArrowLeft' ? (i - 1 + n) % n : event.key === 'Home' ? 0 : event.key === 'End' ? n - 1 : -1;
    if (next < 0) return;
    event.preventDefault();
    this.select(this.tabs[next]?.dataset.tab ?? '', true);
  }

  select(name: string, focus = false): void {
    for (const tab of this.tabs) {
      const on = tab.dataset.tab === name;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !on;
      if (on && focus) tab.focus();
    }
    this.active = name;
    this.onShow(name);
  }
}
