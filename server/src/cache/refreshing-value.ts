/**
 * A value that is costly to compute (whole-graph statistics), kept per app instance: computed at
 * most once per `ttlMs`, one computation at a time, served stale while a newer one runs
 * (stale-while-revalidate), and dropped at once by invalidate() (this instance's own writes).
 * Nothing is shared between instances: each keeps its own copy, so instances scale out freely.
 */
export interface RefreshingValueOptions {
  /** Age after which the value is recomputed (in the background; the old one is served meanwhile). */
  ttlMs: number;
  /** How long a caller with no usable value waits for a computation before going on without it; ≤ 0: not at all. */
  budgetMs: number;
}

/** A computed value and when its computation started (it reflects the data as of then, or later). */
export interface Snapshot<T> {
  value: T;
  asOf: Date;
  /** Neither older than ttlMs nor invalidated since it was computed. */
  current: boolean;
}

interface Entry<T> {
  value: T;
  asOf: Date;
  /** invalidate() count when the computation started. */
  generation: number;
}

export class RefreshingValue<T> {
  private entry: Entry<T> | undefined;
  private generation = 0;
  /** The computation running now, if any, and the generation it started at. */
  private running: { generation: number; done: Promise<Entry<T> | undefined> } | undefined;
  /** A computation queued behind `running` because an invalidate() came after it started. */
  private queued: Promise<Entry<T> | undefined> | undefined;

  constructor(
    private readonly compute: () => Promise<T>,
    private readonly options: RefreshingValueOptions,
    /** Told of a failed computation (the previous value, if any, stays in use). */
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Forgets the value: the next get() waits (up to budgetMs) for a computation started after now. */
  invalidate(): void {
    this.generation += 1;
  }

  /**
   * The value: the current one at once; else a stale one at once while a refresh runs behind;
   * else (none yet, or invalidated) a fresh one if computed within budgetMs; else the previous
   * value, if any (not current), or null; the computation goes on and serves a later call.
   */
  async get(): Promise<Snapshot<T> | null> {
    const entry = this.entry;
    const valid = entry !== undefined && entry.generation === this.generation;
    if (valid && Date.now() - entry.asOf.getTime() < this.options.ttlMs) return { value: entry.value, asOf: entry.asOf, current: true };
    const refreshing = this.refresh();
    if (valid) return { value: entry.value, asOf: entry.asOf, current: false };
    const fresh = await within(refreshing, this.options.budgetMs);
    if (fresh) return { value: fresh.value, asOf: fresh.asOf, current: fresh.generation === this.generation };
    return this.entry ? { value: this.entry.value, asOf: this.entry.asOf, current: false } : null;
  }

  /** Starts a computation unless one that started at the current generation runs or is queued. */
  private refresh(): Promise<Entry<T> | undefined> {
    if (!this.running) return this.start();
    if (this.running.generation === this.generation) return this.running.done;
    if (!this.queued) {
      const queued = this.running.done.then(() => {
        this.queued = undefined;
        return this.start();
      });
      this.queued = queued;
    }
    return this.queued;
  }

  private start(): Promise<Entry<T> | undefined> {
    const generation = this.generation;
    const asOf = new Date();
    const done: Promise<Entry<T> | undefined> = this.compute()
      .then(
        (value) => {
          const entry = { value, asOf, generation };
          if (!this.entry || this.entry.asOf <= asOf) this.entry = entry;
          return entry;
        },
        (error: unknown) => {
          this.onError(error);
          return undefined;
        },
      )
      .finally(() => {
        if (this.running?.done === done) this.running = undefined;
      });
    this.running = { generation, done };
    return done;
  }
}

/** `promise`'s value if it settles within `ms`, else undefined (the promise runs on). */
async function within<V>(promise: Promise<V | undefined>, ms: number): Promise<V | undefined> {
  if (ms <= 0) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
