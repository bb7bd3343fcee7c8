// Builds what a site copies next to its pages for the one-<script>-tag install:
//   hark.js     the loader, a classic script (config, queue, triggers, targeting, consent)
//   hark-ui.js  the survey UI and delivery, an ES module the loader imports when a survey shows
//   chunks/     what hark-ui.js shares or loads lazily (one file per locale's strings)
// Run: pnpm --filter @hark/widget build:script   (writes dist/script/)
import { build } from 'esbuild';
import { minifyTemplates } from './minify-templates.mjs';

const here = new URL('..', import.meta.url).pathname;

const common = {
  absWorkingDir: here,
  bundle: true,
  minify: true,
  target: 'es2022',
  // Lit's production build, without dev-mode warnings.
  conditions: ['production'],
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [minifyTemplates],
};

/** Builds the loader and the UI into `outdir` (or returns the files with `write: false`). */
export async function buildScriptTag({ outdir = 'dist/script', write = true } = {}) {
  const [loader, ui] = await Promise.all([
    build({
      ...common,
      entryPoints: { hark: 'src/loader/hark-loader.ts' },
      format: 'iife',
      outdir,
      write,
      metafile: true,
    }),
    build({
      ...common,
      entryPoints: { 'hark-ui': 'src/loader/mount-survey.ts' },
      format: 'esm',
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      outdir,
      write,
      metafile: true,
    }),
  ]);
  return { loader, ui };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const { loader, ui } = await buildScriptTag();
  const files = [...Object.keys(loader.metafile.outputs), ...Object.keys(ui.metafile.outputs)];
  console.log(`script tag: ${files.length} files in dist/script/`);
}
