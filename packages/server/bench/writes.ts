/**
 * Benchmark (not a test): median latency of writes by a scoped key, end to end over loopback HTTP
 * against the real server with its embedded database (each write also records its change in the
 * history, in the same transaction). Run: `pnpm --filter @fachkraefte/server bench:writes`.
 */
import { startServer } from '../src/index.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const WARMUP = 30;
const SUEDWEST = 'fachkraefteallianz-suedwest';

// The rate limit guards people's keys; a benchmark is not one.
const server = await startServer({
  port: 0, memory: true, dataSets: ['seed', 'upcoming'], log: () => {}, siteDir: null, cdnDir: null,
  writeLimit: { perMinute: 1e9, burst: 1e9 },
} as Parameters<typeof startServer>[0]);
const key = await server.createApiKey(SUEDWEST);
const headers = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function time(run: (i: number) => Promise<Response>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const t0 = performance.now();
    const res = await run(i);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    if (i >= WARMUP) times.push(performance.now() - t0);
  }
  return times;
}

const cases: [string, (i: number) => Promise<Response>][] = [
  ['PATCH event title', (i) => fetch(`${server.url}/v1/events/beispiel-netzwerktreffen-suedwest`, { method: 'PATCH', headers, body: JSON.stringify({ title: `Beispiel: Netzwerktreffen ${i}` }) })],
  ['POST event', (i) => fetch(`${server.url}/v1/events`, { method: 'POST', headers, body: JSON.stringify({ id: `bench-${i}`, title: `Bench ${i}`, start: '2030-06-03T18:00:00+02:00', alliances: [SUEDWEST] }) })],
  ['DELETE event', (i) => fetch(`${server.url}/v1/events/bench-${i}`, { method: 'DELETE', headers })],
  ['PUT membership', (i) => fetch(`${server.url}/v1/alliances/${SUEDWEST}/members/landkreis-loerrach`, { method: 'PUT', headers, body: JSON.stringify({ role: i % 2 ? 'member' : 'founding' }) })],
];

console.log(`${ROUNDS} requests each after ${WARMUP} warm-up, one at a time, loopback HTTP\n`);
console.log('write'.padEnd(22), 'median ms'.padStart(10), 'p95 ms'.padStart(8));
for (const [name, run] of cases) {
  const times = await time(run);
  console.log(name.padEnd(22), median(times).toFixed(2).padStart(10), pct(times, 0.95).toFixed(2).padStart(8));
}
await server.close();
