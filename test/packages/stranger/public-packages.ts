import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The fields of a package manifest this test reads. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  exports?: Record<string, string | Record<string, string>>;
  bin?: Record<string, string>;
}

/**
 * One subpath of a package's `exports`, by what a stranger does with it:
 * - `module`: JavaScript with types (`import … from 'name/sub'`, type-checked and run);
 * - `json`: a JSON file (`import … with { type: 'json' }`);
 * - `files`: a pattern of files to copy, not to import (the widget's classic script-tag files).
 */
export interface Entry {
  specifier: string;
  kind: 'module' | 'json' | 'files';
  /** The target, relative to the package (`./dist/script/*`). */
  target: string;
}

export interface PublicPackage {
  /** Its folder under packages/. */
  folder: string;
  path: string;
  manifest: Manifest;
  entries: Entry[];
}

function readManifest(path: string): Manifest {
  return JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as Manifest;
}

function entriesOf(manifest: Manifest): Entry[] {
  return Object.entries(manifest.exports ?? {}).map(([subpath, target]) => {
    const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
    if (typeof target !== 'string') {
      if (target.types === undefined || target.default === undefined)
        throw new Error(`${specifier}: a conditional export needs "types" and "default"`);
      return { specifier, kind: 'module', target: target.default };
    }
    if (target.includes('*')) return { specifier, kind: 'files', target };
    if (target.endsWith('.json')) return { specifier, kind: 'json', target };
    throw new Error(`${specifier}: "${target}" is neither JSON nor a pattern; give it "types"`);
  });
}

/** Every package under packages/ that is not private, read from the manifests as they are now. */
export function publicPackages(root: string): PublicPackage[] {
  const folders = readdirSync(join(root, 'packages')).filter((folder) =>
    existsSync(join(root, 'packages', folder, 'package.json')),
  );
  return folders
    .map((folder) => ({ folder, path: join(root, 'packages', folder) }))
    .map(({ folder, path }) => ({ folder, path, manifest: readManifest(path) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map((pkg) => ({ ...pkg, entries: entriesOf(pkg.manifest) }));
}

/**
 * The build outputs a package's exports and bin name that are missing from the workspace: the
 * test packs what is built and builds nothing itself.
 */
export function missingBuildOutputs(pkg: PublicPackage): string[] {
  const targets = [
    ...Object.values(pkg.manifest.exports ?? {}).flatMap((target) =>
      typeof target === 'string' ? [target] : Object.values(target),
    ),
    ...Object.values(pkg.manifest.bin ?? {}),
  ];
  return targets
    .map((target) => target.split('*')[0] as string)
    .filter((target) => !existsSync(join(pkg.path, target)))
    .map((target) => `packages/${pkg.folder}/${target.replace(/^\.\//, '')}`);
}

/** Packs the package with pnpm (as the release does: `workspace:` ranges replaced) into `destination`. */
export function pack(pkg: PublicPackage, destination: string): string {
  const out = execFileSync('pnpm', ['pack', '--json', '--pack-destination', destination], {
    cwd: pkg.path,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return (JSON.parse(out) as { filename: string }).filename;
}

/**
 * The names of `names` and of the Hark packages they need, transitively (dependencies and
 * required peers): a widget-only install also downloads what the widget depends on from npm.
 */
export function withHarkDependencies(names: string[], all: PublicPackage[]): string[] {
  const byName = new Map(all.map((pkg) => [pkg.manifest.name, pkg]));
  const needed = new Set<string>();
  const visit = (name: string) => {
    const pkg = byName.get(name);
    if (pkg === undefined || needed.has(name)) return;
    needed.add(name);
    const { dependencies = {}, peerDependencies = {}, peerDependenciesMeta = {} } = pkg.manifest;
    const requiredPeers = Object.keys(peerDependencies).filter(
      (peer) => peerDependenciesMeta[peer]?.optional !== true,
    );
    for (const dependency of [...Object.keys(dependencies), ...requiredPeers]) visit(dependency);
  };
  for (const name of names) visit(name);
  return [...needed].sort();
}
