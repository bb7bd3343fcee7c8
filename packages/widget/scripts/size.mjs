// Bundles each entry point as a site would ship it (minified, Lit's production build) and
// fails when one is over its gzip budget (DESIGN.md, "Budgets"). Run: pnpm size
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minifyTemplates } from './minify-templates.mjs';

const here = new URL('..', import.meta.url).pathname;

/**
 * Entry points and their budgets in bytes, minified + gzip. DESIGN.md sets 10 kB for one kind's
 * survey UI with Lit; it is raised to 10.7 kB, then to 12 kB with localisation, then to 12.4 kB
 * for issue 13's focus return, then to 12.5 kB for CSAT's drawn faces and stars, then to 12.65 kB
 * for the three engines and Orca, then to 12.79 kB for focus return through the flat tree, for
 * the reasons written in this package's README ("Size").
 */
const ONE_KIND = 12_790;
/** Each locale's strings, loaded only by a page that shows that locale. */
const LOCALE_BUDGET = 1_000;
/**
 * The script tag's loader (a classic script, `hark.js`): DESIGN.md sets 2 kB; it is 4.8 kB, for
 * the reason in this package's README ("Size").
 */
const LOADER_BUDGET = 4_800;
const ENTRIES = [
  {
    name: 'script-tag loader (hark.js)',
    entry: 'src/loader/hark-loader.ts',
    budget: LOADER_BUDGET,
    format: 'iife',
  },
  {
    name: 'survey UI chunk (hark-ui.js)',
    entry: 'src/loader/mount-survey.ts',
    budget: 22_740,
  },
  { name: '<hark-nps> with Lit', entry: 'src/components/nps/hark-nps.ts', budget: ONE_KIND },
  { name: '<hark-csat> with Lit', entry: 'src/components/csat/hark-csat.ts', budget: ONE_KIND },
  { name: '<hark-ces> with Lit', entry: 'src/components/ces/hark-ces.ts', budget: ONE_KIND },
  { name: 'all three survey elements', entry: 'src/testing/size-all-kinds.ts', budget: 12_930 },
  {
    name: '<hark-survey> (all kinds, modes)',
    entry: 'src/components/survey/hark-survey.ts',
    budget: 16_100,
  },
];

/** Builds an entry with code splitting, as a site's bundler would: locales become their own chunks. */
async function bundle(entry, format = 'esm') {
  const result = await build({
    absWorkingDir: here,
    entryPoints: [entry],
    bundle: true,
    splitting: format === 'esm',
    outdir: 'size-out',
    minify: true,
    format,
    target: 'es2022',
    write: false,
    metafile: true,
    // Lit's production build, without dev-mode warnings.
    conditions: ['production'],
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [minifyTemplates],
  });
  const files = new Map(result.outputFiles.map((file) => [file.path.slice(here.length), file]));
  const size = (names) => {
    const code = Buffer.concat(names.map((name) => files.get(name).contents));
    return { raw: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
  };
  const outputs = result.metafile.outputs;
  /** What loading the entry costs: its file and every chunk it imports statically. */
  const eager = (name, seen = new Set()) => {
    if (seen.has(name)) return seen;
    seen.add(name);
    for (const i of outputs[name].imports) if (i.kind === 'import-statement') eager(i.path, seen);
    return seen;
  };
  const main = Object.keys(outputs).find((name) => outputs[name].entryPoint === entry);
  const locales = Object.keys(outputs).flatMap((name) => {
    const input = Object.keys(outputs[name].inputs).find((i) => i.includes('generated/locales/'));
    return input === undefined
      ? []
      : [{ locale: input.match(/([\w-]+)\.ts$/)[1], ...size([name]) }];
  });
  return { ...size([...eager(main)]), locales };
}

let failed = false;
const rows = [];
let locales = [];
for (const item of ENTRIES) {
  const { raw, gzip, locales: chunks } = await bundle(item.entry, item.format);
  const ok = gzip <= item.budget;
  failed ||= !ok;
  rows.push([item.name, raw, gzip, item.budget, ok ? 'ok' : 'OVER BUDGET']);
  if (chunks.length > locales.length) locales = chunks;
}
for (const { locale, raw, gzip } of locales.sort((a, b) => a.locale.localeCompare(b.locale))) {
  const ok = gzip <= LOCALE_BUDGET;
  failed ||= !ok;
  rows.push([`  strings: ${locale}`, raw, gzip, LOCALE_BUDGET, ok ? 'ok' : 'OVER BUDGET']);
}

const pad = (value, width, right = true) =>
  right ? String(value).padStart(width) : String(value).padEnd(width);
console.log(
  `${pad('entry', 30, false)} ${pad('minified', 10)} ${pad('gzip', 8)} ${pad('budget', 8)}`,
);
for (const [name, raw, gzip, budget, verdict] of rows) {
  console.log(
    `${pad(name, 30, false)} ${pad(raw.toLocaleString('en'), 10)} ${pad(gzip.toLocaleString('en'), 8)} ${pad(budget.toLocaleString('en'), 8)}  ${verdict}`,
  );
}
if (failed) {
  console.error(
    '\nA size budget is exceeded. Raise it only with a written reason in packages/widget/README.md.',
  );
  process.exit(1);
}
