// Bundles each entry point as a site would ship it (minified, Lit's production build) and
// fails when one is over its gzip budget (DESIGN.md, "Budgets"). Run: pnpm size
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minifyTemplates } from './minify-templates.mjs';

const here = new URL('..', import.meta.url).pathname;

/**
 * Entry points and their budgets in bytes, minified + gzip. DESIGN.md sets 10 kB for one kind's
 * survey UI with Lit; it is raised to 10.7 kB, for the reason written in this package's README
 * ("Size").
 */
const ONE_KIND = 10_700;
const ENTRIES = [
  { name: '<hark-nps> with Lit', entry: 'src/components/nps/hark-nps.ts', budget: ONE_KIND },
  { name: '<hark-csat> with Lit', entry: 'src/components/csat/hark-csat.ts', budget: ONE_KIND },
  { name: '<hark-ces> with Lit', entry: 'src/components/ces/hark-ces.ts', budget: ONE_KIND },
  { name: 'all three survey elements', entry: 'src/testing/size-all-kinds.ts', budget: 11_000 },
  {
    name: '<hark-survey> (all kinds, modes)',
    entry: 'src/components/survey/hark-survey.ts',
    budget: 13_000,
  },
];

async function measure({ entry }) {
  const result = await build({
    absWorkingDir: here,
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    // Lit's production build, without dev-mode warnings.
    conditions: ['production'],
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [minifyTemplates],
  });
  const code = result.outputFiles[0].contents;
  return { raw: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

let failed = false;
const rows = [];
for (const item of ENTRIES) {
  const { raw, gzip } = await measure(item);
  const ok = gzip <= item.budget;
  failed ||= !ok;
  rows.push([item.name, raw, gzip, item.budget, ok ? 'ok' : 'OVER BUDGET']);
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
