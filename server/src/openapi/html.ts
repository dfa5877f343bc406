import { ERROR_CODES, openApiPath, parametersOf, type JsonSchema } from './document.js';
import { API_ROUTES } from './routes.js';
import type { RouteDescriptor } from './types.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A short type of a parameter schema: `string`, `one of a | b`, `string or string[]`. */
function typeOf(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map(String).join(' | ')}`;
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(typeOf).join(' or ');
  if (schema.type === 'array') return `${typeOf((schema.items ?? {}) as JsonSchema)}[]`;
  const pattern = typeof schema.pattern === 'string' ? ` (${schema.pattern})` : '';
  return `${String(schema.type ?? 'any')}${pattern}`;
}

function curlOf(route: RouteDescriptor, origin: string): string {
  let path = route.path;
  for (const [name, value] of Object.entries(route.exampleParams ?? {})) path = path.replace(`:${name}`, value);
  const url = `${origin}${path}${route.example ? `?${route.example}` : ''}`;
  const download = route.path === '/api/export' ? ' -OJ' : '';
  if (route.method !== 'get') {
    const body = route.exampleBody ? ` -H 'Content-Type: application/json' -d '${route.exampleBody}'` : '';
    return `curl -s -X ${route.method.toUpperCase()} -H 'Authorization: Bearer $SIGHTLINE_TOKEN'${body} '${url}'`;
  }
  return `curl -s${download} '${url}'`;
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
h1{margin-bottom:.2rem}h2{margin-top:2.5rem;border-bottom:1px solid #d0d7de}h3{margin:2rem 0 .3rem}
code,pre{font:13px/1.4 ui-monospace,monospace;background:#f3f4f6;border-radius:4px}
code{padding:.1rem .3rem}pre{padding:.6rem .8rem;overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}.method{font-weight:700;color:#0a6640;margin-right:.4rem}nav ul{columns:2}
.muted{color:#57606a}`;

/**
 * The docs page: a self-contained HTML page (inline styles, no scripts, no external resources, so
 * helmet's CSP allows it) listing every endpoint of the OpenAPI document with its parameters and an
 * example curl. `origin` is used in the curl examples.
 */
export function renderDocsPage(origin: string, routes: readonly RouteDescriptor[] = API_ROUTES): string {
  const nav = routes
    .map((r) => `<li><a href="#${esc(r.operationId)}"><span class="method">${r.method.toUpperCase()}</span>${esc(openApiPath(r.path))}</a></li>`)
    .join('');
  const sections = routes
    .map((r) => {
      const params = parametersOf(r);
      const table =
        params.length === 0
          ? '<p class="muted">No parameters.</p>'
          : `<table><thead><tr><th>Name</th><th>In</th><th>Required</th><th>Type</th><th>Default</th><th>Description</th></tr></thead><tbody>${params
              .map(
                (p) =>
                  `<tr><td><code>${esc(p.name)}</code></td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td>${esc(typeOf(p.schema))}</td><td>${
                    p.schema.default === undefined ? '' : `<code>${esc(String(p.schema.default))}</code>`
                  }</td><td>${esc(p.description ?? '')}</td></tr>`,
              )
              .join('')}</tbody></table>`;
      const errors = (r.errors ?? []).length > 0 ? `<p>Errors: ${(r.errors ?? []).map((s) => `<code>${s}</code>`).join(', ')} (and 500).</p>` : '';
      return `<section><h3 id="${esc(r.operationId)}"><span class="method">${r.method.toUpperCase()}</span><code>${esc(openApiPath(r.path))}</code></h3>
<p>${esc(r.summary)}.${r.description ? ` ${esc(r.description)}` : ''}</p>${table}${errors}<pre>${esc(curlOf(r, origin))}</pre></section>`;
    })
    .join('\n');
  const codes = Object.entries(ERROR_CODES)
    .map(([code, meaning]) => `<tr><td><code>${code}</code></td><td>${esc(meaning)}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sightline API</title><style>${STYLE}</style></head>
<body>
<h1>Sightline API</h1>
<p class="muted">Read-only JSON API of the Sightline knowledge graph. Machine-readable contract: <a href="/api/openapi.json"><code>/api/openapi.json</code></a> (OpenAPI 3.1).</p>
<nav><ul>${nav}</ul></nav>
<h2>Responses and errors</h2>
<p>Successful answers are <code>{ "data": … }</code> (health, the OpenAPI document, this page and export downloads excepted). Every error is <code>{ "error": { "code": "…", "message": "…" } }</code> with a stable code; a <code>VALIDATION_FAILED</code> error also names the <code>field</code>.</p>
<table><thead><tr><th>Code</th><th>Meaning</th></tr></thead><tbody>${codes}</tbody></table>
<h2>Endpoints</h2>
${sections}
</body></html>
`;
}
