/**
 * Benchmark (not a test): median latency of list queries over the volume data set (5,000
 * organisations, 10,000 events, 50 alliances), measured end to end over loopback HTTP against the
 * real server with its embedded database. Run: `pnpm bench` (root) or `pnpm --filter @fachkraefte/server bench`.
 */
import { startServer } from '../src/index.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const WARMUP = 20;

const server = await startServer({ port: 0, memory: true, dataSets: ['seed', 'volume'], log: () => {}, siteDir: null, cdnDir: null });
const first = (await (await fetch(`${server.url}/v1/alliances?limit=1&q=beispiel`)).json()) as { items: { slug: string }[] };
const volumeAlliance = first.items[0]?.slug ?? 'fachkraefteallianz-suedwest';

const queries: [string, string][] = [
  ['alliances (all)', '/v1/alliances?limit=50'],
  ['organisations page 1', '/v1/organisations?limit=50'],
  ['organisations q=bau', '/v1/organisations?q=bau&limit=50'],
  ['organisations type+alliance', `/v1/organisations?type=unternehmen,ihk&alliance=${volumeAlliance}`],
  ['members of an alliance', `/v1/alliances/${volumeAlliance}/members?limit=100`],
  ['events one month', '/v1/events?from=2026-06-01&to=2026-06-30&limit=500'],
  ['events month + alliance', `/v1/events?from=2026-06-01&to=2026-06-30&alliance=${volumeAlliance}`],
  ['events q=beispiel', '/v1/events?q=beispiel&limit=50'],
  ['events status=cancelled', '/v1/events?status=cancelled&limit=100'],
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

console.log(`${ROUNDS} requests each after ${WARMUP} warm-up, one at a time, loopback HTTP, no cache\n`);
console.log('query'.padEnd(30), 'median ms'.padStart(10), 'p95 ms'.padStart(8), 'items'.padStart(6));
const medians: number[] = [];
for (const [name, path] of queries) {
  const times: number[] = [];
  let items = 0;
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const t0 = performance.now();
    const res = await fetch(server.url + path);
    const body = (await res.json()) as { items: unknown[] };
    const dt = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    items = body.items.length;
    if (i >= WARMUP) times.push(dt);
  }
  medians.push(median(times));
  console.log(name.padEnd(30), median(times).toFixed(2).padStart(10), pct(times, 0.95).toFixed(2).padStart(8), String(items).padStart(6));
}
console.log(`\nmedian of the medians: ${median(medians).toFixed(2)} ms; slowest median: ${Math.max(...medians).toFixed(2)} ms`);
await server.close();
