import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
import { pack, publicPackages } from './stranger/public-packages.js';

// What `npm publish` would upload: each public package packed by pnpm (as the release does) and
// unpacked, so every assertion is about the files a stranger downloads, not the workspace. Needs
// the build (`pnpm build`; the test command builds first).
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPOSITORY = 'https://github.com/hark-feedback/hark';

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  private?: boolean;
  license?: string;
  repository?: { type: string; url: string; directory: string };
  homepage?: string;
  bugs?: { url: string };
  engines?: { node: string };
  exports?: Record<string, string | Record<string, string>>;
  bin?: Record<string, string>;
  customElements?: string;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

const PUBLIC = publicPackages(ROOT);
/** The public packages' folders under packages/, as this file names them. */
const publicFolders = PUBLIC.map((pkg) => pkg.folder);

const dir = tempDir('hark-tarballs');
/** The unpacked tarball's folder and its files (relative, `/`-separated), by package folder. */
const packed = new Map<string, { path: string; files: string[] }>();

function filesUnder(path: string): string[] {
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(path, file)).isFile())
    .map((file) => file.split('\\').join('/'))
    .sort();
}

beforeAll(() => {
  for (const pkg of PUBLIC) {
    const destination = join(dir.path, pkg.folder);
    execFileSync('tar', ['xzf', pack(pkg, destination), '-C', destination]);
    const path = join(destination, 'package');
    packed.set(pkg.folder, { path, files: filesUnder(path) });
  }
}, 180_000);

function tarball(name: string) {
  const found = packed.get(name);
  if (found === undefined) throw new Error(`${name} was not packed`);
  const manifest = readJson<Manifest>(join(found.path, 'package.json'));
  return { ...found, manifest, has: (file: string) => found.files.includes(file) };
}

/** Every target an `exports` map names, conditions included. */
function exportTargets(exports: Manifest['exports']): Array<[subpath: string, target: string]> {
  return Object.entries(exports ?? {}).flatMap(([subpath, target]) =>
    typeof target === 'string'
      ? [[subpath, target] as [string, string]]
      : Object.values(target).map((t) => [subpath, t] as [string, string]),
  );
}

it('packs the public packages', () => {
  expect(publicFolders).toEqual(expect.arrayContaining(['collector', 'protocol', 'widget']));
  expect(publicFolders).not.toContain('dashboard');
});

describe.each(publicFolders)('the @hark/%s tarball', (name) => {
  it('carries the MIT license of the repository', () => {
    const { path, manifest, has } = tarball(name);
    expect(has('LICENSE')).toBe(true);
    expect(readFileSync(join(path, 'LICENSE'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'LICENSE'), 'utf8'),
    );
    expect(manifest.license).toBe('MIT');
  });

  it('says where it comes from, where to report bugs and which Node it needs', () => {
    const { manifest } = tarball(name);
    expect(manifest.repository).toEqual({
      type: 'git',
      url: `git+${REPOSITORY}.git`,
      directory: `packages/${name}`,
    });
    expect(manifest.homepage).toBe(`${REPOSITORY}/tree/main/packages/${name}#readme`);
    expect(manifest.bugs).toEqual({ url: `${REPOSITORY}/issues` });
    expect(manifest.engines).toEqual({ node: '>=20.19' });
  });

  it('ships no test code', () => {
    const { path, files } = tarball(name);
    expect(files.filter((f) => /\.(test|spec|contract)\.|(^|\/)testing\//.test(f))).toEqual([]);
    const importsVitest = files.filter(
      (f) => f.endsWith('.js') && /from ['"]vitest['"]/.test(readFileSync(join(path, f), 'utf8')),
    );
    expect(importsVitest).toEqual([]);
  });

  it('ships source maps only with their sources inside', () => {
    const { path, files } = tarball(name);
    const incomplete = files
      .filter((f) => f.endsWith('.map'))
      .filter((f) => {
        const map = readJson<{ sources: string[]; sourcesContent?: Array<string | null> }>(
          join(path, f),
        );
        return (
          map.sourcesContent?.length !== map.sources.length ||
          map.sourcesContent.some((content) => typeof content !== 'string')
        );
      });
    expect(incomplete).toEqual([]);
  });

  it('has every file its exports and bin name', () => {
    const { manifest, files, has } = tarball(name);
    expect(manifest.exports?.['./package.json']).toBe('./package.json');
    const missing = exportTargets(manifest.exports)
      .concat(Object.entries(manifest.bin ?? {}))
      .filter(([, target]) => {
        const file = target.replace(/^\.\//, '');
        if (!file.includes('*')) return !has(file);
        const [prefix = '', suffix = ''] = file.split('*');
        return !files.some((f) => f.startsWith(prefix) && f.endsWith(suffix));
      });
    expect(missing).toEqual([]);
  });

  it("has a README whose links and images work on the registry's page", () => {
    const { path, has } = tarball(name);
    const readme = readFileSync(join(path, 'README.md'), 'utf8');
    const targets = [
      ...readme.matchAll(/\]\(([^)\s]+)/g),
      ...readme.matchAll(/<img[^>]*\ssrc="([^"]+)"/g),
    ].map((m) => m[1] as string);
    expect(targets.length).toBeGreaterThan(0);
    const broken = targets.filter(
      (target) => !/^(https:\/\/|#)/.test(target) && !has(target.split('#')[0] as string),
    );
    expect(broken).toEqual([]);
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1] as string);
    for (const image of images)
      expect(image).toMatch(/^https:\/\/raw\.githubusercontent\.com\/hark-feedback\/hark\/main\//);
  });
});

describe('the @hark/protocol tarball', () => {
  it('is the built modules, their types and maps, and nothing else', () => {
    const { files, manifest } = tarball('protocol');
    const modules = ['formats', 'index', 'json-schema', 'kinds', 'limits', 'schema-node'];
    modules.push('submission-schema', 'summary', 'results-body', 'themes-body', 'comments-body');
    expect(files).toEqual(
      [
        'LICENSE',
        'README.md',
        'package.json',
        ...modules.flatMap((m) => [`dist/${m}.d.ts`, `dist/${m}.js`, `dist/${m}.js.map`]),
      ].sort(),
    );
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.peerDependencies).toBeUndefined();
  });

  it('is what the widget and the collector depend on, at its own version', () => {
    const { version } = tarball('protocol').manifest;
    for (const name of ['widget', 'collector'])
      expect(tarball(name).manifest.dependencies?.['@hark/protocol']).toBe(version);
  });

  it("gives the widget's types without @hark/collector, which a widget install lacks", () => {
    const { path, files } = tarball('widget');
    const declarations = files.filter((f) => f.endsWith('.d.ts'));
    const naming = (module: string) =>
      declarations.filter((f) => readFileSync(join(path, f), 'utf8').includes(`'${module}`));
    expect(naming('@hark/collector')).toEqual([]);
    expect(naming('@hark/protocol').length).toBeGreaterThan(0);
  });
});

describe('the @hark/widget tarball', () => {
  it('has a custom-elements.json whose module paths are shipped files', () => {
    const { path, manifest, has } = tarball('widget');
    expect(manifest.customElements).toBe('custom-elements.json');
    expect(manifest.exports?.['./custom-elements.json']).toBe('./custom-elements.json');
    const elements = readFileSync(join(path, 'custom-elements.json'), 'utf8');
    const paths = [...elements.matchAll(/"(?:path|module)": "([^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    expect(paths.length).toBeGreaterThan(10);
    expect([...new Set(paths)].filter((p) => !has(p))).toEqual([]);
  });

  it('exports the script-tag files, so a build can find them by package name', () => {
    const { manifest, has } = tarball('widget');
    expect(has('dist/script/hark.js')).toBe(true);
    expect(has('dist/script/hark-ui.js')).toBe(true);
    expect(manifest.exports?.['./script/*']).toBe('./dist/script/*');
    expect(manifest.exports?.['./dist/script/*']).toBe('./dist/script/*');
  });
});

describe('the @hark/collector tarball', () => {
  it('carries the built dashboard beside the bin, with every file its page loads', () => {
    const { path, files, has } = tarball('collector');
    expect(has('dist/dashboard/index.html')).toBe(true);
    const page = readFileSync(join(path, 'dist/dashboard/index.html'), 'utf8');
    const assets = [...page.matchAll(/(?:src|href)="\/dashboard\/([^"]+)"/g)].map(
      (m) => `dist/dashboard/${m[1]}`,
    );
    expect(assets.length).toBeGreaterThan(0);
    expect(assets.filter((asset) => !has(asset))).toEqual([]);
    const built = filesUnder(join(ROOT, 'packages/dashboard/dist'));
    expect(
      files
        .filter((f) => f.startsWith('dist/dashboard/'))
        .map((f) => relative('dist/dashboard', f)),
    ).toEqual(built);
  });

  it('installed outside the workspace, its bin serves that dashboard', async () => {
    const { path, manifest } = tarball('collector');
    // node_modules as npm lays it out, the dependencies linked from the workspace's install (an
    // `npm install` of the tarball compiles better-sqlite3 for minutes; the files are the same).
    const project = join(dir.path, 'installed');
    const installed = join(project, 'node_modules', '@hark', 'collector');
    cpSync(path, installed, { recursive: true });
    for (const dependency of Object.keys({
      ...manifest.dependencies,
      ...manifest.peerDependencies,
    })) {
      const source = join(ROOT, 'packages/collector/node_modules', dependency);
      if (!existsSync(source)) continue;
      const link = join(project, 'node_modules', dependency);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(realpathSync(source), link, 'dir');
    }
    const bin = join(installed, manifest.bin?.['hark-collector'] ?? 'missing');
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })).toBe(
      `${manifest.version}\n`,
    );
    const child = spawn(
      process.execPath,
      [bin, '--db', join(project, 'answers.db'), '--port', '0'],
      {
        cwd: project,
      },
    );
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          out += d;
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const page = await fetch(`${url}/dashboard/`);
      expect(page.status).toBe(200);
      const script = /src="(\/dashboard\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
      expect(script).toBeDefined();
      expect((await fetch(`${url}${script}`)).status).toBe(200);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    }
  });
});
