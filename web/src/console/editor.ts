/**
 * The Cypher editor: @neo4j-cypher/codemirror (CodeMirror 6) with its syntax highlighting,
 * schema-fed autocompletion and lint (inline syntax errors), plus the console's keys
 * (Ctrl/Cmd+Enter runs, Ctrl/Cmd+Up/Down walk the history) and a way to mark the position of
 * an error Neo4j reported.
 */
import { forEachDiagnostic, forceLinting, linter, type Diagnostic } from '@codemirror/lint';
import { Prec, StateEffect } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { createCypherEditor, type EditorApi } from '@neo4j-cypher/codemirror';
import type { EditorSupportSchema } from '@neo4j-cypher/editor-support';
import { errorRange } from './positions.js';
import type { ErrorPosition } from './types.js';

export interface EditorHandlers {
  run(): void;
  history(direction: 'older' | 'newer'): void;
}

export interface ConsoleEditor {
  readonly api: EditorApi;
  getValue(): string;
  /** Replaces the text; the cursor goes to its end (history) or start (a saved query, read from the top). */
  setValue(text: string, cursor?: 'start' | 'end'): void;
  focus(): void;
  setSchema(schema: EditorSupportSchema): void;
  /** Underlines the error Neo4j reported, until the text changes. */
  markError(message: string, position: ErrorPosition): void;
  /** The diagnostics shown now (the package's lint and Neo4j's), for tests and debugging. */
  diagnostics(): { from: number; to: number; message: string; source: string | undefined }[];
}

export function createEditor(parent: HTMLElement, initial: string, handlers: EditorHandlers): ConsoleEditor {
  const keys = Prec.highest(
    keymap.of([
      { key: 'Mod-Enter', run: () => (handlers.run(), true), preventDefault: true },
      { key: 'Mod-ArrowUp', run: () => (handlers.history('older'), true), preventDefault: true },
      { key: 'Mod-ArrowDown', run: () => (handlers.history('newer'), true), preventDefault: true },
    ]),
  );
  // Neo4j's error, as a second lint source next to the package's parser: shown while the text is
  // the text that was run (a lint source, not a one-off setDiagnostics, so the package's next lint
  // pass does not wipe it).
  let serverError: { text: string; diagnostic: Diagnostic } | null = null;
  // A new error is announced with an effect, so the lint plugin re-runs even when idle.
  const serverErrorChanged = StateEffect.define<null>();
  const serverLint = linter((v) => (serverError && v.state.doc.toString() === serverError.text ? [serverError.diagnostic] : []), {
    delay: 0,
    needsRefresh: (update) => update.transactions.some((tr) => tr.effects.some((e) => e.is(serverErrorChanged))),
  });
  const created = createCypherEditor(parent, {
    value: initial,
    autofocus: false,
    lint: true,
    lineNumbers: true,
    lineWrapping: true,
    // Tab moves focus out of the editor (keyboard users must be able to leave it).
    tabKey: false,
    placeholder: 'MATCH (a:Actor) RETURN a LIMIT 10   — Ctrl+Enter runs',
    tooltipAbsolute: false,
    preExtensions: [keys],
    postExtensions: [
      serverLint,
      EditorView.contentAttributes.of({ 'aria-label': 'Cypher query. Ctrl+Enter runs it; Ctrl+Up and Ctrl+Down walk the history.' }),
    ],
  });
  // The typings say the factory returns the API; at runtime (1.0.3) it is wrapped as `{ editor }`.
  const api = ('editor' in created ? (created as unknown as { editor: EditorApi }).editor : created) as EditorApi;
  // The package's typings reach @codemirror/* through its CommonJS declarations; the runtime
  // object is the one EditorView class, so view it through this module's (ESM) declarations.
  const view = api.codemirror as unknown as EditorView;
  return {
    api,
    getValue: () => view.state.doc.toString(),
    setValue: (text, cursor = 'end') => {
      api.setValue(text);
      api.setPosition(cursor === 'end' ? text.length : 0);
    },
    focus: () => api.focus(),
    setSchema: (schema) => api.setSchema(schema),
    markError: (message, position) => {
      const text = view.state.doc.toString();
      const { from, to } = errorRange(text, position);
      serverError = { text, diagnostic: { from, to, severity: 'error', message, source: 'Neo4j' } };
      view.dispatch({ effects: serverErrorChanged.of(null) });
      forceLinting(view);
    },
    diagnostics: () => {
      const out: { from: number; to: number; message: string; source: string | undefined }[] = [];
      forEachDiagnostic(view.state, (d, from, to) => out.push({ from, to, message: d.message, source: d.source }));
      return out;
    },
  };
}
