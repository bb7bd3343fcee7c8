import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.js';

/**
 * What npm installs besides the tarballs, pinned (versions from the registry, December 2026):
 * TypeScript 5.9 (7.x has no JavaScript API, which attw needs), React 19, and Node 20's types.
 */
export const PINNED = {
  typescript: 'typescript@5.9.3',
  vite: 'vite@8.4.0',
  attw: '@arethetypeswrong/cli@0.18.5',
  publint: 'publint@0.3.25',
  react: 'react@19.3.1',
  reactDom: 'react-dom@19.3.1',
  typesReact: '@types/react@19.3.3',
  typesReactDom: '@types/react-dom@19.3.0',
  typesNode: '@types/node@20.19.43',
} as const;

/**
 * Makes an empty ES-module project in `dir` and `npm install`s `specs` into it, as a stranger
 * would. Every install shares one npm cache, so a package is downloaded once per machine: offline
 * first (fast, nothing asked of the registry), online only for what the cache lacks.
 */
export async function npmProject(
  dir: string,
  specs: readonly string[],
  options: { cache: string; env?: Record<string, string> },
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'stranger-app', private: true, type: 'module' }, null, 2)}\n`,
  );
  const install = (mode: '--offline' | '--prefer-offline') =>
    run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--cache', options.cache, mode, ...specs],
      options.env === undefined ? { cwd: dir } : { cwd: dir, env: options.env },
    );
  let ran = await install('--offline');
  if (ran.code !== 0 && ran.stderr.includes('ENOTCACHED')) ran = await install('--prefer-offline');
  if (ran.code !== 0)
    throw new Error(`npm install ${specs.join(' ')} in ${dir} failed:\n${ran.stderr}`);
}
