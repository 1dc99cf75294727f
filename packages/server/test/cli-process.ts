// Shared by the tests that run the command line as an operator does: real child processes of
// `src/cli.ts` (through tsx), on real data directories.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const NODE_ARGS = ['--conditions=@fachkraefte/source', '--import', 'tsx', 'src/cli.ts'];

/** How a CLI process ended, and all it printed. */
export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function spawnCli(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [...NODE_ARGS, ...args], { cwd: PACKAGE_DIR, env: { ...process.env, ...env } });
}

function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** Runs the CLI to its end. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<Finished> {
  return finished(spawnCli(args, env));
}

/**
 * Starts the CLI (`serve …`); `url` resolves once it printed its URL and rejects if it ends first
 * or prints none within a minute. A test that kills the server on purpose need not await it.
 */
export function spawnServe(args: string[], env: Record<string, string> = {}): { child: ChildProcess; url: Promise<string>; done: Promise<Finished> } {
  const child = spawnCli(args, env);
  const done = finished(child);
  const url = new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in time:\n${seen}`)), 60_000);
    child.stderr!.on('data', (d) => {
      seen += d;
      const m = /Fachkräfte API: (http:\/\/\S+?)\/v1\/alliances/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('close', () => {
      clearTimeout(timer);
      reject(new Error(`serve ended before it listened:\n${seen}`));
    });
  });
  url.catch(() => undefined);
  return { child, url, done };
}

/** Starts the CLI (`serve …`) and waits for its URL. */
export async function startServe(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; done: Promise<Finished> }> {
  const serve = spawnServe(args, env);
  return { child: serve.child, url: await serve.url, done: serve.done };
}
