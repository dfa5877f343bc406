import './style.css';

interface Health {
  status: 'ok' | 'unavailable';
  neo4j: { version: string; edition: string; mode: string } | null;
  error?: { code: string; message: string };
}

const statusEl = document.querySelector<HTMLParagraphElement>('#status');

async function showHealth(): Promise<void> {
  if (!statusEl) return;
  try {
    const response = await fetch('/api/health', { headers: { accept: 'application/json' } });
    const body = (await response.json()) as Health;
    if (body.status === 'ok' && body.neo4j) {
      statusEl.textContent = `Connected to Neo4j ${body.neo4j.version} (${body.neo4j.edition}, ${body.neo4j.mode}).`;
      statusEl.className = 'status status--ok';
    } else {
      statusEl.textContent = `Neo4j is not reachable: ${body.error?.message ?? 'unknown reason'}. Retrying…`;
      statusEl.className = 'status status--down';
      setTimeout(() => void showHealth(), 3_000);
    }
  } catch {
    statusEl.textContent = 'The Sightline server is not answering. Retrying…';
    statusEl.className = 'status status--down';
    setTimeout(() => void showHealth(), 3_000);
  }
}

void showHealth();
