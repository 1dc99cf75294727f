import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How the command line reaches a server that runs on the same data directory. PGlite allows one
 * process per directory, so `keys`, `load` and `import-ics` cannot open the database while a server
 * holds it; instead they send their change through the server's API. The server writes its address
 * and a fresh secret into `control.json` in the data directory, readable by its owner only: whoever
 * may read the data directory may already change everything in it, so the file grants nothing new.
 * The secret lives in the server's memory only and dies with the process.
 */
export interface Control {
  pid: number;
  /** Base URL of the running server, e.g. http://127.0.0.1:8080. */
  url: string;
  token: string;
}

const FILE = 'control.json';

/** A new secret of the form the Authorization header takes. */
export function newControlToken(): string {
  return `fkctl_${randomBytes(32).toString('base64url')}`;
}

/** Writes `control.json` (mode 0600); returns the function that removes it. */
export function writeControlFile(dataDir: string, control: Control): () => void {
  const path = join(dataDir, FILE);
  writeFileSync(path, `${JSON.stringify(control)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600); // also when the file was left behind by a killed server
  return () => rmSync(path, { force: true });
}

/** The running server's control data, or null when there is none (or it is unreadable). */
export function readControlFile(dataDir: string): Control | null {
  try {
    const value = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as Partial<Control>;
    if (typeof value.url === 'string' && typeof value.token === 'string' && typeof value.pid === 'number') return value as Control;
  } catch {
    // missing or torn: treated as no server
  }
  return null;
}

/** The address the command line on this machine uses for a server listening on `host`. */
export function localUrl(host: string, port: number): string {
  const h = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${h.includes(':') ? `[${h}]` : h}:${port}`;
}
