// The coordinators' section of docs/server.md, run as written: every ```sh block of it that calls
// curl runs in bash, in document order, against a real server (the real /usr/bin/curl, the demo
// data sets), and each request must answer the status the block states after it (`# → 201`). When
// the API changes, the docs fail the build instead of going stale.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, startTestServer, SUEDWEST, type TestServer } from './helpers.js';

const run = promisify(execFile);
const CURL = '/usr/bin/curl';
const DOC = readFileSync(new URL('../../../docs/server.md', import.meta.url), 'utf8');

/** The text from the heading `## For coordinators` to the next `## ` heading. */
function coordinatorSection(markdown: string): string {
  const start = markdown.search(/^## For coordinators\s*$/m);
  if (start < 0) throw new Error('docs/server.md has no "## For coordinators" section');
  const rest = markdown.slice(start + 3);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

const SECTION = coordinatorSection(DOC);
const BLOCKS = [...SECTION.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).filter((b) => /\bcurl\b/.test(b));

/** The statuses a block promises, in order: one `# → NNN` line after each curl command. */
const expectedStatuses = (block: string) => [...block.matchAll(/^# → (\d{3})\b/gm)].map((m) => Number(m[1]));

/** A request the block made, as curl's --write-out saw it, with the answer's body. */
interface Made {
  status: number;
  method: string;
  path: string;
  body: string;
}

/**
 * Runs a block in bash with `curl` wrapped: the real curl, every option of the block unchanged,
 * plus where to put the body and a line with the status, method and URL of each request.
 */
async function runBlock(block: string, env: Record<string, string>, dir: string): Promise<Made[]> {
  const wrapper = [
    'set -eo pipefail',
    'n=0',
    `curl() { n=$((n+1)); ${CURL} -o "$FK_OUT/body.$n" -w '%{http_code} %{method} %{url_effective}\\n' "$@" >> "$FK_OUT/made"; }`,
  ].join('\n');
  const out = mkdtempSync(join(dir, 'out-'));
  await run('bash', ['-c', `${wrapper}\n${block}`], { cwd: dir, env: { ...process.env, ...env, FK_OUT: out }, timeout: 20_000 });
  const lines = existsSync(join(out, 'made')) ? readFileSync(join(out, 'made'), 'utf8').trim().split('\n') : [];
  return lines.map((line, i) => {
    const [status, method, url] = line.split(' ');
    const file = join(out, `body.${i + 1}`);
    return { status: Number(status), method: method!, path: new URL(url!).pathname, body: existsSync(file) ? readFileSync(file, 'utf8') : '' };
  });
}

/** The writes (and key and history reads) a coordinator makes: each needs an example in the section. */
const OPERATIONS: [string, RegExp][] = [
  ['POST', /^\/v1\/events$/],
  ['PATCH', /^\/v1\/events\/[^/]+$/],
  ['DELETE', /^\/v1\/events\/[^/]+$/],
  ['POST', /^\/v1\/organisations$/],
  ['PATCH', /^\/v1\/organisations\/[^/]+$/],
  ['DELETE', /^\/v1\/organisations\/[^/]+$/],
  ['PUT', /^\/v1\/alliances\/[^/]+\/members\/[^/]+$/],
  ['DELETE', /^\/v1\/alliances\/[^/]+\/members\/[^/]+$/],
  ['PATCH', /^\/v1\/alliances\/[^/]+$/],
  ['POST', /^\/v1\/alliances\/[^/]+\/imports$/],
  ['POST', /^\/v1\/keys$/],
  ['GET', /^\/v1\/keys$/],
  ['DELETE', /^\/v1\/keys\/[^/]+$/],
  ['GET', /^\/v1\/changes$/],
];

let t: TestServer;
let dir: string;
const env: Record<string, string> = {};
const made: Made[] = [];

beforeAll(async () => {
  t = await startTestServer(['seed', 'upcoming']);
  dir = mkdtempSync(join(tmpdir(), 'fk-docs-'));
  env.FK_API = t.srv.url;
  env.FK_KEY = await t.srv.createApiKey(SUEDWEST, 'Geschäftsstelle Südwest (Test)');
  env.FK_ADMIN_KEY = await t.srv.createApiKey('admin', 'Betrieb (Test)');
  env.KEY_ID = ''; // set from the answer of the example that creates a key
}, 60_000);
afterAll(async () => {
  await t?.srv.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('docs/server.md, "For coordinators"', () => {
  it('has curl examples, each followed by the status it answers, all 2xx', () => {
    expect(existsSync(CURL), `${CURL} is needed to run the examples as written`).toBe(true);
    expect(BLOCKS.length).toBeGreaterThanOrEqual(10);
    for (const block of BLOCKS) {
      const calls = block.match(/^curl\b/gm) ?? [];
      const statuses = expectedStatuses(block);
      expect(statuses.length, `each curl of this block needs a "# → NNN" line:\n${block}`).toBe(calls.length);
      for (const s of statuses) expect(s >= 200 && s < 300, `${s} is not a 2xx status`).toBe(true);
      // What curl 7.88 (Debian 12) does not know, and what would send a key elsewhere.
      expect(block).not.toMatch(/--json\b/);
      expect(block).not.toMatch(/Bearer fk_/);
    }
  });

  BLOCKS.forEach((block, i) => {
    const first = /^curl .*?(-X \w+ )?"\$FK_API([^"]*)"/m.exec(block);
    const name = `block ${i + 1}: ${first?.[1] ?? 'GET '}${first?.[2] ?? ''}`;
    it(name, async () => {
      const answers = await runBlock(block, env, dir);
      const statuses = expectedStatuses(block);
      expect(answers.map((a) => a.status), answers.map((a) => `${a.method} ${a.path} → ${a.status} ${a.body.slice(0, 400)}`).join('\n'))
        .toEqual(statuses);
      made.push(...answers);
      // `$KEY_ID` of the later examples is the key this block created.
      for (const a of answers) {
        if (a.method === 'POST' && a.path === '/v1/keys') env.KEY_ID = JSON.parse(a.body).id;
      }
    }, 30_000);
  });

  it('shows every write a coordinator makes, the keys API and the history', () => {
    for (const [method, path] of OPERATIONS) {
      expect(made.some((m) => m.method === method && path.test(m.path)), `an example of ${method} ${path.source}`).toBe(true);
    }
  });

  it('states the Cache-Control that GET answers, and the bound of 2 minutes it gives', async () => {
    const res = await request(t.srv.url, `/v1/alliances/${SUEDWEST}`);
    const cacheControl = res.headers.get('cache-control')!;
    expect(SECTION).toContain(`Cache-Control: ${cacheControl}`);
    const seconds = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(cacheControl)?.[1]);
    expect(seconds('max-age') + seconds('stale-while-revalidate')).toBeLessThanOrEqual(120);
    expect(SECTION).toMatch(/within\s+2 minutes/);
  });

  it('did what the text says: a tombstone, a recurring series, the Outlook zone, the co-organised event withdrawn', async () => {
    const deleted = await request(t.srv.url, '/v1/events/netzwerktreffen-loerrach-2027-03');
    expect(deleted.status).toBe(404);
    const changes = await request(t.srv.url, `/v1/changes?alliance=${SUEDWEST}&limit=500`);
    expect(changes.json.items).toContainEqual(expect.objectContaining({ kind: 'event', id: 'netzwerktreffen-loerrach-2027-03', action: 'deleted' }));

    const series = await request(t.srv.url, '/v1/events/sprechstunde-fachkraeftesicherung-2027');
    expect(series.json.recurrence).toEqual({ rrule: 'FREQ=MONTHLY;BYDAY=1TU;COUNT=10', exdates: ['2027-06-01T16:00:00+02:00'] });

    const imports = made.filter((m) => m.path.endsWith('/imports'));
    expect(imports.map((m) => JSON.parse(m.body)).map((r) => [r.dryRun, r.added.length, r.skipped.length])).toEqual([[true, 1, 0], [false, 1, 0]]);
    const imported = JSON.parse(imports[1]!.body).added[0];
    expect(imported).toMatchObject({ title: 'Sitzung der Steuerungsgruppe', start: '2027-02-09T14:00:00+01:00' });

    const shared = await request(t.srv.url, '/v1/events/beispiel-berufsinformationstag-ludwigsburg');
    expect(shared.json.alliances).toEqual(['fachkraefteallianz-landkreis-ludwigsburg']);

    const revoked = made.find((m) => m.method === 'DELETE' && m.path.startsWith('/v1/keys/'));
    expect(revoked?.path).toBe(`/v1/keys/${env.KEY_ID}`);
  });
});
