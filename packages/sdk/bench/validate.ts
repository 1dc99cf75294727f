/**
 * Validation throughput: 10 000 generated (fictitious) organisations in one page, parsed
 *   a) with JSON.parse alone,
 *   b) with JSON.parse + the schema check the SDK runs (OrganisationPage, zod/mini),
 *   c) through the whole SDK read path: ky, body read, JSON.parse, validation, result copy —
 *      with a `fetch` that answers from memory, so the network is left out of the measurement.
 * Medians over several runs after warm-up. Not a test: numbers depend on the machine.
 *
 *   pnpm --filter @fachkraefte/sdk bench
 */
import { OrganisationPage } from '@fachkraefte/schema';
import { createClient } from '../src/index.js';
import { organisation } from '../test/fixtures.js';

const COUNT = 10_000;
const RUNS = Number(process.env.RUNS ?? 15);
const WARMUP = 3;

const text = JSON.stringify({ items: Array.from({ length: COUNT }, (_, i) => organisation(i)), nextCursor: null });

const client = createClient({
  baseUrl: 'http://bench.invalid',
  cache: false,
  retry: 0,
  fetch: async () => new Response(text, { status: 200, headers: { 'content-type': 'application/json' } }),
});

async function measure(name: string, fn: () => unknown): Promise<{ name: string; median: number; min: number }> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const started = performance.now();
    const result = await fn();
    const elapsed = performance.now() - started;
    if (i >= WARMUP) times.push(elapsed);
    if (!result) throw new Error(`${name} returned nothing`);
  }
  times.sort((a, b) => a - b);
  return { name, median: times[Math.floor(times.length / 2)]!, min: times[0]! };
}

const results = [
  await measure('JSON.parse alone', () => JSON.parse(text)),
  await measure('JSON.parse + OrganisationPage (zod/mini)', () => {
    const parsed = OrganisationPage.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error('fixture does not validate');
    return parsed.data;
  }),
  await measure('SDK organisations.list (ky + read + parse + validate)', async () => {
    const page = await client.organisations.list();
    if (page.items.length !== COUNT) throw new Error('wrong count');
    return page;
  }),
];

const base = results[0]!.median;
console.log(`${COUNT} organisations, ${(text.length / 1024 / 1024).toFixed(2)} MB of JSON, ${RUNS} runs (median, min), Node ${process.version}`);
for (const r of results) {
  const perSecond = Math.round(COUNT / (r.median / 1000));
  console.log(
    `${r.name.padEnd(56)} ${r.median.toFixed(1).padStart(7)} ms  (min ${r.min.toFixed(1)} ms)  ` +
    `${perSecond.toLocaleString('en').padStart(10)} items/s  ×${(r.median / base).toFixed(1)}`,
  );
}
