#!/usr/bin/env node
// `pnpm cluster`: N server instances on one PostgreSQL database behind nginx (Debian) as load
// balancer and HTTP cache, on this machine, until Ctrl+C. The arrangement of docs/deploy.md,
// without TLS and with everything in a temporary directory.
//
//   pnpm cluster --database-url postgres://fk:secret@127.0.0.1:5432/fachkraefte
//   pnpm cluster --instances 3 --max-age 5 --data-sets seed,upcoming
//   pnpm cluster --no-cache          nginx only balances, keeps nothing
//
// DATABASE_URL works as well. The first instance migrates the database and loads the data sets
// (into an empty database only); the others start after it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { startCluster } from './lib/cluster.mjs';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    instances: { type: 'string', default: '2' },
    'data-sets': { type: 'string', default: 'seed,upcoming' },
    'max-age': { type: 'string' },
    'no-cache': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('pnpm cluster [--database-url URL] [--instances 2] [--data-sets seed,upcoming] [--max-age 60] [--no-cache]');
  process.exit(0);
}
const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(`error: the instances share a PostgreSQL database: pass --database-url postgres://user:password@host:5432/db
(or set DATABASE_URL). On Debian, as root:
  apt-get install -y postgresql nginx && pg_ctlcluster 15 main start
  su postgres -c "psql -c \\"create role fk login password 'fk'\\" -c 'create database fk owner fk'"
  pnpm cluster --database-url postgres://fk:fk@127.0.0.1:5432/fk`);
  process.exit(2);
}
const instances = Number(values.instances);
if (!Number.isInteger(instances) || instances < 1 || instances > 16) {
  console.error('error: --instances must be 1–16');
  process.exit(2);
}

const dir = mkdtempSync(`${tmpdir()}/fk-cluster-`);
const cluster = await startCluster({
  databaseUrl, instances, dataSets: values['data-sets'], dir, cache: !values['no-cache'],
  ...(values['max-age'] !== undefined ? { maxAge: Number(values['max-age']) } : {}),
}).catch((err) => {
  console.error(`error: ${err.message}`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
console.log(`nginx (${values['no-cache'] ? 'balancing only' : 'balancing and caching'}): ${cluster.url}/v1/alliances`);
for (const s of cluster.servers) console.log(`  ${s.label}: ${s.url} (pid ${s.pid})`);
console.log(`nginx configuration and logs: ${dir} (access.log shows cache=HIT/MISS/REVALIDATED/STALE/UPDATING)`);
console.log('stop with Ctrl+C');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
// Keep running until a signal (bounded: a day at most).
setTimeout(stop, 24 * 3600 * 1000);
