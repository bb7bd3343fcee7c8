import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, postSubmission, submissionOf } from '../support/submissions.js';
import { tempDir } from '../support/temp-dir.js';

// The built bin, as `npx hark-collector` runs it: serve()'s default timeouts and caps.
const BIN = fileURLToPath(
  new URL('../../packages/collector/dist/bin/hark-collector.js', import.meta.url),
);
const SERVER_DESCRIPTORS = 4_096;
const HEADERS_TIMEOUT_MS = 10_000;
const PER_ADDRESS_CAP = 128;
const TOKEN = 'slow-clients-admin-token';
const dir = tempDir('hark-slow-clients');

/** A process's soft limit on open files, from /proc (this test runs on Linux). */
function descriptorLimit(pid: number | 'self'): number {
  const line = readFileSync(`/proc/${pid}/limits`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  return Number(line?.split(/\s+/)[3]);
}

// More sockets than the server has descriptors, as far as this process has room for them.
const ATTACK_SOCKETS = Math.min(5_000, descriptorLimit('self') - 512);

let server: ChildProcess;
let url: string;
const attack: SlowSocket[] = [];

beforeAll(async () => {
  // bash's `ulimit -n` sets the soft and the hard limit: the server really has 4,096 descriptors.
  server = spawn(
    'bash',
    [
      '-c',
      `ulimit -n ${SERVER_DESCRIPTORS} && exec "$0" "$@"`,
      process.execPath,
      BIN,
      '--port',
      '0',
      '--db',
      dir.file('slow.db'),
      '--admin-token',
      TOKEN,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  server.stderr?.setEncoding('utf8').on('data', (d: string) => {
    output += d;
  });
  url = await new Promise<string>((resolve, reject) => {
    server.stdout?.setEncoding('utf8').on('data', (d: string) => {
      output += d;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    server.once('exit', (code) =>
      reject(new Error(`hark-collector exited with ${code}: ${output}`)),
    );
  });
});

afterAll(() => {
  for (const slow of attack) slow.socket.destroy();
  server?.kill('SIGKILL');
});

interface SlowSocket {
  readonly socket: Socket;
  readonly closed: Promise<void>;
  connectedAt: number;
  closedAt: number;
  received: string;
}

/**
 * Opens a connection from 127.0.0.2 that never finishes its request: every other one sends part
 * of a request's headers, the rest not a byte. Resolves once it is connected or closed.
 */
function openSlowSocket(port: number, n: number, onClose: () => void): Promise<void> {
  const socket = connect({ host: '127.0.0.1', port, localAddress: '127.0.0.2' });
  let closed!: () => void;
  const slow: SlowSocket = {
    socket,
    closed: new Promise((resolve) => {
      closed = resolve;
    }),
    connectedAt: 0,
    closedAt: 0,
    received: '',
  };
  attack.push(slow);
  return new Promise((resolve) => {
    socket.on('connect', () => {
      slow.connectedAt = performance.now();
      if (n % 2 === 0)
        socket.write(`POST /v1/responses HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Ty`);
      resolve();
    });
    socket.on('data', (chunk: Buffer) => {
      slow.received += chunk.toString('latin1');
    });
    // A connection over the cap is reset: ECONNRESET, then 'close'.
    socket.on('error', () => {});
    socket.on('close', () => {
      slow.closedAt = performance.now();
      closed();
      onClose();
      resolve();
    });
  });
}

describe('slow clients against hark-collector with 4,096 descriptors', () => {
  it('serves 127.0.0.1 while 127.0.0.2 holds thousands of half-open sockets, then reaps them', async () => {
    expect(descriptorLimit(server.pid as number)).toBe(SERVER_DESCRIPTORS);
    expect(ATTACK_SOCKETS).toBeGreaterThan(SERVER_DESCRIPTORS);
    const port = Number(new URL(url).port);

    // The server resets every socket over the per-address cap as it accepts it; the first 128
    // stay open, waiting for their headers.
    let closedCount = 0;
    let allButHeldClosed!: () => void;
    const refused = new Promise<void>((resolve) => {
      allButHeldClosed = resolve;
    });
    const onClose = () => {
      if (++closedCount === ATTACK_SOCKETS - PER_ADDRESS_CAP) allButHeldClosed();
    };
    const started = performance.now();
    for (let i = 0; i < ATTACK_SOCKETS; i += 250) {
      const wave = Math.min(250, ATTACK_SOCKETS - i);
      await Promise.all(
        Array.from({ length: wave }, (_, k) => openSlowSocket(port, i + k, onClose)),
      );
    }
    await refused;
    const attackOpen = performance.now() - started;
    const held = attack.filter((slow) => slow.closedAt === 0);
    expect(held).toHaveLength(PER_ADDRESS_CAP);
    // Refused at once, without an answer: not timed out (that would be a 408).
    expect(attack.filter((s) => s.closedAt !== 0 && s.received !== '').length).toBe(0);

    // A visitor from another address answers and the owner reads, while the 128 are held.
    const visitorStarted = performance.now();
    const batch = submissionOf(answer({ surveyId: 'slow-clients' }));
    const post = await postSubmission(url, batch);
    expect(post.status).toBe(202);
    expect(((await post.json()) as { accepted: string[] }).accepted).toEqual([
      batch.responses[0]?.id,
    ]);
    const results = await fetch(`${url}/results?surveyId=slow-clients`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(results.status).toBe(200);
    const body = (await results.json()) as { kinds: Array<{ overall: { count: number } }> };
    expect(body.kinds[0]?.overall.count).toBe(1);
    const visitor = performance.now() - visitorStarted;
    expect(held.filter((slow) => slow.closedAt !== 0).length).toBe(0);

    // The server itself ends every held socket once its headers timeout is up: a 408, then close.
    await Promise.all(held.map((slow) => slow.closed));
    for (const slow of held) expect(slow.received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    const lifetimes = held.map((slow) => slow.closedAt - slow.connectedAt);
    // Node's own 30 s checking interval let such sockets live up to 40 s.
    expect(Math.max(...lifetimes)).toBeLessThan(HEADERS_TIMEOUT_MS + 10_000);
    console.log(
      `slow clients: ${ATTACK_SOCKETS} sockets from 127.0.0.2, ${held.length} held, the rest refused in ${Math.round(attackOpen)} ms; ` +
        `POST + GET from 127.0.0.1 in ${Math.round(visitor)} ms; held sockets reaped after ` +
        `${Math.round(Math.min(...lifetimes))}–${Math.round(Math.max(...lifetimes))} ms`,
    );
  }, 60_000);
});
