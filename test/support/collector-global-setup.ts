import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer } from '@hark/collector/node';
import type { TestProject } from 'vitest/node';
import { startFaultProxy } from './fault-proxy.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fault proxy in front of the real reference collector (SQLite), on loopback. */
    collectorUrl: string;
  }
}

/**
 * For the browser tests: the real reference collector on a fresh SQLite file, with the fault
 * proxy in front of it. Tests count stored rows through `GET /results`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'hark-browser-collector-'));
  const collector = await startReferenceServer({
    db: join(dir, 'collector.db'),
    port: 0,
    allowedOrigins: '*',
    rateLimit: 0,
    log: () => {},
  });
  const proxy = await startFaultProxy(collector.url);
  project.provide('collectorUrl', proxy.url);
  return async () => {
    await proxy.close();
    await collector.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
