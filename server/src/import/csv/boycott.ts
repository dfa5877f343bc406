import { basename } from 'node:path';
import { claimIdFor, namespacedId, shortHash, slugify, sourceIdFor } from '../ids.js';
import { fileBytes, ReadMeter } from '../meter.js';
import type { ImportActor, ImportClaim, ImportItem, ImportReader, ImportSource, ReadOptions, RecordOrigin } from '../model.js';
import { clip, httpUrl, quoteOf } from '../text.js';
import { csvRecords } from './records.js';

/** The columns of the boycott companies list (../shared/datasets/boycott-companies/company_schema.yaml). */
export const BOYCOTT_COLUMNS = ['id', 'name', 'description', 'status'] as const;

export interface BoycottReaderOptions {
  /** Id namespace of the companies (default "boycott": `boycott-<id>`, never merged into curated actors by accident). */
  namespace: string;
}

/** `[^1]: https://…` footnote definitions. */
const FOOTNOTE_DEFINITION = /^\[\^([^\]\s]+)\]:\s*(\S+)\s*$/gm;
/** A `[^1]` marker in the text. */
const FOOTNOTE_MARKER = /\[\^([^\]\s]+)\](?!:)/g;

/** Markdown emphasis and footnote markers removed, whitespace collapsed: the list's words, as written. */
export function plainText(markdown: string): string {
  return markdown.replace(FOOTNOTE_MARKER, '').replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
}

/** The description's footnotes: each URL with the paragraph(s) that cite it. */
export function footnotes(description: string): { label: string; url: string; passage: string }[] {
  const definitions = [...description.matchAll(FOOTNOTE_DEFINITION)].map((m) => ({ label: m[1] as string, url: m[2] as string }));
  const body = description.replace(FOOTNOTE_DEFINITION, '');
  const paragraphs = body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
  return definitions.map((d) => {
    const citing = paragraphs.filter((p) => [...p.matchAll(FOOTNOTE_MARKER)].some((m) => m[1] === d.label));
    return { ...d, passage: plainText((citing.length > 0 ? citing : paragraphs).join(' ')) };
  });
}

/**
 * Reads the boycott companies list (id, name, description, status; descriptions cite their sources
 * as markdown footnotes). Each row becomes a Company actor, with a neutral description (the list's
 * reasons are accusations, so they are stored as claims, not as the actor's description), and a
 * relationship "<list> TARGETS_FOR_BOYCOTT <company>" (status `alleged`) whose claims quote the
 * list's own words, attributed to the list with stance `alleged`, each citing one footnoted URL as
 * its Source. A row without footnotes gets one claim citing the list file itself. The list is an
 * actor of kind Movement (the file does not name who publishes it).
 */
export class BoycottCompaniesReader implements ImportReader {
  readonly label: string;
  private readonly list: ImportActor;
  private readonly listSource: ImportSource;
  private readonly meter = new ReadMeter();

  constructor(
    private readonly path: string,
    private readonly options: BoycottReaderOptions,
  ) {
    this.label = basename(path);
    this.list = {
      id: namespacedId(options.namespace, `list-${slugify(this.label)}`),
      kind: 'Movement',
      name: `Boycott list (${this.label})`,
      aliases: [],
      description: `The boycott campaign behind the list of companies in ${this.label}; the file does not name its publisher.`,
    };
    this.listSource = {
      id: `src-list-${slugify(this.label).slice(0, 60)}-${shortHash(this.label)}`,
      title: this.label,
      titleNote: 'Not a document title: the name of the imported list file, which names no publisher.',
      publisher: `Boycott list (${this.label})`,
    };
  }

  get bytesRead(): number {
    return this.meter.bytes;
  }

  inputBytes(): Promise<number> {
    return fileBytes([this.path]);
  }

  /**
   * Each row is a company record (actors side: the company, the list, the row's errors); its
   * relationship to the list comes in the relationships read, marked derived (the row is counted once).
   */
  async *read(options: ReadOptions = {}): AsyncGenerator<ImportItem> {
    const actors = options.only !== 'relationships';
    const relationships = options.only !== 'actors';
    this.meter.reset();
    for await (const row of csvRecords(this.path, ',', this.meter)) {
      const origin: RecordOrigin = { file: this.label, line: row.line, schema: 'boycott company' };
      if ('error' in row) {
        if (actors) yield { kind: 'error', origin, reason: row.error };
        continue;
      }
      const { id: rawId, name, description, status } = Object.fromEntries(BOYCOTT_COLUMNS.map((c) => [c, row.record[c]?.trim() ?? ''])) as Record<(typeof BOYCOTT_COLUMNS)[number], string>;
      if (!name) {
        if (actors) yield { kind: 'error', origin, reason: 'no name' };
        continue;
      }
      if (!['support', 'neutral', 'avoid'].includes(status)) {
        if (actors) yield { kind: 'error', origin, reason: `status "${status}" is not one of support, neutral, avoid` };
        continue;
      }
      const id = namespacedId(this.options.namespace, rawId || slugify(name));
      if (actors) {
        yield {
          kind: 'actor',
          origin,
          actor: { id, kind: 'Company', name: clip(name, 200), aliases: [], description: clip(`Company on the boycott list ${this.label} (status: ${status}).`, 500) },
        };
      }
      if (status !== 'avoid') continue;
      if (actors) yield { kind: 'actor', origin, actor: this.list, derived: true };
      const relationshipId = `${id.slice(0, 80)}-targeted-by-${this.list.id.slice(0, 30)}`;
      const notes = footnotes(description);
      const claims: ImportClaim[] = [];
      for (const note of notes) {
        const url = httpUrl(note.url);
        if (!url) {
          if (actors) yield { kind: 'error', origin, reason: `footnote [^${note.label}] is not an http(s) URL: ${clip(note.url, 80)}` };
          continue;
        }
        const host = new URL(url).hostname;
        const source: ImportSource = {
          id: sourceIdFor(url, url),
          title: clip(`${host}${new URL(url).pathname}`, 300),
          titleNote: 'Not the document’s headline: the list cites only the URL.',
          publisher: host,
          url,
        };
        claims.push(this.claim(relationshipId, source, note.passage || plainText(description), origin, `The quote is the list’s own wording (${this.label}), which cites this URL as its source [^${note.label}].`));
      }
      if (claims.length === 0) {
        claims.push(this.claim(relationshipId, this.listSource, plainText(description), origin, `The list gives no source for this entry (${this.label}).`));
      }
      if (!relationships) continue;
      yield {
        kind: 'relationship',
        origin,
        // the row is counted with its company (the actors side)
        derived: true,
        relationship: {
          id: relationshipId,
          type: 'TARGETS_FOR_BOYCOTT',
          source: this.list.id,
          target: id,
          status: 'alleged',
          summary: clip(`The boycott list ${this.label} names ${name} as a company to avoid and says why; its reasons are its own allegations.`, 500),
          claims,
        },
      };
    }
  }

  private claim(relationshipId: string, source: ImportSource, text: string, origin: RecordOrigin, note: string): ImportClaim {
    const { quote, cut } = quoteOf(text);
    return {
      id: claimIdFor(relationshipId, source.id),
      quote,
      attributedTo: `Boycott list (${this.label})`,
      stance: 'alleged',
      note: cut ? `${note} Quote cut to its first 300 characters; markdown emphasis removed.` : `${note} Markdown emphasis removed.`,
      importedFrom: clip(`${this.label}, line ${origin.line}`, 300),
      source,
    };
  }
}
