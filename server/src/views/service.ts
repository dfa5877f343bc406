/**
 * Creating and loading saved views. A view is immutable: creation stores the definition (and, for
 * a pinned view, the resolved snapshot); loading a live view resolves it again, loading a pinned
 * one returns its snapshot.
 */
import { z } from 'zod';
import { cyElementsSchema } from '../contracts/elements.js';
import { AppError, notFound } from '../errors.js';
import type { Citation } from '../exporters/model.js';
import type { ViewRow } from '../repositories/view-repository.js';
import { viewCitationSchema } from './contract.js';
import { slugSchema } from '../contracts/vocabulary.js';
import {
  VIEW_LIMITS,
  positionSchema,
  viewDefinitionSchema,
  viewLayoutSchema,
  viewStyleSchema,
  type CreateViewInput,
  type Position,
  type ViewDefinition,
  type ViewLayout,
  type ViewMode,
  type ViewStyle,
} from './definition.js';
import { LayoutCache, resolveView, type ResolvedView, type ViewRepositories } from './resolve.js';
import { newViewId } from './view-id.js';

/** A stored view with its JSON fields parsed. */
export interface StoredView {
  id: string;
  version: number;
  previousVersionOf: string | null;
  newerVersions: string[];
  createdAt: string;
  mode: ViewMode;
  title: string;
  caption: string | null;
  definition: ViewDefinition;
  layout: ViewLayout;
  style: ViewStyle;
}

/** A view as a reader gets it: the stored view and what it shows. */
export interface LoadedView {
  view: StoredView;
  resolved: ResolvedView;
}

/** The stored snapshot of a pinned view (checked when read back, like every stored JSON field). */
const snapshotSchema = z.object({
  elements: cyElementsSchema,
  positions: z.record(z.string(), positionSchema),
  citations: z.array(viewCitationSchema),
  resolvedAt: z.string(),
  missingActors: z.array(z.string()),
  truncated: z.boolean(),
});

function parseStored<S extends z.ZodType>(schema: S, json: string, what: string, id: string): z.infer<S> {
  const parsed = schema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`sightline/views: view ${id}: stored ${what} is invalid: ${parsed.error.message}`);
  return parsed.data;
}

function toStoredView(row: ViewRow): StoredView {
  return {
    id: row.id,
    version: row.version,
    previousVersionOf: row.previousVersionOf,
    newerVersions: row.newerVersions,
    createdAt: row.createdAt,
    mode: row.mode === 'pinned' ? 'pinned' : 'live',
    title: row.title,
    caption: row.caption,
    definition: parseStored(viewDefinitionSchema, row.definition, 'definition', row.id),
    layout: parseStored(viewLayoutSchema, row.layout, 'layout', row.id),
    style: parseStored(viewStyleSchema, row.style, 'style', row.id),
  };
}

const clamp = (v: number) => Math.max(-VIEW_LIMITS.coordinateMax, Math.min(VIEW_LIMITS.coordinateMax, v));

/**
 * The layout as it is stored: the positions computed when the view is saved go with it, so a live
 * view never lays itself out again on load (only nodes it gains later are placed, cheaply).
 */
function layoutToStore(layout: ViewLayout, positions: Record<string, Position>): ViewLayout {
  const entries = Object.entries(positions)
    .filter(([id]) => slugSchema.safeParse(id).success)
    .slice(0, VIEW_LIMITS.positionsMax)
    .map(([id, p]) => [id, { x: clamp(p.x), y: clamp(p.y) }] as const);
  return entries.length > 0 ? { name: layout.name, positions: Object.fromEntries(entries) } : layout;
}

export class ViewService {
  readonly layouts = new LayoutCache();

  constructor(private readonly repos: ViewRepositories) {}

  /** The definition as stored: references checked (400 UNKNOWN_ACTOR / UNKNOWN_QUERY), query parameters typed. */
  private async checked(definition: ViewDefinition): Promise<ViewDefinition> {
    if (definition.kind === 'query') return this.repos.queries.normalise(definition);
    const missing = await this.repos.neighborhood.missingActors(definition.actorIds);
    if (missing.length > 0) {
      throw new AppError(400, 'UNKNOWN_ACTOR', `no actor with id ${missing.map((id) => `'${id}'`).join(', ')}`, {
        field: 'definition.actorIds',
        missing,
      });
    }
    return definition;
  }

  /**
   * Validates references, resolves the view once (its full layout, and a pinned view's snapshot),
   * stores the view with the positions of that layout.
   */
  async create(request: CreateViewInput, now: Date = new Date()): Promise<LoadedView> {
    const input = { ...request, definition: await this.checked(request.definition) };
    const id = newViewId();
    const resolved = await resolveView(input.definition, input.layout, this.repos, this.layouts, `${id}`, now, 'full');
    const row = await this.repos.views.create({
      id,
      previousVersionOf: input.previousVersionOf ?? null,
      createdAt: now.toISOString(),
      mode: input.mode,
      title: input.title,
      caption: input.caption && input.caption.length > 0 ? input.caption : null,
      definition: JSON.stringify(input.definition),
      layout: JSON.stringify(layoutToStore(input.layout, resolved.positions)),
      style: JSON.stringify(input.style),
      snapshot: input.mode === 'pinned' ? JSON.stringify(resolved satisfies z.infer<typeof snapshotSchema>) : null,
    });
    if (!row) {
      throw new AppError(400, 'UNKNOWN_VIEW', `no view with id '${input.previousVersionOf}' to make a new version of`, {
        field: 'previousVersionOf',
      });
    }
    return { view: toStoredView(row), resolved };
  }

  /** The stored view without resolving it (oEmbed, page meta). */
  async find(id: string): Promise<{ view: StoredView; row: ViewRow } | null> {
    const row = await this.repos.views.findById(id);
    return row ? { view: toStoredView(row), row } : null;
  }

  /** A view and what it shows now (live) or at save time (pinned); 404 when unknown. */
  async load(id: string): Promise<LoadedView> {
    const found = await this.find(id);
    if (!found) throw notFound(`view ${JSON.stringify(id)}`);
    const { view, row } = found;
    if (view.mode === 'pinned' && row.snapshot) {
      return { view, resolved: parseStored(snapshotSchema, row.snapshot, 'snapshot', id) as ResolvedView & { citations: Citation[] } };
    }
    return { view, resolved: await resolveView(view.definition, view.layout, this.repos, this.layouts, id) };
  }
}
