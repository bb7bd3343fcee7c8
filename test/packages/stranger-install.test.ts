import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { tempDir } from '../support/temp-dir.js';
import {
  importEverySource,
  nodeImportsScript,
  reactAppFiles,
  viteAppFiles,
} from './stranger/apps.js';
import { npmProject, PINNED } from './stranger/npm-project.js';
import {
  type Entry,
  missingBuildOutputs,
  type PublicPackage,
  pack,
  publicPackages,
  withHarkDependencies,
} from './stranger/public-packages.js';
import { codeBlocks, installLine, onlyBlock } from './stranger/readme.js';
import { limit, run } from './stranger/run.js';
import { sqlitePrebuildEnv } from './stranger/sqlite-prebuild.js';
import { serveFolder } from './stranger/static-server.js';

// A stranger's install (issue 14 §7): every public package under packages/ (found from the
// manifests, so a new one is in without an edit here) packed by pnpm as the release packs it,
// installed with npm into projects in the system's temporary folder — outside the workspace, so
// nothing resolves from it — and used the way the READMEs say, with their own lines: the install
// commands, the HTML snippet, the React blocks, the handler block and the bin's command line.
// It builds nothing: CI builds before the tests (`pnpm run build`).
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WIDGET_README = join(ROOT, 'packages/widget/README.md');
const COLLECTOR_README = join(ROOT, 'packages/collector/README.md');
const PACKAGES = publicPackages(ROOT);
const NAMES = PACKAGES.map((pkg) => pkg.manifest.name);

/** Entries for one framework, checked in that framework's app rather than beside the rest. */
const FRAMEWORK_ENTRIES = new Set(['@hark/widget/react']);

/**
 * Where a package's code runs, so what a project using it has: the widget runs in browsers (DOM
 * types, nothing of Node), the collector on Node (Node's types; the SQLite driver of its README's
 * install line, for the bin). Others — `@hark/protocol` — are plain ECMAScript: no DOM, no Node.
 */
interface Setting {
  lib: string[];
  types: string[];
  typePackages: string[];
  browser: boolean;
  /** The README's `npm install` line for it, when it has one (its Hark names become tarballs). */
  install?: string[];
}
const SETTINGS: Record<string, Setting> = {
  '@hark/widget': {
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    types: [],
    typePackages: [],
    browser: true,
    install: installLine(WIDGET_README, '# @hark/widget', ['@hark/widget']),
  },
  '@hark/collector': {
    lib: ['ES2023'],
    types: ['node'],
    typePackages: [PINNED.typesNode],
    browser: false,
    install: installLine(COLLECTOR_README, '## Use the handler', [
      '@hark/collector',
      'better-sqlite3',
    ]),
  },
};
const PLAIN: Setting = { lib: ['ES2023'], types: [], typePackages: [], browser: false };
const settingOf = (name: string): Setting => SETTINGS[name] ?? PLAIN;

const work = tempDir('hark-stranger');
// Shared by every install and kept between runs: each package is downloaded once per machine.
const CACHE = join(tmpdir(), 'hark-stranger-npm-cache');
const TOOLS = join(work.path, 'tools');
const tarballs = new Map<string, string>();
const installs = new Map<string, Promise<string>>();
// Two cores: at most two compilers, bundlers or linters at a time (installs wait on the network).
const heavy = limit(2);
// A test's time runs from when it starts, waiting for installs and queued compilers included: on a
// busy CI machine that is minutes, so the limit is generous (no time is asserted).
const LONG = 600_000;

/** The project's folder once npm has installed it (started in beforeAll, all at once). */
function project(key: string): Promise<string> {
  const installed = installs.get(key);
  if (installed === undefined) throw new Error(`no project ${key}`);
  return installed;
}

const written = new Map<string, Promise<string>>();
/** The project's folder with `files()` written into it, once however many tests ask. */
function withFiles(key: string, files: () => Record<string, string>): Promise<string> {
  let ready = written.get(key);
  if (ready === undefined) {
    ready = project(key).then((dir) => {
      writeFiles(dir, files());
      return dir;
    });
    written.set(key, ready);
  }
  return ready;
}

/** A file importing every export of `entries`, and a tsconfig per mode over it and `extra`. */
function typecheckFiles(
  setting: Setting,
  entries: Entry[],
  extra: Record<string, string> = {},
): Record<string, string> {
  const sources = { 'imports.ts': importEverySource(typed(entries)), ...extra };
  const configs = MODES.map((mode) => [
    `tsconfig.${mode.resolution}.json`,
    tsconfig(setting, mode, Object.keys(sources)),
  ]);
  return { ...sources, ...Object.fromEntries(configs) };
}

/** What `npm install` gets for a list of specs: Hark names become their tarballs (and their Hark dependencies'). */
function specsFor(specs: string[]): string[] {
  const hark = specs.filter((spec) => NAMES.includes(spec));
  const others = specs.filter((spec) => !NAMES.includes(spec));
  return [...withHarkDependencies(hark, PACKAGES).map((name) => tarball(name)), ...others];
}

function tarball(name: string): string {
  const file = tarballs.get(name);
  if (file === undefined) throw new Error(`${name} was not packed`);
  return file;
}

const alone = (pkg: PublicPackage) => `alone-${pkg.folder}`;

beforeAll(() => {
  const missing = PACKAGES.flatMap(missingBuildOutputs);
  if (missing.length > 0)
    throw new Error(
      `Nothing to pack: build first with \`pnpm run build\` (CI builds before the tests). Missing: ${missing.join(', ')}`,
    );
  for (const pkg of PACKAGES)
    tarballs.set(pkg.manifest.name, pack(pkg, join(work.path, 'tarballs')));
  const sqliteEnv = sqlitePrebuildEnv(ROOT, join(work.path, 'prebuilds'));
  const projects: Record<string, { specs: string[]; env?: Record<string, string> }> = {
    tools: { specs: [PINNED.typescript, PINNED.vite, PINNED.attw, PINNED.publint] },
    all: {
      specs: [
        ...specsFor(NAMES),
        ...new Set(PACKAGES.flatMap((pkg) => settingOf(pkg.manifest.name).typePackages)),
      ],
    },
    react: {
      specs: [
        ...specsFor(['@hark/widget']),
        PINNED.react,
        PINNED.reactDom,
        PINNED.typesReact,
        PINNED.typesReactDom,
      ],
    },
  };
  for (const pkg of PACKAGES) {
    const setting = settingOf(pkg.manifest.name);
    projects[alone(pkg)] = {
      specs: [...specsFor(setting.install ?? [pkg.manifest.name]), ...setting.typePackages],
      env: sqliteEnv,
    };
  }
  for (const [key, { specs, env }] of Object.entries(projects)) {
    const dir = join(work.path, key);
    const installed = npmProject(dir, specs, { cache: CACHE, ...(env ? { env } : {}) }).then(
      () => dir,
    );
    installed.catch(() => undefined); // reported by the tests that await it
    installs.set(key, installed);
  }
}, 60_000);

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
}

/** A tool installed in the tools project, run with Node in `cwd`. */
function tool(bin: string, args: string[], cwd: string) {
  return heavy(() => run(process.execPath, [join(TOOLS, 'node_modules', bin), ...args], { cwd }));
}

/** tsc --noEmit's verdict: its exit code and its diagnostics. */
async function tsc(dir: string, config: string) {
  await project('tools');
  const ran = await tool('typescript/bin/tsc', ['-p', config], dir);
  // One entry per diagnostic: its indented lines (why a type is not assignable) stay with it.
  const diagnostics = ran.stdout
    .split(/\n(?=\S)/)
    .map((text) => text.trimEnd())
    .filter(Boolean);
  return { code: ran.code, diagnostics };
}

const MODES = [
  { resolution: 'NodeNext', module: 'NodeNext' },
  { resolution: 'Bundler', module: 'ESNext' },
] as const;

/** Entries tsc checks outside a framework app: modules and JSON (the script-tag files are copied, not imported). */
const typed = (entries: Entry[]) =>
  entries.filter((entry) => entry.kind !== 'files' && !FRAMEWORK_ENTRIES.has(entry.specifier));

function tsconfig(setting: Setting, mode: (typeof MODES)[number], files: string[]): string {
  return `${JSON.stringify(
    {
      compilerOptions: {
        strict: true,
        skipLibCheck: false,
        // TypeScript's own lib files are TypeScript's business; every package's .d.ts is checked.
        skipDefaultLibCheck: true,
        noEmit: true,
        target: 'ES2022',
        module: mode.module,
        moduleResolution: mode.resolution,
        resolveJsonModule: true,
        lib: setting.lib,
        types: setting.types,
      },
      files,
    },
    null,
    2,
  )}\n`;
}

it('packs every public package, whatever its folder, and no private one', () => {
  expect([...NAMES].sort()).toEqual(['@hark/collector', '@hark/protocol', '@hark/widget']);
  expect([...tarballs.keys()].sort()).toEqual([
    '@hark/collector',
    '@hark/protocol',
    '@hark/widget',
  ]);
});

describe.concurrent.each(PACKAGES)('$manifest.name installed alone', (pkg) => {
  const setting = settingOf(pkg.manifest.name);

  it.for(MODES)(
    'type-checks a file importing every export (moduleResolution $resolution, skipLibCheck false)',
    { timeout: LONG },
    async (mode, { expect }) => {
      const dir = await withFiles(alone(pkg), () =>
        typecheckFiles(
          setting,
          pkg.entries,
          pkg.manifest.name === '@hark/collector'
            ? // The README's handler block, as a reader pastes it into a project of their own.
              { 'readme-handler.ts': onlyBlock(COLLECTOR_README, '## Use the handler', 'ts') }
            : {},
        ),
      );
      expect(await tsc(dir, `tsconfig.${mode.resolution}.json`)).toEqual({
        code: 0,
        diagnostics: [],
      });
    },
  );

  it(
    'imports every export in Node, and resolves each script-tag file by name',
    async ({ expect }) => {
      const dir = await project(alone(pkg));
      const installed = join(dir, 'node_modules', pkg.manifest.name);
      // No module export is browser-only: the widget's all import in Node too (Lit has a Node
      // build; nothing touches the DOM at import), and the browser test below bundles them with
      // Vite and runs them in Chromium. The script-tag files (`./script/*`) are classic scripts
      // for a <script> tag, not modules: the README says to copy them and find them with
      // import.meta.resolve, which is what Node does with them here.
      const files = pkg.entries
        .filter((entry) => entry.kind === 'files')
        .flatMap((entry) => {
          const [prefix = '', suffix = ''] = entry.target.replace(/^\.\//, '').split('*');
          const [specifierPrefix = ''] = entry.specifier.split('*');
          return readdirSync(join(installed, prefix), { recursive: true, encoding: 'utf8' })
            .filter(
              (file) => file.endsWith(suffix) && statSync(join(installed, prefix, file)).isFile(),
            )
            .map((file) => ({
              specifier: `${specifierPrefix}${file}`,
              path: join(installed, prefix, file),
            }));
        });
      writeFileSync(join(dir, 'imports.mjs'), nodeImportsScript(pkg.entries, files));
      const ran = await run(process.execPath, ['imports.mjs'], { cwd: dir });
      expect(ran.stderr).toBe('');
      const result = JSON.parse(ran.stdout) as {
        failed: Record<string, string>;
        modules: Record<string, string[]>;
        json: Record<string, string>;
        files: Record<string, string>;
      };
      expect(result.failed).toEqual({});
      const specifiers = (kind: Entry['kind']) =>
        pkg.entries.filter((entry) => entry.kind === kind).map((entry) => entry.specifier);
      expect(Object.keys(result.modules)).toEqual(specifiers('module'));
      expect(Object.keys(result.json)).toEqual(specifiers('json'));
      expect(Object.values(result.json).every((type) => type === 'object')).toBe(true);
      expect(result.files).toEqual(
        Object.fromEntries(files.map(({ specifier, path }) => [specifier, path])),
      );
      if (specifiers('files').length > 0) expect(files.length).toBeGreaterThan(0);
    },
    LONG,
  );

  it(
    'passes @arethetypeswrong/cli --profile esm-only',
    async ({ expect }) => {
      await project('tools');
      const ran = await tool(
        '@arethetypeswrong/cli/dist/index.js',
        [tarball(pkg.manifest.name), '--profile', 'esm-only', '--format', 'json'],
        work.path,
      );
      const { problems } = JSON.parse(ran.stdout) as {
        problems?: Record<string, Array<{ resolutionKind?: string; entrypoint?: string }>>;
      };
      // What the esm-only profile ignores: CommonJS and node10 resolution, for an ESM-only package.
      const counted = Object.values(problems ?? {})
        .flat()
        .filter((p) => p.resolutionKind !== 'node10' && p.resolutionKind !== 'node16-cjs');
      expect({ code: ran.code, problems: counted }).toEqual({ code: 0, problems: [] });
    },
    LONG,
  );

  it(
    'passes publint, suggestions included',
    async ({ expect }) => {
      await project('tools');
      const script = join(TOOLS, 'publint-tarball.mjs');
      writeFileSync(
        script,
        `import { readFileSync } from 'node:fs';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
const tarball = readFileSync(process.argv[2]);
const { messages, pkg } = await publint({ pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) }, level: 'suggestion', strict: true });
console.log(JSON.stringify(messages.map((m) => \`\${m.type}: \${formatMessage(m, pkg, { color: false })}\`)));
`,
      );
      const ran = await heavy(() =>
        run(process.execPath, [script, tarball(pkg.manifest.name)], { cwd: TOOLS }),
      );
      expect(ran.stderr).toBe('');
      expect(JSON.parse(ran.stdout)).toEqual([]);
    },
    LONG,
  );
});

describe.concurrent.each(PACKAGES.filter((pkg) => settingOf(pkg.manifest.name).browser))(
  '$manifest.name in a browser app',
  (pkg) => {
    it(
      "bundles with Vite: the README's snippet and every export, run in Chromium",
      async ({ expect }) => {
        const dir = await project(alone(pkg));
        const app = join(dir, 'vite-app');
        const snippet = onlyBlock(WIDGET_README, `# ${pkg.manifest.name}`, 'html');
        writeFiles(app, viteAppFiles(snippet, pkg.entries));
        await project('tools');
        const built = await tool(
          'vite/bin/vite.js',
          ['build', 'vite-app', '--logLevel', 'warn'],
          dir,
        );
        expect({ code: built.code, stderr: built.stderr }).toEqual({ code: 0, stderr: '' });
        const { page, problems, close } = await openPage(join(app, 'dist'));
        try {
          await page.waitForFunction(() => 'harkExports' in window);
          const counts = await page.evaluate(
            () => (window as unknown as { harkExports: Record<string, number> }).harkExports,
          );
          const imported = pkg.entries.filter((entry) => entry.kind !== 'files');
          expect(Object.keys(counts)).toEqual(imported.map((entry) => entry.specifier));
          // The snippet's <hark-nps survey-id="checkout-nps">, defined and rendered: 0–10.
          await expect.poll(() => page.locator('hark-nps').getByRole('radio').count()).toBe(11);
          expect(problems).toEqual([]);
        } finally {
          await close();
        }
      },
      LONG,
    );
  },
);

describe.concurrent('every public package installed together', () => {
  it.for(MODES)(
    'type-checks a file importing every export of each (moduleResolution $resolution)',
    { timeout: LONG },
    async (mode, { expect }) => {
      const settings = PACKAGES.map((pkg) => settingOf(pkg.manifest.name));
      const union: Setting = {
        lib: [...new Set(settings.flatMap((setting) => setting.lib))],
        types: [...new Set(settings.flatMap((setting) => setting.types))],
        typePackages: [],
        browser: false,
      };
      const dir = await withFiles('all', () =>
        typecheckFiles(
          union,
          PACKAGES.flatMap((pkg) => pkg.entries),
        ),
      );
      expect(await tsc(dir, `tsconfig.${mode.resolution}.json`)).toEqual({
        code: 0,
        diagnostics: [],
      });
    },
  );
});

describe.concurrent('a React 19 app using <hark-nps> through @hark/widget/react', () => {
  const readmeBlocks = codeBlocks(WIDGET_README, '### React')
    .filter((block) => block.lang === 'tsx')
    .map((block) => block.code);
  /** The app's folder, its files written once. */
  const reactApp = () =>
    withFiles('react', () =>
      Object.fromEntries(
        Object.entries(reactAppFiles(readmeBlocks)).map(([file, text]) => [
          `react-app/${file}`,
          text,
        ]),
      ),
    ).then((dir) => join(dir, 'react-app'));

  it('has the README blocks it compiles (the hook and the element)', ({ expect }) => {
    expect(readmeBlocks).toHaveLength(2);
    expect(readmeBlocks[0]).toContain('export function useHark(');
    expect(readmeBlocks[1]).toContain('<hark-nps');
  });

  let checked: ReturnType<typeof tsc> | undefined;
  /** One tsc run over the app (src/) and the wrong props (wrong/): each test reads its part. */
  const typecheck = async () => {
    checked ??= reactApp().then((folder) => tsc(folder, 'tsconfig.json'));
    const { code, diagnostics } = await checked;
    const inWrong = (line: string) => line.startsWith('wrong/');
    return {
      code,
      app: diagnostics.filter((line) => !inWrong(line)),
      wrong: diagnostics.filter(inWrong).map((text) => text.split('\n')[0]),
    };
  };

  it(
    'type-checks (strict, skipLibCheck false, @types/react 19)',
    async ({ expect }) => {
      expect((await typecheck()).app).toEqual([]);
    },
    LONG,
  );

  it(
    'refuses wrong props and handlers, each with its exact error',
    async ({ expect }) => {
      const { code, wrong } = await typecheck();
      expect(code).toBe(2);
      expect(wrong).toEqual([
        `wrong/wrong.tsx(5,13): error TS2322: Type 'number' is not assignable to type 'string'.`,
        `wrong/wrong.tsx(6,13): error TS2322: Type '"blue"' is not assignable to type '"dark" | "light" | undefined'.`,
        `wrong/wrong.tsx(7,4): error TS2322: Type '{ "onhark-answer": (event: HarkDismissEvent) => "close-button" | "escape"; }' is not assignable to type 'HarkNpsProps'.`,
      ]);
    },
    LONG,
  );

  it(
    'builds with Vite and, in Chromium, hears the answer through onhark-answer',
    async ({ expect }) => {
      const folder = await reactApp();
      await project('tools');
      const built = await tool('vite/bin/vite.js', ['build', '--logLevel', 'warn'], folder);
      expect({ code: built.code, stderr: built.stderr }).toEqual({ code: 0, stderr: '' });
      const { page, problems, close } = await openPage(join(folder, 'dist'));
      try {
        const radios = page.locator('hark-nps').getByRole('radio');
        await expect.poll(() => radios.count()).toBe(11);
        await expect.poll(() => page.locator('output').textContent()).toBe('none');
        await radios.nth(7).check();
        await expect.poll(() => page.locator('output').textContent()).toBe('score 7');
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    },
    LONG,
  );
});

describe('hark-collector, installed with its README line', () => {
  const collector = PACKAGES.find((pkg) => pkg.manifest.name === '@hark/collector');

  it(
    'runs with the README command line and serves the dashboard and its assets',
    async ({ expect }) => {
      if (collector === undefined) throw new Error('@hark/collector is not a public package');
      const dir = await project(alone(collector));
      const version = await run('npx', ['hark-collector', '--version'], { cwd: dir });
      expect(version.stdout).toBe(`${collector.manifest.version}\n`);
      // The README runs it from the registry (`npx -y -p @hark/collector …`); installed, as its next
      // paragraph says, `npx hark-collector …` runs the project's bin with the same options.
      const command = onlyBlock(COLLECTOR_README, '## Run the reference server', 'sh').split('\n');
      const args = (command[0] ?? '').split(' hark-collector ')[1]?.split(' ') ?? [];
      expect(args).toContain('--db');
      const printed = command.filter((line) => line.startsWith('# ')).map((line) => line.slice(2));
      const child = spawn('npx', ['hark-collector', ...args, '--port', '0'], {
        cwd: dir,
        detached: true, // its own process group: npx starts the bin as a child of its own
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      });
      try {
        let out = '';
        const port = await new Promise<string>((resolve, reject) => {
          child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
            out += chunk;
            const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
            if (port !== undefined && out.includes('dashboard at')) resolve(port);
          });
          child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
        });
        expect(out.trim().split('\n')).toEqual(
          printed.map((line) => line.replaceAll('8787', port)),
        );
        const base = `http://127.0.0.1:${port}`;
        const page = await fetch(`${base}/dashboard/`);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toMatch(/^text\/html/);
        const html = await page.text();
        const assets = [...html.matchAll(/(?:src|href)="(\/dashboard\/assets\/[^"]+)"/g)].map(
          (m) => m[1] as string,
        );
        expect(assets).toEqual(expect.arrayContaining([expect.stringMatching(/\.js$/)]));
        const script = assets.find((asset) => asset.endsWith('.js')) as string;
        const asset = await fetch(`${base}${script}`);
        expect(asset.status).toBe(200);
        expect(asset.headers.get('content-type')).toMatch(/javascript/);
        const shipped = join(dir, 'node_modules/@hark/collector/dist', script);
        expect(await asset.text()).toBe(readFileSync(shipped, 'utf8'));
      } finally {
        if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
          process.kill(-child.pid, 'SIGTERM');
          await once(child, 'exit');
        }
      }
    },
    LONG,
  );
});

let browser: Promise<Browser> | undefined;
afterAll(async () => {
  await (await browser)?.close();
});

/** A built app served on loopback in a Chromium page; `problems` gathers its errors. */
async function openPage(folder: string) {
  browser ??= launchChromium();
  const server = await serveFolder(folder);
  const context = await (await browser).newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  await page.goto(`${server.url}/`);
  return {
    page,
    problems,
    close: async () => {
      await context.close();
      await server.close();
    },
  };
}
