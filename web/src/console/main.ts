/**
 * Entry of the console page (console.html): builds the page controller and the editor, loads
 * the schema (for autocompletion), the saved queries and the health line, and wires the buttons.
 * Imports nothing of the explorer's controller; the explorer imports nothing of this.
 */
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import '../style.css';
import './console.css';
import { api } from '../api.js';
import { byId } from '../ui/dom.js';
import { consoleApi } from './api.js';
import { ConsolePage } from './console-page.js';
import { CONSOLE_DEFAULTS } from './defaults.js';
import { createEditor } from './editor.js';
import { loadSavedQueries } from './saved-queries.js';
import { showError } from './error-view.js';

declare global {
  interface Window {
    /** The console's controller, for debugging and browser tests. */
    sightlineConsole?: ConsolePage;
  }
}

const page = new ConsolePage();
window.sightlineConsole = page;
const editor = createEditor(byId('editor'), page.history[0]?.query ?? CONSOLE_DEFAULTS.starterQuery, {
  run: () => void page.run('run'),
  history: (direction) => page.stepHistory(direction),
});
page.attachEditor(editor);
// The skip link targets the editor's wrapper; pass the focus on to the text.
byId('editor').addEventListener('focus', (event) => {
  if (event.target === byId('editor')) editor.focus();
});

byId('btn-run').addEventListener('click', () => void page.run('run'));
byId('btn-explain').addEventListener('click', () => void page.run('explain'));
byId('btn-profile').addEventListener('click', () => void page.run('profile'));
byId('btn-cancel').addEventListener('click', () => page.cancel());
byId('btn-csv').addEventListener('click', () => page.downloadCsv());
byId('btn-explorer').addEventListener('click', () => page.openInExplorer());
byId('history-clear').addEventListener('click', () => page.clearHistory());

const saveForm = byId<HTMLFormElement>('save-view-form');
const saveButton = byId('btn-save-view');
const toggleSave = (open: boolean) => {
  saveForm.hidden = !open;
  saveButton.setAttribute('aria-expanded', String(open));
  if (open) byId('save-view-title').focus();
};
saveButton.addEventListener('click', () => toggleSave(saveForm.hidden));
byId('save-view-cancel').addEventListener('click', () => toggleSave(false));
saveForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const title = byId<HTMLInputElement>('save-view-title').value.trim();
  if (!title) return;
  toggleSave(false);
  void page.saveAsView(title);
});

/** Ctrl/Cmd+Enter runs from anywhere on the page (the editor handles it itself when focused). */
document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key === 'Enter' && !event.defaultPrevented) {
    event.preventDefault();
    void page.run('run');
  } else if (event.key === 'Escape' && byId('app').getAttribute('aria-busy') === 'true') {
    page.cancel();
  }
});

void consoleApi
  .schema()
  .then((schema) => page.setSchema(schema))
  .catch((error: unknown) => showError(byId('console-error'), error));

void loadSavedQueries(byId('saved-list'), {
  opened: (query) => {
    editor.setValue(query.cypher, 'start');
    page.adoptDefaults(query);
    page.notice(`${query.title}: fill in its parameters in the sidebar and run it there, or edit the Cypher and press Ctrl+Enter.`);
  },
  run: (query, params) => void page.runSaved(query, params),
  error: (error) => showError(byId('console-error'), error),
});

/** The health line; retried while Neo4j or the server does not answer. */
async function showHealth(): Promise<void> {
  const status = byId('status');
  try {
    const body = await api.health();
    if (body.neo4j) {
      status.textContent = `Neo4j ${body.neo4j.version}`;
      return;
    }
    status.textContent = 'Neo4j is not reachable; retrying…';
  } catch {
    status.textContent = 'The Sightline server is not answering; retrying…';
  }
  setTimeout(() => void showHealth(), CONSOLE_DEFAULTS.healthRetryMs);
}
void showHealth();
