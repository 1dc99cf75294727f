#!/usr/bin/env node
// `pnpm bench:load`: the API server with the volume data set (50 alliances, 5,000 organisations,
// 10,000 events) and nginx from Debian serving the very same response bytes as static files, side
// by side in one run, loaded with autocannon 8 over loopback. A benchmark, not a test: the numbers
// move with the machine; run it on a quiet machine.
//
//   pnpm bench:load                         4 paths × 10 and 100 connections, 3 rounds of 5 s each
//   pnpm bench:load --duration 10 --rounds 5
//   pnpm bench:load --only static|conditional|cluster
//
// Prints per path and connection count: req/s, p50, p99, errors, timeouts, the ratio to nginx and
// the CPU time per request of each side; then what a 304 costs against its 200 (rendered, and
// kept); then (with PostgreSQL, see scripts/cluster.mjs) 1 against 2 instances and the cached
// arrangement. Every figure is the median over the rounds. Every loop is bounded in count and
// time; the whole run stops after --deadline minutes (default 30).
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { cpuMs, freePort, median, rssMiB, startApiServer, startNginx } from './lib/processes.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10,100' },
    only: { type: 'string' },
    deadline: { type: 'string', default: '30' },
    'nginx-workers': { type: 'string', default: '1' },
  },
});
const DURATION = Math.min(60, Math.max(1, Number(values.duration)));
const ROUNDS = Math.min(20, Math.max(1, Number(values.rounds)));
const CONNECTIONS = values.connections.split(',').map(Number).filter((n) => n > 0 && n <= 1000);
const ONLY = values.only;
const NGINX_WORKERS = Math.min(8, Math.max(1, Number(values['nginx-workers'])));
const ACCEPT = 'br, gzip'; // what browsers send (and what the widgets get)

// The whole run is bounded: whatever hangs, the process ends (and its children with it).
setTimeout(() => {
  console.error(`\nbench:load: stopped after ${values.deadline} minutes`);
  process.exit(1);
}, Number(values.deadline) * 60_000).unref();

const dir = mkdtempSync(`${tmpdir()}/fk-bench-load-`);
// nginx's workers run as another user when started by root: they must be able to read the files.
chmodSync(dir, 0o755);
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** One autocannon run; CPU time of `pids` measured around it. */
async function load(url, { connections, headers = {}, duration = DURATION, pids = [] }) {
  const before = cpuMs(pids);
  const r = await autocannon({ url, connections, duration, headers, timeout: 10, pipelining: 1 });
  const cpu = cpuMs(pids) - before;
  const total = r.requests.total;
  return {
    rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99,
    errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx,
    statuses: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
    cpuUsPerReq: total ? (cpu * 1000) / total : NaN, total,
  };
}

/** Median of each field over the rounds; errors and timeouts summed (any is one too many). */
function summarize(runs) {
  const pick = (k) => median(runs.map((r) => r[k]));
  return {
    rps: pick('rps'), p50: pick('p50'), p99: pick('p99'), cpuUsPerReq: pick('cpuUsPerReq'),
    errors: runs.reduce((a, r) => a + r.errors, 0), timeouts: runs.reduce((a, r) => a + r.timeouts, 0),
    unexpected: runs.reduce((a, r) => a + r.unexpected, 0),
  };
}

const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : '–');
const pad = (s, n, right = false) => (right ? String(s).padEnd(n) : String(s).padStart(n));

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => pad(c, widths[i], i === 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

console.log(`bench:load — autocannon 8, loopback, ${DURATION} s × ${ROUNDS} rounds per figure (medians), Accept-Encoding: ${ACCEPT}`);
console.log('starting the server with the volume data set (a data directory, as in production) …');
const t0 = performance.now();
const server = await startApiServer({ args: ['--data', `${dir}/data`, '--data-sets', 'seed,volume'], label: 'server' });
console.log(`  up after ${((performance.now() - t0) / 1000).toFixed(1)} s, RSS ${fmt(rssMiB(server.pid))} MiB`);

const alliances = await (await fetch(`${server.url}/v1/alliances?limit=100`)).json();
const volAlliance = alliances.items.map((a) => a.slug).find((s) => s.startsWith('vol-')) ?? alliances.items[0].slug;
const PATHS = [
  ['/v1/alliances', 'alliances'],
  ['/v1/organisations?limit=50', 'organisations page'],
  ['/v1/events?from=2026-06-01&to=2026-06-30&limit=500', 'a month of events'],
  [`/v1/events.ics?alliance=${volAlliance}`, "an alliance's .ics"],
];

/** The server's answer to each path, byte for byte, as nginx is to serve it. */
const answers = [];
const staticDir = `${dir}/static`;
mkdirSync(staticDir, { recursive: true });
for (const [i, [path]] of PATHS.entries()) {
  const res = await fetch(server.url + path, { headers: { 'Accept-Encoding': ACCEPT } });
  // fetch decodes: ask node:http for the bytes as sent.
  const raw = await new Promise((resolve, reject) => {
    import('node:http').then(({ get }) => {
      get(server.url + path, { headers: { 'Accept-Encoding': ACCEPT } }, (r) => {
        const chunks = [];
        r.on('data', (d) => chunks.push(d));
        r.on('end', () => resolve({ status: r.statusCode, headers: r.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
  });
  await res.arrayBuffer();
  if (raw.status !== 200) throw new Error(`${path}: ${raw.status}`);
  writeFileSync(`${staticDir}/${i}`, raw.body);
  answers.push({ path, etag: raw.headers.etag, type: raw.headers['content-type'], encoding: raw.headers['content-encoding'] ?? null, bytes: raw.body.length });
}

const nginxPort = await freePort();
const nginxDir = `${dir}/nginx`;
mkdirSync(nginxDir, { recursive: true });
const locations = answers.map((a, i) => `
    location = ${new URL(a.path, 'http://x').pathname} {
      default_type "${a.type}";
      ${a.encoding ? `add_header Content-Encoding ${a.encoding};` : ''}
      add_header Vary Accept-Encoding;
      try_files /${i} =404;
    }`).join('');
const nginx = await startNginx(nginxDir, `
daemon on;
worker_processes ${NGINX_WORKERS};
pid ${nginxDir}/nginx.pid;
error_log ${nginxDir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log ${nginxDir}/access.log;
  client_body_temp_path ${nginxDir}/client_body;
  proxy_temp_path ${nginxDir}/proxy;
  fastcgi_temp_path ${nginxDir}/fastcgi;
  uwsgi_temp_path ${nginxDir}/uwsgi;
  scgi_temp_path ${nginxDir}/scgi;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:${nginxPort};
    root ${staticDir};
    location = /healthz { return 200 "ok"; }${locations}
  }
}
`, `http://127.0.0.1:${nginxPort}/healthz`);
const nginxUrl = `http://127.0.0.1:${nginxPort}`;
// nginx ignores the query string here: each path has one static answer.
for (const a of answers) {
  const n = await fetch(nginxUrl + a.path, { headers: { 'Accept-Encoding': ACCEPT } });
  await n.arrayBuffer();
  if (!n.ok) throw new Error(`nginx ${a.path}: ${n.status}`);
}

const expectStatus = (r, status) => ({ ...r, unexpected: r.total - (r.statuses[status] ?? 0) });

/** Server and nginx, interleaved round by round: the machine's drift hits both alike. */
async function sideBySide(path, connections) {
  const headers = { 'Accept-Encoding': ACCEPT };
  // Warm-up: JIT, the kept answer, nginx's open files.
  await load(server.url + path, { connections, headers, duration: 1 });
  await load(nginxUrl + path, { connections, headers, duration: 1 });
  const s = [];
  const n = [];
  for (let round = 0; round < ROUNDS; round++) {
    s.push(expectStatus(await load(server.url + path, { connections, headers, pids: [server.pid] }), '200'));
    n.push(expectStatus(await load(nginxUrl + path, { connections, headers, pids: nginx.pids() }), '200'));
  }
  return { server: summarize(s), nginx: summarize(n) };
}

const results = { static: [], conditional: [], cluster: [] };

if (!ONLY || ONLY === 'static') {
  console.log('\n## The server against nginx serving the same bytes\n');
  const rows = [];
  for (const a of answers) {
    for (const connections of CONNECTIONS) {
      const r = await sideBySide(a.path, connections);
      results.static.push({ path: a.path, connections, ...r });
      rows.push([
        a.path.length > 48 ? `${a.path.slice(0, 45)}…` : a.path, connections,
        fmt(r.server.rps), fmt(r.server.p50, 1), fmt(r.server.p99, 1), `${r.server.errors}/${r.server.timeouts}/${r.server.unexpected}`,
        fmt(r.nginx.rps), fmt(r.nginx.p50, 1), fmt(r.nginx.p99, 1), `${r.nginx.errors}/${r.nginx.timeouts}/${r.nginx.unexpected}`,
        fmt(r.server.rps / r.nginx.rps, 2), fmt(r.server.p99 / Math.max(r.nginx.p99, 1), 1),
        fmt(r.server.cpuUsPerReq), fmt(r.nginx.cpuUsPerReq),
      ]);
      process.stdout.write('.');
    }
  }
  console.log('\n');
  console.log(`bodies: ${answers.map((a) => `${a.bytes} B ${a.encoding ?? 'identity'}`).join(', ')}; nginx: ${NGINX_WORKERS} worker(s), access log on; server: one Node process, request log on`);
  console.log('ms latencies; err = errors/timeouts/other status; ratio = server req/s ÷ nginx req/s; p99× = server p99 ÷ nginx p99 (nginx p99 under 1 ms counted as 1 ms); µs = CPU time per request of that side\n');
  table(['path', 'conns', 'server req/s', 'p50', 'p99', 'err', 'nginx req/s', 'p50', 'p99', 'err', 'ratio', 'p99×', 'server µs', 'nginx µs'], rows);
}

if (!ONLY || ONLY === 'conditional') {
  console.log('\n## What a 304 costs against its 200 (10 connections)\n');
  console.log('starting a second server with nothing kept (--cache-mb 0), for the 200 as rendered …');
  const plain = await startApiServer({ args: ['--data', `${dir}/data-plain`, '--data-sets', 'seed,volume', '--cache-mb', '0'], label: 'uncached server' });
  const rows = [];
  for (const a of answers) {
    const headers = { 'Accept-Encoding': ACCEPT };
    const conditional = { ...headers, 'If-None-Match': a.etag };
    const etagPlain = (await fetch(plain.url + a.path, { headers })).headers.get('etag');
    const runs = { rendered: [], kept: [], notModified: [], notModifiedPlain: [] };
    await load(plain.url + a.path, { connections: 10, headers, duration: 1 });
    await load(server.url + a.path, { connections: 10, headers: conditional, duration: 1 });
    for (let round = 0; round < ROUNDS; round++) {
      runs.rendered.push(expectStatus(await load(plain.url + a.path, { connections: 10, headers, pids: [plain.pid] }), '200'));
      runs.kept.push(expectStatus(await load(server.url + a.path, { connections: 10, headers, pids: [server.pid] }), '200'));
      runs.notModified.push(expectStatus(await load(server.url + a.path, { connections: 10, headers: conditional, pids: [server.pid] }), '304'));
      runs.notModifiedPlain.push(expectStatus(await load(plain.url + a.path, { connections: 10, headers: { ...headers, 'If-None-Match': etagPlain }, pids: [plain.pid] }), '304'));
    }
    const s = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, summarize(v)]));
    results.conditional.push({ path: a.path, ...s });
    rows.push([
      a.path.length > 48 ? `${a.path.slice(0, 45)}…` : a.path,
      `${fmt(s.rendered.rps)} / ${fmt(s.rendered.cpuUsPerReq)}`,
      `${fmt(s.kept.rps)} / ${fmt(s.kept.cpuUsPerReq)}`,
      `${fmt(s.notModified.rps)} / ${fmt(s.notModified.cpuUsPerReq)}`,
      `${fmt(s.notModifiedPlain.rps)} / ${fmt(s.notModifiedPlain.cpuUsPerReq)}`,
      fmt(s.rendered.cpuUsPerReq / s.notModified.cpuUsPerReq, 1),
      fmt(s.kept.cpuUsPerReq / s.notModified.cpuUsPerReq, 1),
      `${s.rendered.errors + s.kept.errors + s.notModified.errors + s.notModifiedPlain.errors}/${s.rendered.timeouts + s.kept.timeouts + s.notModified.timeouts + s.notModifiedPlain.timeouts}/${s.rendered.unexpected + s.kept.unexpected + s.notModified.unexpected + s.notModifiedPlain.unexpected}`,
    ]);
    process.stdout.write('.');
  }
  console.log('\n');
  console.log('req/s / CPU µs per request; "200 rendered" = server with --cache-mb 0; cheaper = CPU per 200 ÷ CPU per 304\n');
  table(['path', '200 rendered', '200 kept', '304', '304 (no cache)', '304 cheaper than rendered', 'than kept', 'err'], rows);
  await plain.stop();
}

if (!ONLY || ONLY === 'cluster') {
  const { benchCluster } = await import('./lib/bench-cluster.mjs').catch(() => ({}));
  if (!benchCluster) {
    console.log('\n## Several instances: not measured (scripts/lib/bench-cluster.mjs is missing)');
  } else {
    results.cluster = await benchCluster({ paths: answers.map((a) => a.path), load, summarize, table, fmt, connections: CONNECTIONS, rounds: ROUNDS, accept: ACCEPT, dir, nginxWorkers: NGINX_WORKERS });
  }
}

console.log(`\nserver RSS after the run: ${fmt(rssMiB(server.pid))} MiB`);
writeFileSync(`${process.env.FK_BENCH_JSON ?? `${dir}/results.json`}`, JSON.stringify(results, null, 2));
await server.stop();
await nginx.stop();
process.exit(0);
