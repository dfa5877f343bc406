/**
 * Rendered images of views, kept in memory: a pinned view's image never changes (cached for good,
 * served as immutable); a live view's is kept for a short time, and its ETag changes with the
 * elements it shows.
 */
export interface CachedImage {
  body: Buffer;
  etag: string;
  /** Milliseconds since the epoch after which the entry is stale (Infinity for pinned views). */
  expires: number;
  renderMs: number;
}

/** Cache tuning; one comment per option. */
export const IMAGE_CACHE_DEFAULTS = {
  /** Most images kept (PNG ~100 KB each: about 20 MB at most). */
  maxEntries: 200,
  /** How long a live view's image is reused (ms). */
  liveTtlMs: 60_000,
} as const;

export class ImageCache {
  private readonly entries = new Map<string, CachedImage>();
  constructor(private readonly maxEntries: number = IMAGE_CACHE_DEFAULTS.maxEntries) {}

  get(key: string, now = Date.now()): CachedImage | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (hit.expires <= now) return undefined;
    this.entries.set(key, hit); // most recently used last
    return hit;
  }

  set(key: string, image: CachedImage): void {
    this.entries.delete(key);
    this.entries.set(key, image);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}
