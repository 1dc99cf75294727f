// Processes of the load benchmark and the cluster script: server instances of this repository,
// nginx from Debian with its own configuration, each bounded in time, stopped by its own pid.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';

export const root = new URL('../../', import.meta.url).pathname;

/** A free TCP port on loopback (the OS picks it; closed again at once). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Polls `url` until it answers 200, at most `ms`; throws with `describe()` otherwise. */
export async function waitFor(url, ms, describe = () => '') {
  const until = Date.now() + ms;
  for (let i = 0; Date.now() < until; i++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, Math.min(100 * (i + 1), 500)));
  }
  throw new Error(`${url} did not answer 200 within ${ms / 1000} s${describe() ? `:\n${describe()}` : ''}`);
}

const children = new Set();
let cleanupInstalled = false;

function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const stopAll = () => {
    for (const stop of children) {
      try {
        stop();
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', stopAll);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      stopAll();
      process.exit(130);
    });
  }
}

/**
 * Starts `fachkraefte-server serve` from the sources (tsx) on a free port and waits for /healthz.
 * `args` are further CLI options. Its request log goes to /dev/null (still written, as in
 * production), stderr is kept for error messages.
 */
export async function startApiServer({ args = [], env = {}, startupMs = 180_000, label = 'server' } = {}) {
  installCleanup();
  const port = await freePort();
  const child = spawn(process.execPath, [
    '--conditions=@fachkraefte/source', '--import', 'tsx', 'packages/server/src/cli.ts', 'serve', '--port', String(port), ...args,
  ], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const stop = () => child.exitCode === null && child.kill('SIGTERM');
  children.add(stop);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  await Promise.race([
    waitFor(`${url}/healthz`, startupMs, () => stderr),
    exited.then((code) => {
      throw new Error(`${label} exited (${code}) before it answered:\n${stderr}`);
    }),
  ]);
  return {
    url, port, pid: child.pid, label,
    stderr: () => stderr,
    async stop() {
      children.delete(stop);
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The Debian nginx binary, or null. */
export function findNginx() {
  for (const p of [process.env.NGINX, '/usr/sbin/nginx', '/usr/bin/nginx']) if (p && existsSync(p)) return p;
  return null;
}

/**
 * Starts nginx with `config` (a whole nginx.conf, written into `dir`); it runs as a daemon with
 * its pid file in `dir`, and is stopped by that pid.
 */
export async function startNginx(dir, config, healthUrl) {
  installCleanup();
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx not found: apt-get install -y nginx (or set NGINX)');
  const conf = `${dir}/nginx.conf`;
  writeFileSync(conf, config);
  // Started by root, nginx's workers run as another user (www-data): they must reach the directory
  // (its cache, the static files). A temporary directory is made for its owner alone.
  chmodSync(dir, 0o755);
  const r = spawnSync(nginx, ['-c', conf, '-p', dir, '-e', `${dir}/error.log`], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`nginx did not start: ${r.stderr || r.stdout}`);
  const pidFile = `${dir}/nginx.pid`;
  // Read once and kept: the pid file may be gone (its directory removed) by the time nginx is stopped.
  let known = null;
  const pid = () => {
    if (known === null && existsSync(pidFile)) known = Number(readFileSync(pidFile, 'utf8').trim()) || null;
    return known;
  };
  pid();
  const stop = () => {
    const p = pid();
    if (p) process.kill(p, 'SIGQUIT');
  };
  children.add(stop);
  await waitFor(healthUrl, 15_000, () => (existsSync(`${dir}/error.log`) ? readFileSync(`${dir}/error.log`, 'utf8').slice(-2000) : ''));
  return {
    pid,
    /** Every pid of the master and its workers (for CPU time). */
    pids() {
      const master = pid();
      if (!master) return [];
      const kids = spawnSync('pgrep', ['-P', String(master)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
      return [master, ...kids];
    },
    async stop() {
      children.delete(stop);
      const p = pid();
      if (!p) return;
      try {
        process.kill(p, 'SIGQUIT');
      } catch {
        return;
      }
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(p, 0);
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      process.kill(p, 'SIGKILL');
    },
  };
}

/** CPU time (user + system) of processes in milliseconds, from /proc (Linux). */
export function cpuMs(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** Resident set size in MiB of a process (VmRSS), or null. */
export function rssMiB(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
