import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite has no locking between processes: a second process on the same data directory (a CLI
 * command next to a running server) reads and writes its own copy, and its writes may be lost or
 * overwritten. A lock file holding the owner's process id makes the second one stop with a clear
 * message instead. A lock left by a process that no longer runs (killed, crashed) is taken over.
 * Process ids are reused, so the lock also holds the owner's start time: a live process that
 * started at another time is not the owner, and its lock is taken over too.
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
      writeSync(fd, `${process.pid} ${startTime(process.pid) ?? ''}`.trim());
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // "<pid> <start time>"; a lock of an older version holds the pid only.
      const [pid = '', started] = readFileSync(path, 'utf8').trim().split(/\s+/);
      const owner = Number(pid);
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && running(owner) && !restarted(owner, started)) {
        throw new DataDirInUseError(
          `the data directory ${dataDir} is in use by process ${owner} (a running server?): stop it first, or make the change through the API`,
        );
      }
      rmSync(path, { force: true }); // stale: its process is gone, or the pid is another process's now
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

/**
 * When process `pid` started (field 22 of /proc/<pid>/stat, in clock ticks since boot), or null
 * where /proc is missing (macOS, Windows) or hides the process.
 */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2, the command name in parentheses, may itself hold spaces and parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the live process `pid` is another one than the one that started at `started`. */
function restarted(pid: number, started: string | undefined): boolean {
  if (started === undefined) return false; // an old lock: the pid is all there is to go by
  const now = startTime(pid);
  return now !== null && now !== started;
}
