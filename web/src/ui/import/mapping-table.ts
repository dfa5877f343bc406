/**
 * The Import dialog's CSV column mapping: once CSV files are chosen, their header rows are read in
 * the browser and, for each of Sightline's columns, a <select> offers the file's columns (and, for
 * kinds, types, statuses and stances, one value for every row), pre-filled where the names match.
 * A required column left unmapped blocks the import with an inline message. The choices become
 * the `map` sent with the upload (./column-map.ts).
 */
import type { ColumnMap } from '../../../../server/src/import/csv/columns.js';
import { h } from '../dom.js';
import { uid } from '../curation/dialog.js';
import { buildColumnMap, canLeaveUnmapped, fieldSpecs, guessChoices, guessLayout, missingRequired, readHeader, type Choice, type Choices, type Delimiter, type Layout } from './column-map.js';

/** Defaults of the mapping; one comment per option. */
export const MAPPING_DEFAULTS = {
  /** Bytes read from the start of a file to find its header row. */
  headBytes: 64 * 1024,
} as const;

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

interface MappedFile {
  part: 'file' | 'relationships';
  name: string;
  columns: string[];
  delimiter: Delimiter;
  layout: Layout;
  selects: Map<string, HTMLSelectElement>;
}

const encode = (choice: Choice): string => (choice === null ? '' : 'column' in choice ? `column:${choice.column}` : `value:${choice.value}`);
const decode = (value: string): Choice => (value.startsWith('column:') ? { column: value.slice(7) } : value.startsWith('value:') ? { value: value.slice(6) } : null);
const LAYOUT_WORDS: Record<Layout, string> = { actors: 'actors', relationships: 'relationships' };

export class ColumnMapping {
  readonly element = h('section', { className: 'imp-map', 'aria-label': 'Column mapping', 'data-field': 'map', hidden: true });
  private readonly status = h('p', { className: 'imp-map__status', role: 'status', 'data-map': 'status' });
  private files: MappedFile[] = [];
  private generation = 0;
  private reading: Promise<void> = Promise.resolve();

  /** `onChange`: a choice was changed (the dialog then clears an error it may have shown). */
  constructor(private readonly onChange: () => void) {}

  /** Reads the chosen files' headers and draws a table per file (nothing when `parts` is empty: not CSV). */
  update(parts: { file?: File | undefined; relationships?: File | undefined }): Promise<void> {
    const generation = ++this.generation;
    this.reading = (async () => {
      const chosen = (['file', 'relationships'] as const).flatMap((part) => (parts[part] ? [{ part, file: parts[part] as File }] : []));
      const read = await Promise.all(
        chosen.map(async ({ part, file }) => ({ part, name: file.name, ...readHeader(await file.slice(0, MAPPING_DEFAULTS.headBytes).text().catch(() => '')) })),
      );
      if (generation !== this.generation) return;
      this.files = read.map((f) => ({
        ...f,
        // With two files the first holds the actors (as the dialog's labels say); alone, it is guessed from its header.
        layout: f.part === 'relationships' ? 'relationships' : read.length > 1 ? 'actors' : guessLayout(f.columns),
        selects: new Map(),
      }));
      this.render();
    })();
    return this.reading;
  }

  /** Resolves once the files last chosen have been read. */
  settled(): Promise<void> {
    return this.reading;
  }

  /** The column map of the current choices (null: the documented layout, nothing to send). */
  map(): ColumnMap | null {
    if (this.files.length === 0) return null;
    const sections: Partial<Record<Layout, Choices>> = {};
    for (const f of this.files) sections[f.layout] = this.choices(f);
    return buildColumnMap(sections, this.files[0]!.delimiter);
  }

  /**
   * What keeps the import from being sent, in words (null: nothing); marks the selects concerned
   * and focuses the first.
   */
  problem(): string | null {
    const message = this.describeProblem();
    if (message) this.element.querySelector<HTMLSelectElement>('select[aria-invalid="true"]')?.focus();
    return message;
  }

  private choices(f: MappedFile): Choices {
    return Object.fromEntries([...f.selects].map(([field, select]) => [field, decode(select.value)]));
  }

  private describeProblem(): string | null {
    if (this.files.length === 0) return null;
    const [first, second] = this.files;
    if (second && first!.delimiter !== second.delimiter)
      return `The two files separate their columns differently (${DELIMITER_NAMES[first!.delimiter]} and ${DELIMITER_NAMES[second.delimiter]}): save them alike.`;
    if (second && first!.layout === second.layout) return 'Both files hold relationships: choose an actors file first.';
    const missing: string[] = [];
    for (const f of this.files) {
      const gaps = missingRequired(f.layout, this.choices(f));
      for (const [field, select] of f.selects) select.setAttribute('aria-invalid', String(gaps.some((g) => g.split(' or ').includes(field))));
      if (gaps.length > 0) missing.push(`${gaps.join(', ')} (${f.name})`);
    }
    return missing.length > 0 ? `Map the required columns before importing: ${missing.join('; ')}.` : null;
  }

  /** The inline message under the tables: what is still to map, or that all is ready. */
  private refreshStatus(): void {
    const problem = this.describeProblem();
    this.status.textContent = problem ?? 'Every required column is mapped.';
    this.status.classList.toggle('imp-map__status--problem', problem !== null);
  }

  private render(): void {
    this.element.hidden = this.files.length === 0;
    if (this.files.length === 0) {
      this.element.replaceChildren();
      return;
    }
    const tables = this.files.map((f) => this.table(f));
    this.element.replaceChildren(
      h('h3', { className: 'imp-map__title' }, 'Columns'),
      h('p', { className: 'cur-hint muted' }, 'Which column of your file holds each of Sightline’s. Names that match are chosen already; ', h('span', { className: 'imp-map__req' }, 'required'), ' ones must be mapped.'),
      ...tables,
      this.status,
    );
    this.refreshStatus();
  }

  private table(f: MappedFile): HTMLElement {
    f.selects = new Map();
    const guessed = guessChoices(f.layout, f.columns);
    const rows = fieldSpecs(f.layout).map((spec) => {
      const select = h('select', { id: uid(`map-${f.layout}-${spec.field}`), name: `map-${f.layout}-${spec.field}`, 'data-map-field': spec.field, ...(spec.required ? { 'aria-required': 'true' } : {}) });
      if (canLeaveUnmapped(spec.field, f.columns)) select.append(h('option', { value: '' }, spec.required ? '— choose —' : '— not in the file —'));
      select.append(
        h('optgroup', { label: `Columns of ${f.name}` }, f.columns.filter((c) => c !== '').map((c) => h('option', { value: encode({ column: c }) }, c))),
        ...(spec.values ? [h('optgroup', { label: 'Same value on every row' }, spec.values.map((v) => h('option', { value: encode({ value: v.value }) }, `${v.label} (every row)`)))] : []),
      );
      select.value = encode(guessed[spec.field] ?? null);
      select.addEventListener('change', () => {
        this.refreshStatus();
        this.onChange();
      });
      f.selects.set(spec.field, select);
      const hintId = uid('map-hint');
      select.setAttribute('aria-describedby', hintId);
      return h(
        'tr',
        { 'data-map-row': spec.field },
        h(
          'th',
          { scope: 'row' },
          h(
            'label',
            { for: select.id },
            h('code', {}, spec.field),
            spec.required ? h('span', { className: 'imp-map__req' }, 'required') : null,
            spec.orElse ? h('span', { className: 'imp-map__req' }, `required, or ${spec.orElse.join(', ')}`) : null,
          ),
          h('span', { className: 'imp-map__hint', id: hintId }, spec.hint),
        ),
        h('td', {}, select),
      );
    });
    const caption = h('caption', { className: 'imp-map__caption' }, `${f.name}: ${LAYOUT_WORDS[f.layout]}, columns separated by ${DELIMITER_NAMES[f.delimiter]}`);
    const wrap = h('div', { className: 'imp-map__file', 'data-map-file': f.part });
    if (this.files.length === 1) {
      // A file alone may hold either layout: guessed from its header, which the user may correct.
      const layout = h('select', { id: uid('map-layout'), name: 'mapLayout' }, h('option', { value: 'actors' }, 'Actors'), h('option', { value: 'relationships' }, 'Relationships (with their evidence)'));
      layout.value = f.layout;
      layout.addEventListener('change', () => {
        f.layout = layout.value as Layout;
        this.render();
        this.element.querySelector<HTMLSelectElement>('select[name="mapLayout"]')?.focus();
      });
      wrap.append(h('div', { className: 'imp-map__layout' }, h('label', { for: layout.id }, `Rows of ${f.name} are`), layout));
    }
    wrap.append(h('table', { className: 'imp-table imp-map__table' }, caption, h('tbody', {}, rows)));
    return wrap;
  }
}
