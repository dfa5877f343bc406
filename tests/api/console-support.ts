/** Helpers of the console API tests: POST JSON, and a console app with test-sized limits. */
export async function postJson(baseUrl: string, path: string, body: unknown, init: RequestInit = {}): Promise<{ status: number; body: any; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...init,
  });
  const parsed = await response.json();
  return { status: response.status, body: parsed, ms: performance.now() - started };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
