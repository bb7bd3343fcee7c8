import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { answer, postSubmission, submissionOf } from '../support/submissions.js';
import { tempDir } from '../support/temp-dir.js';

// The built bin, as `npx hark-collector` runs it (the test command builds before testing).
const BIN = fileURLToPath(
  new URL('../../packages/collector/dist/bin/hark-collector.js', import.meta.url),
);
const dir = tempDir('hark-cli');
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

/** Starts the bin and resolves with its base URL once it says it listens. */
async function startBin(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [BIN, '--port', '0', ...args], {
    env: { ...process.env, ...env },
  });
  running.push(child);
  let out = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => {
    out += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d: string) => {
      out += d;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
  return { child, url, output: () => out };
}

/** The status of a raw HTTP/1.1 request with the given Host header, on its own connection. */
function statusWithHost(base: string, request: string, host: string, body = ''): Promise<number> {
  const { port, hostname } = new URL(base);
  const bytes =
    `${request} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n` +
    (body === ''
      ? '\r\n'
      : `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1])));
    socket.on('error', reject);
  });
}

describe('hark-collector', () => {
  it('serves SQLite by default, stores answers, and stops cleanly on SIGTERM', async () => {
    const db = dir.file('cli.db');
    const { child, url } = await startBin(['--db', db]);
    const batch = submissionOf(answer(), answer());
    expect((await postSubmission(url, batch)).status).toBe(202);
    expect((await postSubmission(url, batch)).status).toBe(202);
    const results = (await (await fetch(`${url}/results?surveyId=e2e`)).json()) as {
      kinds: Array<{ overall: { count: number } }>;
    };
    expect(results.kinds[0]?.overall.count).toBe(2);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('stores in PostgreSQL with --postgres', async () => {
    const { url } = await startBin(['--postgres', inject('pgUrl')]);
    const one = answer({ surveyId: `cli-pg-${process.pid}` });
    const response = await postSubmission(url, submissionOf(one));
    expect(await response.json()).toEqual({
      accepted: [one.id],
      stored: 1,
      duplicates: [],
      erased: [],
    });
  });

  it('lets only the allowed origins submit', async () => {
    const { url } = await startBin([
      '--db',
      dir.file('cors.db'),
      '--allow-origin',
      'https://shop.example',
    ]);
    expect(
      (await postSubmission(url, submissionOf(answer()), { origin: 'https://shop.example' }))
        .status,
    ).toBe(202);
    expect(
      (await postSubmission(url, submissionOf(answer()), { origin: 'https://evil.example' }))
        .status,
    ).toBe(403);
  });

  it('limits each client address to --rate-limit submissions per second, in bursts of ten seconds', async () => {
    const { url } = await startBin(['--db', dir.file('rate.db'), '--rate-limit', '1']);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await postSubmission(url, submissionOf(answer()))).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(statuses[10]).toBe(429);
  });

  it('guards results with the admin token from the environment', async () => {
    const token = 'a-long-enough-admin-token';
    const { url } = await startBin(['--db', dir.file('token.db')], { HARK_ADMIN_TOKEN: token });
    expect((await fetch(`${url}/results?surveyId=e2e`)).status).toBe(401);
    const authorised = await fetch(`${url}/results?surveyId=e2e`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(authorised.status).toBe(200);
  });

  it('answers only its own host names (DNS rebinding), and those --public-url adds', async () => {
    const { url } = await startBin([
      '--db',
      dir.file('hosts.db'),
      '--public-url',
      'https://hark.example',
    ]);
    const port = new URL(url).port;
    const body = JSON.stringify(submissionOf(answer({ surveyId: 'cli-hosts' })));
    expect(await statusWithHost(url, 'POST /v1/responses', 'hark.example', body)).toBe(202);
    // With a public name there is a proxy in front, connecting from loopback: no reads without a token.
    expect(await statusWithHost(url, 'GET /results?surveyId=cli-hosts', `localhost:${port}`)).toBe(
      403,
    );
    const rebound = `rebind.attacker.example:${port}`;
    expect(await statusWithHost(url, 'GET /results?surveyId=cli-hosts', rebound)).toBe(421);
    expect(await statusWithHost(url, 'DELETE /visitors/visitor-anyone', rebound)).toBe(421);
    expect(await statusWithHost(url, 'POST /v1/responses', rebound, body)).toBe(421);
    // Through its public name (a proxy in front), reading needs the token it was not given.
    expect(await statusWithHost(url, 'GET /results?surveyId=cli-hosts', 'hark.example')).toBe(403);
  });

  it('says where the dashboard is only when it is served', async () => {
    const local = await startBin(['--db', dir.file('dash.db')]);
    await expect
      .poll(local.output)
      .toContain(`hark-collector: dashboard at ${local.url}/dashboard/`);
    expect((await fetch(`${local.url}/dashboard/`)).status).toBe(200);
    local.child.kill('SIGTERM');
    await once(local.child, 'exit');

    const db = dir.file('dash-open.db');
    const open = await startBin(['--db', db, '--host', '0.0.0.0']);
    const port = new URL(open.url).port;
    expect((await fetch(`http://127.0.0.1:${port}/dashboard/`)).status).toBe(404);
    open.child.kill('SIGTERM');
    await once(open.child, 'exit'); // everything it printed has arrived
    expect(open.output().split('\n')).toEqual([
      'hark-collector: answers cannot be read or erased on 0.0.0.0 without an admin token (--admin-token or HARK_ADMIN_TOKEN); the dashboard is not served.',
      `hark-collector: listening on http://0.0.0.0:${port} (SQLite ${db}); POST http://0.0.0.0:${port}/v1/responses`,
      '',
    ]);
    expect(open.output()).not.toContain('dashboard at');
  });

  it.each([
    [['--port', 'abc'], 'hark-collector: --port must be a whole number from 0 to 65535, not "abc"'],
    [
      ['--db', 'a.db', '--postgres', 'postgres://x'],
      'hark-collector: use either --db or --postgres, not both',
    ],
    [['--colour'], "hark-collector: Unknown option '--colour'"],
    [
      ['--public-url', 'hark.example'],
      'hark-collector: --public-url must be an http(s) URL like https://hark.example, not "hark.example"',
    ],
    [
      ['--admin-token', ''],
      'hark-collector: --admin-token is empty (an unset shell variable?); leave it out, or give at least 16 characters',
    ],
    [
      ['--rate-limit', '1.5'],
      'hark-collector: --rate-limit must be a whole number of submissions per second, not "1.5"',
    ],
  ])('refuses %j with exit code 2 and a precise message', (args, message) => {
    const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(
      new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
    expect(result.stderr).toContain('Usage: hark-collector [options]');
  });

  it('says why it cannot start, with exit code 1', () => {
    const result = spawnSync(
      process.execPath,
      [BIN, '--db', dir.file('short.db'), '--admin-token', 'short'],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'hark-collector: cannot start: adminToken must be at least 16 characters long\n',
    );
  });

  it('erases a visitor in the database of a running server; a re-send is acknowledged, not stored', async () => {
    const db = dir.file('erase.db');
    const { child, url } = await startBin(['--db', db]);
    const mine = [
      answer({ visitorId: 'visitor-to-erase' }),
      answer({ visitorId: 'visitor-to-erase' }),
    ];
    const other = answer({ visitorId: 'visitor-to-keep' });
    expect((await postSubmission(url, submissionOf(...mine, other))).status).toBe(202);
    const erase = spawnSync(
      process.execPath,
      [BIN, 'erase', '--db', db, '--visitor', 'visitor-to-erase'],
      {
        encoding: 'utf8',
      },
    );
    expect(erase.status).toBe(0);
    expect(erase.stdout).toBe(
      'hark-collector: erased 2 stored answers of visitor visitor-to-erase; a re-send will not be stored.\n',
    );
    const resend = await postSubmission(url, submissionOf(mine[0] as (typeof mine)[0]));
    expect(await resend.json()).toMatchObject({ stored: 0, erased: [mine[0]?.id] });
    const results = (await (await fetch(`${url}/results?surveyId=e2e`)).json()) as {
      kinds: Array<{ overall: { count: number } }>;
    };
    expect(results.kinds[0]?.overall.count).toBe(1);
    const one = spawnSync(process.execPath, [BIN, 'erase', '--db', db, '--response', other.id], {
      encoding: 'utf8',
    });
    expect(one.stdout).toBe(
      `hark-collector: erased 1 stored answer of answer ${other.id}; a re-send will not be stored.\n`,
    );
    child.kill('SIGTERM');
    await once(child, 'exit');
  });

  it('exports a survey to a file (NDJSON) and to standard output (CSV)', async () => {
    const db = dir.file('export.db');
    const { child, url } = await startBin(['--db', db]);
    const answers = Array.from({ length: 2500 }, (_, i) =>
      answer({ surveyId: 'cli-export', score: i % 11, ...(i === 0 ? { comment: '=2+2' } : {}) }),
    );
    for (let i = 0; i < answers.length; i += 100) {
      expect((await postSubmission(url, submissionOf(...answers.slice(i, i + 100)))).status).toBe(
        202,
      );
    }
    const file = dir.file('answers.ndjson');
    const toFile = spawnSync(
      process.execPath,
      [BIN, 'export', '--db', db, '--survey', 'cli-export', '--format', 'ndjson', '--out', file],
      { encoding: 'utf8' },
    );
    expect(toFile.status).toBe(0);
    expect(toFile.stderr).toBe(`hark-collector: 2500 answers written to ${file}\n`);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2500);
    expect(new Set(lines.map((l) => l.id)).size).toBe(2500);
    const csv = spawnSync(process.execPath, [BIN, 'export', '--db', db, '--survey', 'cli-export'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(csv.status).toBe(0);
    const rows = csv.stdout.split('\r\n');
    expect(rows[0]).toMatch(/^id,surveyId,/);
    expect(rows).toHaveLength(2502); // header, 2,500 answers, and the empty string after the last CRLF
    expect(csv.stdout).toContain(",'=2+2,");
    child.kill('SIGTERM');
    await once(child, 'exit');
  });

  it.each([
    ['export', ['export', '--survey', 'cli-export']],
    ['erase', ['erase', '--visitor', 'visitor-to-erase']],
  ])('%s refuses a --db that does not exist, creating nothing', (command, args) => {
    const db = join(dir.path, 'missing', 'typo.db');
    const out = dir.file('not-written.csv');
    const result = spawnSync(
      process.execPath,
      [BIN, ...args, '--db', db, ...(command === 'export' ? ['--out', out] : [])],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `hark-collector: cannot ${command}: there is no database at ${db}; give the --db the server stores in\n`,
    );
    expect(existsSync(db)).toBe(false);
    expect(existsSync(dirname(db))).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it('export without --db looks for ./hark.db and creates none', () => {
    const cwd = dir.file('empty-folder');
    mkdirSync(cwd);
    const result = spawnSync(process.execPath, [BIN, 'export', '--survey', 's'], {
      cwd,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'hark-collector: cannot export: there is no database at hark.db; give the --db the server stores in\n',
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--retain-days deletes older answers when it starts', async () => {
    const db = dir.file('retain.db');
    const first = await startBin(['--db', db]);
    const old = answer({ answeredAt: new Date(Date.now() - 5 * 86_400_000).toISOString() });
    const recent = answer({ answeredAt: new Date(Date.now() - 86_400_000).toISOString() });
    expect((await postSubmission(first.url, submissionOf(old, recent))).status).toBe(202);
    first.child.kill('SIGTERM');
    await once(first.child, 'exit');
    const { child, url } = await startBin(['--db', db, '--retain-days', '3']);
    await expect
      .poll(async () => {
        const body = (await (await fetch(`${url}/results?surveyId=e2e`)).json()) as {
          kinds: Array<{ overall: { count: number } }>;
        };
        return body.kinds[0]?.overall.count;
      })
      .toBe(1);
    child.kill('SIGTERM');
    await once(child, 'exit');
  });

  it.each([
    [
      ['erase', '--db', 'x.db'],
      'hark-collector: erase needs exactly one of --response <id> or --visitor <visitorId>',
    ],
    [
      ['erase', '--response', 'a', '--visitor', 'b'],
      'hark-collector: erase needs exactly one of --response <id> or --visitor <visitorId>',
    ],
    [['frobnicate'], 'hark-collector: unknown command "frobnicate"'],
    [
      ['--alerts', '/nonexistent/alerts.json'],
      "hark-collector: --alerts /nonexistent/alerts.json: ENOENT: no such file or directory, open '/nonexistent/alerts.json'",
    ],
    [['export', '--db', 'x.db'], 'hark-collector: export needs --survey <id>'],
    [
      ['export', '--survey', 's', '--format', 'xlsx'],
      'hark-collector: --format must be csv or ndjson, not "xlsx"',
    ],
    [
      ['export', '--survey', 's', '--from', 'monday'],
      'hark-collector: --from must be an RFC 3339 date-time, like 2026-11-25T00:00:00Z, not "monday"',
    ],
    [
      ['--survey', 's'],
      'hark-collector: --survey, --format, --from, --to and --out go with the export command',
    ],
    [
      ['erase', '--response', 'abc'],
      'hark-collector: --response must be a response id (a UUID), not "abc"',
    ],
    [
      ['erase', '--visitor', 'short'],
      'hark-collector: --visitor must be a visitor id (8 to 64 letters, digits, "_" or "-"), not "short"',
    ],
    [
      ['--visitor', 'someone-1'],
      'hark-collector: --response and --visitor go with the erase command',
    ],
    [
      ['--retain-days', '0'],
      'hark-collector: --retain-days must be a positive number of days, not "0"',
    ],
  ])('refuses %j with exit code 2', (args, message) => {
    const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(message);
  });

  it('refuses alert rules with every problem named', () => {
    const file = dir.file('alerts.json');
    writeFileSync(
      file,
      JSON.stringify([
        {
          id: 'low',
          surveyId: 'checkout',
          when: { scoreAtMost: 11 },
          url: 'http://hooks.example',
          secret: 'short',
        },
        {
          id: 'low',
          surveyId: '*',
          when: {},
          url: 'https://hooks.example',
          secret: 'long-enough-secret!',
          extra: 1,
        },
      ]),
    );
    const result = spawnSync(process.execPath, [BIN, '--alerts', file], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      `hark-collector: --alerts ${file}: /0/when/scoreAtMost must be a whole number from 0 to 10; /0/url must be an https URL (http only on loopback); /0/secret must be at least 16 characters long; /1/extra is not a known field; /1/id repeats "low"; /1/when must have a condition: scoreAtMost, scoreAtLeast or comment`,
    );
  });

  it.each([['--version'], ['-v']])('prints its version with %s', (flag) => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../packages/collector/package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    const result = spawnSync(process.execPath, [BIN, flag], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${manifest.version}\n`);
    expect(result.stderr).toBe('');
  });

  it('prints its help', () => {
    const result = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--allow-origin <origin>');
  });
});
