import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite has no locking between processes: a second process on the same data directory (a CLI
 * command next to a running server) reads and writes its own copy, and its writes may be lost or
 * overwritten. A lock file holding the owner's process id makes the second one stop with a clear
 * message instead. A lock left by a process that no longer runs (killed, crashed) is taken over.
 */
export class DataDirInUseError extends Error {}

const FILE = 'fachkraefte.lock';

/** Takes the lock of `dataDir` for this process; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && running(owner)) {
        throw new DataDirInUseError(
          `the data directory ${dataDir} is in use by process ${owner} (a running server?): stop it first, or make the change through the API`,
        );
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirInUseError(`the data directory ${dataDir} could not be locked (${path})`);
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
