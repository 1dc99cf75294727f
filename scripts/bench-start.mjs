#!/usr/bin/env node
// `pnpm bench:start`: how long `pnpm start` takes until GET /healthz answers 200, on this checkout
// as it is (run `pnpm build` first to measure a built checkout). Each run starts `pnpm start` on a
// free port with a data directory of its own that an untimed first start has filled, polls /healthz
// every 50 ms, and stops the server. Prints each run and the median.
// With --edit FILE, a comment is appended to FILE before each timed run (a changed source, so the
// build must redo that package and what depends on it); FILE is restored at the end.
//   node scripts/bench-start.mjs [runs=3] [--edit packages/server/src/app.ts]
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const editAt = argv.indexOf('--edit');
const edit = editAt >= 0 ? join(root, argv.splice(editAt, 2)[1]) : null;
const runs = Number(argv[0] ?? 3);

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Starts `pnpm start`, resolves with the seconds until /healthz said 200, then stops it. */
export async function timeStart({ dataDir, timeoutMs = 300_000, quiet = true } = {}) {
  const port = await freePort();
  const started = performance.now();
  // Its own process group, so that stopping it stops pnpm, the build and the server alike.
  const child = spawn('pnpm', ['start'], {
    cwd: root,
    detached: true,
    stdio: quiet ? 'ignore' : 'inherit',
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', FK_DATA_DIR: dataDir },
  });
  let exited = null;
  child.on('exit', (code) => (exited = code));
  try {
    while (performance.now() - started < timeoutMs) {
      if (exited !== null) throw new Error(`pnpm start exited with ${exited} before /healthz answered`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
        await res.arrayBuffer();
        if (res.status === 200) return (performance.now() - started) / 1000;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no 200 from /healthz within ${timeoutMs / 1000} s`);
  } finally {
    if (exited === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone already */
      }
      await new Promise((r) => (exited !== null ? r() : child.on('exit', r)));
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dataDir = mkdtempSync(join(tmpdir(), 'fk-bench-start-'));
  const original = edit ? readFileSync(edit) : null;
  try {
    const first = await timeStart({ dataDir });
    console.log(`first start (empty data directory, untimed in the median): ${first.toFixed(1)} s`);
    const times = [];
    for (let i = 0; i < runs; i++) {
      if (edit) appendFileSync(edit, `\n// bench-start ${Date.now()}\n`);
      times.push(await timeStart({ dataDir }));
      console.log(`run ${i + 1}: ${times.at(-1).toFixed(1)} s`);
    }
    times.sort((a, b) => a - b);
    console.log(`median of ${runs}: ${times[Math.floor(times.length / 2)].toFixed(1)} s to the first 200 on /healthz${edit ? ` (a changed ${edit.slice(root.length)} each run)` : ''}`);
  } finally {
    if (edit) writeFileSync(edit, original);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
