import { type BigIntStats, statSync, truncateSync } from 'node:fs';

interface Identity {
  readonly dev: bigint;
  readonly ino: bigint;
  readonly size: bigint;
}

/**
 * The files of an open SQLite database (the database, its `-wal` and `-shm`) as they were when
 * opened, compared with what the paths name now.
 *
 * A connection keeps writing to files that were removed or replaced under it: with the folder
 * deleted, commits succeed into unlinked files and vanish at the next start. And the `-shm` file
 * is mapped into memory: once truncated, the next access beyond its new end is a SIGBUS, which
 * ends the process (no JavaScript can catch it). So before a commit is acknowledged, and before
 * the connection touches the files, the store asks `problem()`: three `stat` calls, a few
 * microseconds. A truncated `-shm` is grown back to its size at once (zeros, which SQLite reads
 * as an index to rebuild from the WAL), so that nothing in this process faults on it, closing
 * included; the store still refuses answers until restarted, since something is damaging its
 * files.
 *
 * Better-sqlite3 gives no file descriptor to `fstat`, so identity is the device and inode seen at
 * open (a path that still exists always has a link count above zero; a removed one fails to stat).
 */
export class DatabaseFiles {
  readonly #path: string;
  readonly #seen = new Map<string, Identity>();

  constructor(path: string) {
    this.#path = path;
    for (const file of this.#files()) {
      const now = identityOf(file);
      if (now !== undefined) this.#seen.set(file, now);
    }
  }

  /** Why the files on disk are no longer this connection's; undefined while they are. */
  problem(): string | undefined {
    for (const file of this.#files()) {
      const then = this.#seen.get(file);
      const now = identityOf(file);
      if (then === undefined) {
        // The -wal and -shm appear with the first read or write; from then on they are watched.
        if (now !== undefined) this.#seen.set(file, now);
        else if (file === this.#path) return `${file} does not exist`;
        continue;
      }
      if (now === undefined) return `${file} was removed while the collector had it open`;
      if (now.dev !== then.dev || now.ino !== then.ino) {
        return `${file} was replaced by another file while the collector had it open`;
      }
      if (file.endsWith('-shm')) {
        // The shared-memory index only grows while a connection is open: smaller means cut.
        if (now.size < then.size) {
          mend(file, then.size);
          return `${file} was truncated (${then.size} to ${now.size} bytes) while the collector had it open`;
        }
        if (now.size > then.size) this.#seen.set(file, now);
      }
    }
    return undefined;
  }

  #files(): readonly string[] {
    return [this.#path, `${this.#path}-wal`, `${this.#path}-shm`];
  }
}

function identityOf(file: string): Identity | undefined {
  let stats: BigIntStats | undefined;
  try {
    stats = statSync(file, { bigint: true, throwIfNoEntry: false });
  } catch {
    // A folder that is gone, or no longer readable: the file cannot be the one we opened.
    return undefined;
  }
  return stats === undefined ? undefined : { dev: stats.dev, ino: stats.ino, size: stats.size };
}

/** Gives the mapped file its pages back, so that touching the mapping is no SIGBUS. */
function mend(file: string, size: bigint): void {
  try {
    truncateSync(file, Number(size));
  } catch {
    // Nothing more to do: the store refuses every call from now on.
  }
}
