import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.js';
import { startXvfb } from '../support/xvfb.js';

const run = promisify(execFile);

/** What the stack runs, by path: Debian's packages (see README, accessibility). */
export const DESKTOP_PROGRAMS = {
  Xvfb: '/usr/bin/Xvfb',
  'dbus-launch': '/usr/bin/dbus-launch',
  'at-spi-bus-launcher': '/usr/libexec/at-spi-bus-launcher',
  orca: '/usr/bin/orca',
  xdotool: '/usr/bin/xdotool',
  chromium: CHROMIUM_PATH ?? '/usr/bin/chromium',
} as const;

/** The Debian packages that provide `DESKTOP_PROGRAMS`. */
export const DESKTOP_PACKAGES = ['xvfb', 'dbus-x11', 'at-spi2-core', 'orca', 'xdotool', 'chromium'];

/** The programs of the stack this machine lacks. */
export function missingPrograms(): string[] {
  return Object.entries(DESKTOP_PROGRAMS)
    .filter(([, path]) => !existsSync(path))
    .map(([name]) => name);
}

/** A desktop of its own: an X display, a session bus, the accessibility bus, Orca, Chromium. */
export interface Desktop {
  /** The X display, e.g. `:3`. */
  readonly display: string;
  /** Orca's debug file: everything it presents, as it presents it. */
  readonly orcaLog: string;
  /** Chromium's DevTools endpoint, to open pages and read the DOM (never to press keys). */
  readonly cdpUrl: string;
  /** Presses keys as a person would, through the X server (`xdotool key`). */
  key(...keys: string[]): Promise<void>;
  /** Types text through the X server. */
  type(text: string): Promise<void>;
  /** Stops every process it started; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts the stack in `dir` with Chromium showing `url` (a fresh folder: HOME, XDG folders, Orca's and Chromium's settings all
 * live in it, so nothing of the machine's own settings leaks in). Every process started is stopped
 * if a later one fails to start, and when this Node process exits.
 */
export async function startDesktop(dir: string, url: string, timeoutMs = 30_000): Promise<Desktop> {
  const children: ChildProcess[] = [];
  const pids: number[] = []; // forked by dbus-launch, not children of ours
  // Each child leads a process group of its own (Chromium's renderers, Orca's helpers): the group
  // is killed, so nothing is left writing into `dir`.
  const killAll = (): void => {
    for (const child of children) {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  const stopAll = async (): Promise<void> => {
    process.removeListener('exit', killAll);
    const exited = children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) resolve();
          else child.once('exit', () => resolve());
        }),
    );
    killAll();
    await Promise.all(exited);
    children.length = 0;
    pids.length = 0;
  };
  process.once('exit', killAll);

  const home = join(dir, 'home');
  const runtime = join(dir, 'runtime');
  for (const folder of [home, runtime]) mkdirSync(folder, { recursive: true, mode: 0o700 });
  const env: NodeJS.ProcessEnv = {
    PATH: '/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    XDG_RUNTIME_DIR: runtime,
    LANG: 'C.UTF-8',
    GTK_MODULES: 'gail:atk-bridge',
    ACCESSIBILITY_ENABLED: '1',
    NO_AT_BRIDGE: '0',
  };
  const deadline = Date.now() + timeoutMs;

  try {
    const xvfb = await startXvfb({
      screen: '1280x900x24',
      env,
      detached: true,
      timeoutMs: Math.max(0, deadline - Date.now()),
    });
    children.push(xvfb.process);
    const display = xvfb.display;
    env.DISPLAY = display;

    // --exit-with-x11: the bus goes with the display, even if this process is killed.
    const { stdout } = await run(
      DESKTOP_PROGRAMS['dbus-launch'],
      ['--sh-syntax', '--exit-with-x11'],
      {
        env,
      },
    );
    const address = /DBUS_SESSION_BUS_ADDRESS='([^']+)'/.exec(stdout)?.[1];
    const busPid = Number(/DBUS_SESSION_BUS_PID=(\d+)/.exec(stdout)?.[1]);
    if (address === undefined || !Number.isInteger(busPid))
      throw new Error(`dbus-launch printed no bus: ${stdout}`);
    pids.push(busPid);
    env.DBUS_SESSION_BUS_ADDRESS = address;

    children.push(
      spawn(DESKTOP_PROGRAMS['at-spi-bus-launcher'], ['--launch-immediately'], {
        env,
        stdio: 'ignore',
        detached: true,
      }),
    );
    // The launcher's bus socket is named after the display number.
    const a11yBus = join(runtime, 'at-spi', `bus_${display.slice(1)}`);
    await until(() => existsSync(a11yBus), 'the accessibility bus', deadline);

    const orcaLog = join(dir, 'orca.log');
    const orca = spawn(
      // Orca's own interpreter (its shebang), not whichever python3 is first on PATH.
      '/usr/bin/python3',
      [new URL('orca-silent.py', import.meta.url).pathname, `--debug-file=${orcaLog}`],
      { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    children.push(orca);
    let orcaSaid = '';
    for (const stream of [orca.stdout, orca.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        orcaSaid += chunk.toString();
      });
    }
    await until(
      () => {
        // Orca refuses to start while another Orca of the same user runs: say so, at once.
        if (orca.exitCode !== null)
          throw new Fatal(`Orca exited (${orca.exitCode}): ${orcaSaid.trim()}`);
        return existsSync(orcaLog) && readFileSync(orcaLog, 'utf8').includes("'Screen reader on.'");
      },
      'Orca saying "Screen reader on."',
      deadline,
    );

    const profile = join(dir, 'chromium');
    const chromium = spawn(
      DESKTOP_PROGRAMS.chromium,
      [
        ...CHROMIUM_ARGS,
        '--force-renderer-accessibility',
        `--user-data-dir=${profile}`,
        '--remote-debugging-port=0',
        '--window-position=0,0',
        '--window-size=1280,900',
        '--no-default-browser-check',
        '--password-store=basic',
        // An app window: no address bar to hold focus, the page has it from the start.
        `--app=${url}`,
      ],
      { env, stdio: 'ignore', detached: true },
    );
    children.push(chromium);
    const portFile = join(profile, 'DevToolsActivePort');
    await until(() => existsSync(portFile), 'Chromium’s DevTools port', deadline);
    const [port, path] = readFileSync(portFile, 'utf8').split('\n');
    const cdpUrl = `ws://127.0.0.1:${port}${path}`;

    const xdotool = async (...args: string[]): Promise<void> => {
      await run(DESKTOP_PROGRAMS.xdotool, args, { env });
    };
    return {
      display,
      orcaLog,
      cdpUrl,
      key: (...keys) => xdotool('key', '--delay', '120', ...keys),
      type: (text) => xdotool('type', '--delay', '40', text),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Polls `ready` until it holds; throws naming `what` when the deadline passes. */
export async function until(
  ready: () => boolean | Promise<boolean>,
  what: string,
  deadline: number,
): Promise<void> {
  for (;;) {
    try {
      if (await ready()) return;
    } catch (error) {
      if (error instanceof Fatal) throw error;
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** An error that ends a wait at once, rather than meaning "not yet". */
class Fatal extends Error {}
