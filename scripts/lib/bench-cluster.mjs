// The cluster part of `pnpm bench:load`: the volume data set on PostgreSQL, one instance alone,
// two instances behind nginx (balancing only), and two behind nginx with its cache.
// Needs a PostgreSQL role that may create databases: FK_BENCH_DATABASE_URL, else
// FK_TEST_DATABASE_URL (what .ci/run sets up). A fresh database is made and dropped afterwards.
import { createRequire } from 'node:module';
import { startCluster } from './cluster.mjs';
import { root, rssMiB, startApiServer } from './processes.mjs';

/** A node-postgres client of the server package (the root has no dependency of its own on it). */
function pgClient(url) {
  const pg = createRequire(`${root}packages/server/package.json`)('pg');
  return new pg.Client({ connectionString: url });
}

/** Creates a fresh database next to `adminUrl`'s and returns its URL and a drop(). */
export async function createDatabase(adminUrl, prefix = 'fk_bench') {
  const name = `${prefix}_${Math.random().toString(16).slice(2, 10)}`;
  const run = async (sql) => {
    const c = pgClient(adminUrl);
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  // Collation C: the order PGlite sorts names in.
  await run(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

export async function benchCluster({ paths, load, summarize, table, fmt, connections, rounds, accept, dir, nginxWorkers }) {
  const adminUrl = process.env.FK_BENCH_DATABASE_URL || process.env.FK_TEST_DATABASE_URL;
  console.log('\n## One instance against two, and two behind nginx\'s cache (PostgreSQL)\n');
  if (!adminUrl) {
    console.log('not measured: set FK_BENCH_DATABASE_URL (or FK_TEST_DATABASE_URL) to a PostgreSQL role that may create databases');
    return [];
  }
  const db = await createDatabase(adminUrl);
  const results = [];
  try {
    // The first instance loads the volume set once; the arrangements below share it.
    console.log('loading the volume data set into PostgreSQL …');
    const loader = await startApiServer({ args: ['--database-url', db.url, '--data-sets', 'seed,volume'], label: 'loader', startupMs: 600_000 });
    await loader.stop();
    const arrangements = [
      ['1 instance, direct', async () => {
        const s = await startApiServer({ args: ['--database-url', db.url, '--data-sets', 'seed,volume'], label: 'instance' });
        return { url: s.url, pids: () => [s.pid], rss: () => [rssMiB(s.pid)], stop: () => s.stop() };
      }],
      ['2 instances, nginx balancing', async () => {
        const c = await startCluster({ databaseUrl: db.url, instances: 2, dataSets: 'seed,volume', cache: false, dir: `${dir}/cluster-plain`, workers: nginxWorkers });
        return { url: c.url, pids: () => [...c.servers.map((s) => s.pid), ...c.nginx.pids()], rss: () => c.servers.map((s) => rssMiB(s.pid)), stop: () => c.stop() };
      }],
      ['2 instances, nginx cache', async () => {
        const c = await startCluster({ databaseUrl: db.url, instances: 2, dataSets: 'seed,volume', cache: true, dir: `${dir}/cluster-cache`, workers: nginxWorkers });
        return { url: c.url, pids: () => [...c.servers.map((s) => s.pid), ...c.nginx.pids()], rss: () => c.servers.map((s) => rssMiB(s.pid)), stop: () => c.stop() };
      }],
    ];
    const rows = [];
    for (const [name, start] of arrangements) {
      const a = await start();
      try {
        for (const path of paths) {
          for (const conns of connections) {
            const headers = { 'Accept-Encoding': accept };
            await load(a.url + path, { connections: conns, headers, duration: 1 });
            const runs = [];
            for (let r = 0; r < rounds; r++) {
              const x = await load(a.url + path, { connections: conns, headers, pids: a.pids() });
              runs.push({ ...x, unexpected: x.total - (x.statuses['200'] ?? 0) });
            }
            const s = summarize(runs);
            results.push({ arrangement: name, path, connections: conns, ...s });
            rows.push([name, path.length > 40 ? `${path.slice(0, 37)}…` : path, conns, fmt(s.rps), fmt(s.p50, 1), fmt(s.p99, 1), `${s.errors}/${s.timeouts}/${s.unexpected}`, fmt(s.cpuUsPerReq)]);
            process.stdout.write('.');
          }
        }
        rows.push([`  RSS of the instances: ${a.rss().map((m) => `${fmt(m)} MiB`).join(', ')}`, '', '', '', '', '', '', '']);
      } finally {
        await a.stop();
      }
    }
    console.log('\n');
    console.log('µs = CPU time per request of all processes of the arrangement (instances and nginx; not PostgreSQL)\n');
    table(['arrangement', 'path', 'conns', 'req/s', 'p50', 'p99', 'err', 'µs'], rows);
  } finally {
    await db.drop();
  }
  return results;
}
