import { describe, expect, it } from 'vitest';
import { RefreshingValue } from '../../server/src/cache/refreshing-value.js';
import { loadConfig } from '../../server/src/config/env.js';
import { SCHEMA_STATS_DEFAULTS } from '../../server/src/routes/schema/options.js';

/** A computation the test finishes by hand: counts its runs, resolves each with its run number. */
function manualCompute() {
  const pending: Array<{ resolve: (n: number) => void; reject: (e: Error) => void }> = [];
  let runs = 0;
  return {
    compute: () =>
      new Promise<number>((resolve, reject) => {
        runs += 1;
        const n = runs;
        pending.push({ resolve: () => resolve(n), reject });
      }),
    runs: () => runs,
    finish: async (error?: Error) => {
      const next = pending.shift();
      if (!next) throw new Error('refreshing-value.test: nothing running');
      if (error) next.reject(error);
      else next.resolve(0);
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe('RefreshingValue', () => {
  it('runs one computation for many concurrent callers, and none more within the TTL', async () => {
    const c = manualCompute();
    const value = new RefreshingValue(c.compute, { ttlMs: 60_000, budgetMs: 5_000 }, () => undefined);
    const gets = Promise.all([value.get(), value.get(), value.get()]);
    await c.finish();
    const got = await gets;
    expect(c.runs()).toBe(1);
    expect(got.map((g) => g?.value)).toEqual([1, 1, 1]);
    expect(got.every((g) => g?.current)).toBe(true);
    expect((await value.get())?.value).toBe(1);
    expect(c.runs()).toBe(1);
  });

  it('answers null at once with a budget of 0, and the value once computed', async () => {
    const c = manualCompute();
    const value = new RefreshingValue(c.compute, { ttlMs: 60_000, budgetMs: 0 }, () => undefined);
    expect(await value.get()).toBeNull();
    expect(await value.get()).toBeNull();
    expect(c.runs()).toBe(1);
    await c.finish();
    expect(await value.get()).toMatchObject({ value: 1, current: true });
  });

  it('after invalidate() during a computation, queues exactly one more, started after it', async () => {
    const c = manualCompute();
    const value = new RefreshingValue(c.compute, { ttlMs: 60_000, budgetMs: 0 }, () => undefined);
    void value.get(); // run 1 starts
    value.invalidate();
    void value.get();
    void value.get();
    await c.finish(); // run 1 ends (predates the invalidation); the queued run 2 starts
    expect(c.runs()).toBe(2);
    expect(await value.get()).toMatchObject({ value: 1, current: false });
    await c.finish();
    expect(await value.get()).toMatchObject({ value: 2, current: true });
    expect(c.runs()).toBe(2);
  });

  it('serves the stale value at once after the TTL while one recomputation runs', async () => {
    const c = manualCompute();
    const value = new RefreshingValue(c.compute, { ttlMs: 20, budgetMs: 5_000 }, () => undefined);
    const first = value.get();
    await c.finish();
    expect((await first)?.value).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(await value.get()).toMatchObject({ value: 1, current: false });
    expect(await value.get()).toMatchObject({ value: 1, current: false });
    expect(c.runs()).toBe(2);
    await c.finish();
    expect(await value.get()).toMatchObject({ value: 2, current: true });
  });

  it('keeps the previous value when a computation fails, and reports the error', async () => {
    const c = manualCompute();
    const errors: unknown[] = [];
    const value = new RefreshingValue(c.compute, { ttlMs: 60_000, budgetMs: 5_000 }, (e) => errors.push(e));
    const first = value.get();
    await c.finish();
    await first;
    value.invalidate();
    const second = value.get();
    await c.finish(new Error('boom'));
    expect(await second).toMatchObject({ value: 1, current: false });
    expect(errors).toHaveLength(1);
  });
});

describe('GET /api/schema statistics options from the environment', () => {
  it('reads SIGHTLINE_SCHEMA_STATS_TTL_MS and SIGHTLINE_SCHEMA_STATS_BUDGET_MS, with defaults', () => {
    expect(loadConfig({}).schemaStats).toEqual(SCHEMA_STATS_DEFAULTS);
    expect(loadConfig({ SIGHTLINE_SCHEMA_STATS_TTL_MS: '5000', SIGHTLINE_SCHEMA_STATS_BUDGET_MS: '0' }).schemaStats).toMatchObject({ ttlMs: 5000, budgetMs: 0 });
    expect(() => loadConfig({ SIGHTLINE_SCHEMA_STATS_TTL_MS: '0' })).toThrow(/SIGHTLINE_SCHEMA_STATS_TTL_MS/);
  });
});
