import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer } from '@hark/collector/node';
import { startFaultProxy } from '../../../test/support/fault-proxy.js';
import { freePort } from '../../../test/support/free-port.js';
import { startXvfb } from '../../../test/support/xvfb.js';

/** What the component tests talk to, started once for the whole run and stopped after it. */
export interface Services {
  /**
   * For each engine, the fault proxy in front of a real reference collector (SQLite) of its own,
   * on loopback: the engines run side by side, and a test counts the rows its answers made.
   */
  readonly collectorUrls: Readonly<Record<string, string>>;
  /** WebKitWebDriver's port, when WebKit runs. */
  readonly webkitDriverPort: number | undefined;
  stop(): Promise<void>;
}

export async function startServices(engines: readonly string[]): Promise<Services> {
  const dir = mkdtempSync(join(tmpdir(), 'hark-browser-collector-'));
  const collectors = await Promise.all(
    engines.map(async (engine) => {
      const collector = await startReferenceServer({
        db: join(dir, `${engine}.db`),
        port: 0,
        allowedOrigins: '*',
        rateLimit: 0,
        log: () => {},
      });
      return { engine, collector, proxy: await startFaultProxy(collector.url) };
    }),
  );
  const children: ChildProcess[] = [];
  const stopChildren = () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  };
  // A run stopped by a signal or an error must not leave an X server or a driver behind.
  process.once('exit', stopChildren);
  for (const signal of ['SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => {
      stopChildren();
      process.kill(process.pid, signal);
    });
  let webkitDriverPort: number | undefined;
  try {
    if (engines.includes('webkit')) {
      // MiniBrowser needs a display.
      const xvfb = await startXvfb({ screen: '1280x1024x24' });
      children.push(xvfb.process);
      webkitDriverPort = await freePort();
      const driver = spawn('WebKitWebDriver', [`--port=${webkitDriverPort}`], {
        env: { ...process.env, DISPLAY: xvfb.display },
        stdio: 'ignore',
      });
      children.push(driver);
      await waitForDriver(driver, webkitDriverPort);
    }
  } catch (error) {
    stopChildren();
    throw error;
  }
  return {
    collectorUrls: Object.fromEntries(collectors.map(({ engine, proxy }) => [engine, proxy.url])),
    webkitDriverPort,
    async stop() {
      // The X server and the driver go when the process exits: the WebDriver launcher may still
      // be ending its session when the dev server stops.
      for (const { proxy, collector } of collectors) {
        await proxy.close();
        await collector.close();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves once the driver answers `/status`; fails at once if it exits. */
async function waitForDriver(driver: ChildProcess, port: number): Promise<void> {
  let exited: Error | undefined;
  driver.once('error', (error) => {
    exited = new Error(
      `WebKitWebDriver could not start (install webkit2gtk-driver): ${error.message}`,
    );
  });
  driver.once('exit', (code) => {
    exited = new Error(`WebKitWebDriver exited with ${code}`);
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) throw exited;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within 30 s`);
}

export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../test/support/chromium.js';
