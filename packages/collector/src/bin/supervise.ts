import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** Set in the server's environment by its supervisor; `off` runs the server without one. */
const SUPERVISED = 'HARK_COLLECTOR_SUPERVISED';

/** What ended the server, in words an operator can act on. */
const CAUSES: Partial<Record<NodeJS.Signals, string>> = {
  SIGBUS:
    'a memory-mapped file went bad under it (usually the database -shm file truncated or on a full or failing disk); restart it, and check the disk and whoever touches the database files',
  SIGSEGV: 'a crash in native code (SQLite or Node); restart it, and report it with this line',
  SIGKILL: 'killed from outside (the out-of-memory killer, or kill -9)',
  SIGABRT: 'it aborted (a fatal error in native code, or out of memory)',
};

/**
 * Serves from a child process and stays beside it, to say how it ended. A SIGBUS (a damaged
 * memory-mapped `-shm` file) or SIGSEGV cannot be handled inside Node: the signal ends the
 * process before any JavaScript runs, so without a parent nothing would be written to the log.
 *
 * In the server itself (or with `HARK_COLLECTOR_SUPERVISED=off`) this resolves at once and the
 * caller serves. In the supervisor it never resolves: it forwards SIGINT, SIGTERM and SIGHUP to
 * the server and exits as the server did, 128 + the signal's number when a signal ended it (the
 * shell's convention). The server exits when its supervisor is gone (the IPC channel closes), so
 * a `kill -9` of the supervisor does not leave it serving.
 */
export function superviseServer(log: (line: string) => void): Promise<void> {
  const role = process.env[SUPERVISED];
  if (role === 'server') {
    // The channel only tells that the supervisor is gone; it does not keep the server alive.
    process.channel?.unref();
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
    return Promise.resolve();
  }
  if (role === 'off') return Promise.resolve();
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    // Its own process group: a terminal's Ctrl-C reaches the supervisor alone, which forwards it
    // once (a service manager killing the whole cgroup is handled by the server ignoring repeats).
    detached: true,
    env: { ...process.env, [SUPERVISED]: 'server' },
  });
  const forwarded = new Set<NodeJS.Signals>();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      forwarded.add(signal);
      child.kill(signal);
    });
  }
  child.once('error', (error) => {
    log(`hark-collector: cannot start the server process: ${error.message}`);
    process.exit(1);
  });
  child.once('exit', (code, signal) => {
    if (signal === null) process.exit(code ?? 1);
    if (!forwarded.has(signal)) {
      const cause = CAUSES[signal];
      log(
        `hark-collector: the server process (pid ${child.pid}) was killed by ${signal}${cause === undefined ? '' : `: ${cause}`}`,
      );
    }
    process.exit(128 + (constants.signals[signal] ?? 0));
  });
  return new Promise(() => {});
}
