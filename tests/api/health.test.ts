import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type RunningApp } from '../support/app.js';
import { getTestDriver, testDatabase } from '../support/neo4j.js';

const driver = getTestDriver();
let app: RunningApp;

beforeAll(async () => {
  app = await startTestApp(driver, testDatabase());
});
afterAll(async () => app.close());

describe('GET /api/health', () => {
  it('answers 200 with the Neo4j version and edition', async () => {
    const response = await fetch(`${app.baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toEqual({ status: 'ok', neo4j: { version: expect.stringMatching(/^5\.26\./), edition: 'community', mode: 'embedded' } });
  });
});

describe('errors', () => {
  it('answers an unknown API route with 404 ROUTE_NOT_FOUND as JSON', async () => {
    const response = await fetch(`${app.baseUrl}/api/does-not-exist`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: 'no API route GET /does-not-exist' } });
  });

  it('answers a malformed JSON body with 400 BAD_REQUEST, not a 500 or a stack trace', async () => {
    const response = await fetch(`${app.baseUrl}/api/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken": ',
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'BAD_REQUEST', message: 'the request body is not valid JSON' } });
    expect(text).not.toMatch(/at .*\.js:\d+/);
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await fetch(`${app.baseUrl}/api/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ big: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
