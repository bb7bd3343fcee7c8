import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { answer, postSubmission, submissionOf } from '../support/submissions.js';
import { tempDir } from '../support/temp-dir.js';

// The built bin serves from a child process and stays beside it, so that a signal no JavaScript
// can handle (a SIGBUS from a damaged -shm mapping, a SIGSEGV) still leaves a line in the log.
const BIN = fileURLToPath(
  new URL('../../packages/collector/dist/bin/hark-collector.js', import.meta.url),
);
const dir = tempDir('hark-supervisor');
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

interface Started {
  readonly supervisor: ChildProcess;
  readonly url: string;
  readonly serverPid: number;
  readonly stderr: () => string;
}

async function startBin(): Promise<Started> {
  const supervisor = spawn(process.execPath, [BIN, '--port', '0', '--db', dir.file('s.db')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(supervisor);
  let out = '';
  let err = '';
  supervisor.stderr?.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    supervisor.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    supervisor.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}${err}`)));
  });
  const pid = supervisor.pid as number;
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ');
  expect(children).toHaveLength(1);
  return { supervisor, url, serverPid: Number(children[0]), stderr: () => err };
}

/** Whether a process runs (a zombie waiting for a parent that never reaps it does not). */
function alive(pid: number): boolean {
  try {
    // The state follows the command's closing parenthesis: `Z` for a zombie.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('hark-collector under its supervisor', () => {
  it('logs the signal the server died of, and exits 128 + its number', async () => {
    const { supervisor, url, serverPid, stderr } = await startBin();
    expect((await postSubmission(url, submissionOf(answer()))).status).toBe(202);
    const exited = once(supervisor, 'exit');
    // The signal a damaged -shm mapping raises. Sent with kill here: to the supervisor, which
    // only sees how its child ended, it is the same (the store itself refuses a truncated -shm
    // before touching it; see storage-faults.test.ts).
    process.kill(serverPid, 'SIGBUS');
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 128 + 7, signal: null });
    expect(stderr()).toContain(
      `hark-collector: the server process (pid ${serverPid}) was killed by SIGBUS: a memory-mapped file went bad under it`,
    );
  });

  it('passes SIGTERM on: the server closes and both exit 0, nothing logged as a crash', async () => {
    const { supervisor, serverPid, stderr } = await startBin();
    const exited = once(supervisor, 'exit');
    supervisor.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
    expect(alive(serverPid)).toBe(false);
    expect(stderr()).not.toContain('was killed by');
  });

  it('closes once when every process gets the signal (Ctrl-C, a service manager stopping the cgroup)', async () => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      const { supervisor, serverPid, stderr } = await startBin();
      const exited = once(supervisor, 'exit');
      // Both at once, as a terminal's process group or systemd's KillMode=control-group does:
      // the server gets its own copy and then the one its supervisor forwards.
      process.kill(serverPid, signal);
      supervisor.kill(signal);
      expect({ signal, exit: await exited }).toEqual({ signal, exit: [0, null] });
      expect(alive(serverPid)).toBe(false);
      expect(stderr()).not.toContain('was killed by');
    }
  });

  it('takes the server down with it when the supervisor itself is killed with SIGKILL', async () => {
    const { supervisor, url, serverPid } = await startBin();
    const exited = once(supervisor, 'exit');
    supervisor.kill('SIGKILL');
    await exited;
    // The server sees its IPC channel close and shuts down: its port stops answering.
    await expect
      .poll(
        async () => {
          try {
            await fetch(`${url}/v1/responses`, { method: 'OPTIONS' });
            return 'answering';
          } catch {
            return 'gone';
          }
        },
        { timeout: 20_000, interval: 50 },
      )
      .toBe('gone');
    await expect.poll(() => alive(serverPid), { timeout: 20_000, interval: 50 }).toBe(false);
  });
});
