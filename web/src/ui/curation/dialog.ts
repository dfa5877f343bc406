/**
 * Modal forms for curation: a native <dialog> (focus trapped, Esc closes) holding a form whose
 * submit runs an async action; an API error is shown in the form and, when it names a field,
 * that field is marked and focused. Text always goes in as text (see ../dom.ts).
 */
import { h } from '../dom.js';
import { WriteError } from './client.js';

let counter = 0;
/** A unique id for a form control (labels need one). */
export const uid = (name: string): string => `cur-${name}-${++counter}`;

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A labelled control; `name` is the API field it feeds (for error marking). */
export function field(label: string, control: Control, hint?: string): HTMLElement {
  if (!control.id) control.id = uid(control.name || 'field');
  return h('div', { className: 'field cur-field', 'data-field': control.name }, h('label', { for: control.id }, label), control, hint ? h('p', { className: 'cur-hint muted' }, hint) : null);
}

export function input(name: string, attrs: Record<string, string | number | boolean> = {}): HTMLInputElement {
  return h('input', { type: 'text', name, ...attrs });
}

export function textarea(name: string, attrs: Record<string, string | number | boolean> = {}): HTMLTextAreaElement {
  return h('textarea', { name, rows: 3, ...attrs });
}

export function select(name: string, options: Array<{ value: string; label: string }>, value?: string): HTMLSelectElement {
  const el = h('select', { name }, options.map((o) => h('option', { value: o.value }, o.label)));
  if (value !== undefined) el.value = value;
  return el;
}

export interface FormDialog {
  dialog: HTMLDialogElement;
  form: HTMLFormElement;
  close(): void;
}

/**
 * Opens a modal form. `submit` returns normally to close it, or throws: a WriteError's message
 * is shown (and its field marked), the dialog stays open with what was typed.
 */
export function openForm(title: string, body: Array<HTMLElement | null>, submitLabel: string, submit: () => Promise<void>, opts: { danger?: boolean; id?: string } = {}): FormDialog {
  const titleId = uid('title');
  const error = h('p', { className: 'cur-error', role: 'alert', hidden: true });
  const ok = h('button', { type: 'submit', className: `btn ${opts.danger ? 'btn--danger' : 'btn--primary'}`, 'data-action': 'submit' }, submitLabel);
  const cancel = h('button', { type: 'button', className: 'btn', 'data-action': 'cancel' }, 'Cancel');
  const form = h('form', { className: 'cur-form', method: 'dialog', novalidate: true }, h('h2', { id: titleId, className: 'cur-form__title' }, title), ...body, error, h('div', { className: 'cur-form__buttons' }, ok, cancel));
  const dialog = h('dialog', { className: 'cur-dialog', 'aria-labelledby': titleId, ...(opts.id ? { id: opts.id } : {}) }, form);
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  cancel.addEventListener('click', close);
  dialog.addEventListener('cancel', () => setTimeout(() => dialog.remove(), 0));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.hidden = true;
    for (const marked of form.querySelectorAll('.cur-field--invalid')) marked.classList.remove('cur-field--invalid');
    ok.disabled = true;
    submit()
      .then(close)
      .catch((e: unknown) => {
        error.textContent = e instanceof Error ? e.message : String(e);
        error.hidden = false;
        if (e instanceof WriteError && e.field) {
          // "claims.0.quote" → the first control fed by "quote"; "kind" → the kind select.
          const last = e.field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? e.field;
          const wrap = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(last)}"]`);
          wrap?.classList.add('cur-field--invalid');
          wrap?.querySelector<HTMLElement>('input, select, textarea')?.focus();
        }
      })
      .finally(() => {
        ok.disabled = false;
      });
  });
  document.body.append(dialog);
  dialog.showModal();
  return { dialog, form, close };
}

/** Trimmed value, or undefined when empty. */
export const valueOf = (control: Control): string | undefined => {
  const v = control.value.trim();
  return v === '' ? undefined : v;
};

/** A comma- or newline-separated list ("Azure, Microsoft Azure") as a list of non-empty names. */
export const listOf = (control: Control): string[] =>
  control.value
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
