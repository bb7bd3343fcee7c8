import { type ChildProcess, spawn } from 'node:child_process';

/** An X server started by `startXvfb`, and the display it serves (`:3`). */
export interface StartedXvfb {
  readonly process: ChildProcess;
  readonly display: string;
}

export interface XvfbOptions {
  /** The screen's size and depth, `WIDTHxHEIGHTxDEPTH`. */
  readonly screen: string;
  readonly env?: NodeJS.ProcessEnv;
  /** In a process group of its own, so a caller can kill the group. */
  readonly detached?: boolean;
  readonly timeoutMs?: number;
}

/**
 * An X server of its own for a headed browser. `-displayfd`: the server picks a free display
 * number itself and writes it to fd 3, so two runs (or a display left by someone else) never
 * collide; `-noreset`: it stays as it is when its last client (a browser) closes. On failure the
 * server is killed and the error says what it printed.
 */
export function startXvfb({
  screen,
  env = process.env,
  detached = false,
  timeoutMs = 30_000,
}: XvfbOptions): Promise<StartedXvfb> {
  const xvfb = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', screen, '-nolisten', 'tcp', '-noreset'],
    { env, detached, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let errors = '';
    let number = '';
    const fail = (error: Error) => {
      clearTimeout(timer);
      if (xvfb.exitCode === null) xvfb.kill('SIGKILL');
      reject(error);
    };
    const timer = setTimeout(
      () => fail(new Error(`Xvfb did not start within ${timeoutMs} ms: ${errors.trim()}`)),
      timeoutMs,
    );
    xvfb.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    xvfb.stdio[3]?.on('data', (chunk: Buffer) => {
      number += chunk.toString();
      if (!number.includes('\n')) return;
      clearTimeout(timer);
      resolve({ process: xvfb, display: `:${number.trim()}` });
    });
    xvfb.once('error', (error) =>
      fail(new Error(`Xvfb could not start (install Debian's xvfb): ${error.message}`)),
    );
    xvfb.once('exit', (code, signal) =>
      fail(new Error(`Xvfb exited (${code ?? signal}): ${errors.trim()}`)),
    );
  });
}
