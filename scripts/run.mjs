#!/usr/bin/env node
// The README's two commands run this: `npm start` (the demo page with the reference collector)
// and `npm test` (every check). Each installs what it needs on a fresh machine that has only
// Node 20 and npm: pnpm, the dependencies, and for the tests Chromium, Firefox, WebKitGTK, Xvfb,
// the Orca screen reader and PostgreSQL.
// Plain Node, no dependencies: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = JSON.parse(
  readFileSync(join(ROOT, 'package.json'), 'utf8'),
).packageManager.split('@')[1];
const IS_ROOT = process.getuid?.() === 0;
const env = { ...process.env };
// better-sqlite3 compiles from source here; node-gyp would otherwise download Node's headers.
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h'))
  env.npm_config_nodedir = '/usr';

function say(line) {
  process.stdout.write(`\n▶ ${line}\n`);
}

function fail(message) {
  process.stderr.write(`\n✖ ${message}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env, ...options });
  if (result.error) fail(`${command} could not start: ${result.error.message}`);
  return result.status ?? 1;
}

function must(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) fail(`${[command, ...args].join(' ')} exited with ${status}`);
}

function output(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** pnpm at the pinned version: the one on PATH, else installed globally (root), else via npx. */
function ensurePnpm() {
  if (output('pnpm', ['--version']) === PNPM_VERSION) return ['pnpm'];
  if (IS_ROOT) {
    say(`installing pnpm ${PNPM_VERSION}`);
    if (
      run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]) === 0 &&
      output('pnpm', ['--version']) === PNPM_VERSION
    ) {
      return ['pnpm'];
    }
  }
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

function pnpm(pnpmCommand, args, options) {
  const [command, ...prefix] = pnpmCommand;
  must(command, [...prefix, ...args], options);
}

function findChromium() {
  const candidates = [
    env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ];
  return candidates.find((path) => path && existsSync(path));
}

function findPostgresBin() {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb')));
    versions.sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin');
  }
  const onPath = output('sh', ['-c', 'command -v initdb']);
  return onPath ? dirname(onPath) : undefined;
}

/** Debian packages the tests need and this machine lacks; installed when we may, else explained. */
function ensureSystemPackages() {
  const missing = [];
  if (!findChromium()) missing.push('chromium');
  // The component tests run in Firefox and WebKit too; WebKit's MiniBrowser needs an X server.
  for (const [binary, pkg] of [
    ['/usr/bin/firefox-esr', 'firefox-esr'],
    ['/usr/bin/WebKitWebDriver', 'webkit2gtk-driver'],
    ['/usr/bin/Xvfb', 'xvfb'],
    // A real screen reader listens to headed Chromium (test/screen-reader).
    ['/usr/bin/orca', 'orca'],
    ['/usr/libexec/at-spi-bus-launcher', 'at-spi2-core'],
    ['/usr/bin/dbus-launch', 'dbus-x11'],
    ['/usr/bin/xdotool', 'xdotool'],
  ]) {
    if (!existsSync(binary)) missing.push(pkg);
  }
  if (!env.HARK_PG_URL && !findPostgresBin()) missing.push('postgresql');
  // The schema-agreement test runs the published JSON Schema through Python's jsonschema too.
  const pythons = ['/usr/bin/python3', 'python3'];
  if (!pythons.some((python) => output(python, ['-c', 'import jsonschema']) !== undefined))
    missing.push('python3-jsonschema');
  // Without it the CSAT emoji faces show as empty boxes in the review screenshots.
  const emojiFont = '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf';
  const optional = existsSync(emojiFont) ? [] : ['fonts-noto-color-emoji'];
  const canApt = IS_ROOT && output('sh', ['-c', 'command -v apt-get']) !== undefined;
  if (missing.length === 0 && (optional.length === 0 || !canApt)) return;
  if (!canApt) {
    const help = [];
    if (missing.includes('chromium'))
      help.push('install Chromium or Chrome and set CHROME_PATH to its binary');
    if (missing.includes('postgresql'))
      help.push(
        'install PostgreSQL server binaries (initdb) or set HARK_PG_URL to a database the tests may use',
      );
    if (missing.includes('python3-jsonschema'))
      help.push('install Python 3 with jsonschema (pip install jsonschema)');
    const others = missing.filter(
      (pkg) => !['chromium', 'postgresql', 'python3-jsonschema'].includes(pkg),
    );
    if (others.length > 0) help.push(`install Debian's ${others.join(', ')}`);
    fail(`the tests need ${missing.join(' and ')}: ${help.join('; ')}.`);
  }
  const packages = [...missing, ...optional];
  say(`installing ${packages.join(', ')} from Debian's packages`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  must('apt-get', ['update', '-qq'], { env: aptEnv });
  must('apt-get', ['install', '-y', '-qq', ...packages], { env: aptEnv });
}

function install(pnpmCommand) {
  say('installing dependencies');
  pnpm(pnpmCommand, ['install', '--frozen-lockfile']);
}

function test() {
  ensureSystemPackages();
  const chromium = findChromium();
  if (chromium) env.CHROME_PATH = chromium;
  const pnpmCommand = ensurePnpm();
  install(pnpmCommand);
  say('building');
  pnpm(pnpmCommand, ['run', 'build']);
  say('lint and format (biome)');
  pnpm(pnpmCommand, ['run', 'lint']);
  say('type-checking');
  pnpm(pnpmCommand, ['run', 'typecheck']);
  say('size budgets');
  pnpm(pnpmCommand, ['run', 'size']);
  say('unit, integration and end-to-end tests (vitest; PostgreSQL, Chromium and Orca for real)');
  mkdirSync(join(ROOT, '.hark'), { recursive: true });
  const report = join(ROOT, '.hark', 'vitest-report.json');
  const [command, ...prefix] = pnpmCommand;
  // The screen-reader suite may skip only where nobody installed its programs: not here.
  env.HARK_REQUIRE_SCREEN_READER = '1';
  const status = run(command, [
    ...prefix,
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  const counts = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : undefined;
  say('component tests (@web/test-runner in Chromium, Firefox and WebKit)');
  const componentReport = join(ROOT, '.hark', 'web-test-runner-report.json');
  rmSync(componentReport, { force: true });
  const componentStatus = run(command, [...prefix, '--filter', '@hark/widget', 'test'], {
    env: { ...env, HARK_WTR_REPORT: componentReport },
  });
  const engines = existsSync(componentReport)
    ? JSON.parse(readFileSync(componentReport, 'utf8')).engines
    : {};
  let passed = counts?.numPassedTests ?? 0;
  let failed = counts?.numFailedTests ?? 0;
  for (const [name, totals] of Object.entries(engines)) {
    process.stdout.write(
      `\n${name}: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped in ${totals.files} files (${totals.filesFailed} files failed)`,
    );
    passed += totals.passed;
    failed += totals.failed;
  }
  // The plain closing line CI reads, whatever the runners printed above it.
  process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
  if (status !== 0) fail(`tests failed (vitest exited with ${status})`);
  if (componentStatus !== 0)
    fail(`component tests failed (web-test-runner exited with ${componentStatus})`);
  if (!counts || counts.numTotalTests === 0) fail('no test ran');
  if (Object.keys(engines).length !== 3) fail('the component tests did not run in three engines');
}

function start() {
  const pnpmCommand = ensurePnpm();
  install(pnpmCommand);
  say('building');
  pnpm(pnpmCommand, ['run', 'build']);
  say('starting the demo and the reference collector (Ctrl+C stops them)');
  must(process.execPath, [join(ROOT, 'demo', 'serve.mjs'), ...process.argv.slice(3)]);
}

const task = process.argv[2];
if (task === 'test') test();
else if (task === 'start') start();
else fail('usage: node scripts/run.mjs test | start [demo options]');
