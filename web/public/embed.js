// @ts-check
/**
 * Sightline embed script: `<script src="https://<sightline>/embed.js" async></script>` defines
 * `<sightline-graph view="<viewId>" [theme="dark"] [interactive="0"] [title="…"]>`, an iframe of
 * /embed/<viewId> that resizes itself to the height the embed asks for (postMessage). Messages are
 * accepted only from this script's own origin, from that element's iframe, in the expected shape.
 * Plain JavaScript, no dependencies, served as is.
 */
(() => {
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  const origin = script ? new URL(script.src, window.location.href).origin : window.location.origin;
  const VIEW_ID = /^[0-9A-Za-z]{16}$/;
  const MESSAGE_TYPE = 'sightline:embed-size';
  /** Bounds of the iframe height (px) whatever the embed asks for. */
  const MIN_HEIGHT = 200;
  const MAX_HEIGHT = 1600;
  const DEFAULT_HEIGHT = 520;
  /** @type {Set<SightlineGraph>} */
  const mounted = new Set();

  class SightlineGraph extends HTMLElement {
    static get observedAttributes() {
      return ['view', 'theme', 'interactive', 'title'];
    }

    constructor() {
      super();
      /** @type {HTMLIFrameElement | null} */
      this.frame = null;
    }

    connectedCallback() {
      mounted.add(this);
      this.render();
    }

    disconnectedCallback() {
      mounted.delete(this);
    }

    attributeChangedCallback() {
      if (this.isConnected) this.render();
    }

    render() {
      const view = this.getAttribute('view') ?? '';
      if (!VIEW_ID.test(view)) {
        this.textContent = 'Sightline: this graph has no valid view id.';
        this.frame = null;
        return;
      }
      const src = new URL(`/embed/${view}`, origin);
      const theme = this.getAttribute('theme');
      if (theme === 'light' || theme === 'dark') src.searchParams.set('theme', theme);
      if (this.getAttribute('interactive') === '0') src.searchParams.set('interactive', '0');
      const frame = this.frame ?? document.createElement('iframe');
      frame.title = this.getAttribute('title') || 'Sightline graph';
      frame.setAttribute('loading', 'lazy');
      frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
      frame.style.width = '100%';
      frame.style.border = '0';
      frame.style.display = 'block';
      if (!frame.style.height) frame.style.height = `${DEFAULT_HEIGHT}px`;
      if (frame.src !== src.href) frame.src = src.href;
      if (!this.frame) {
        this.replaceChildren(frame);
        this.frame = frame;
      }
      this.style.display = 'block';
    }
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== origin) return;
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== MESSAGE_TYPE || data.version !== 1) return;
    if (typeof data.height !== 'number' || !Number.isFinite(data.height) || typeof data.viewId !== 'string') return;
    for (const element of mounted) {
      if (!element.frame || element.frame.contentWindow !== event.source) continue;
      if (element.getAttribute('view') !== data.viewId) continue;
      const height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, data.height)));
      element.frame.style.height = `${height}px`;
    }
  });

  if (!customElements.get('sightline-graph')) customElements.define('sightline-graph', SightlineGraph);
})();
