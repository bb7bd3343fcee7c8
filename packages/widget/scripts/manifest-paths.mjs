// Points custom-elements.json at the files the package ships: the analyzer reads the source and
// writes `src/…/*.ts` (and `/src/…/*.js`), which are not in the tarball, so tools that follow a
// module path (Storybook, editors, docs sites) found nothing. Run after `custom-elements-manifest
// analyze`; it refuses to write a path to a file that the build did not produce.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST = join(PACKAGE, 'custom-elements.json');
const SOURCE_PATH = /^\/?src\/(.+)\.(?:ts|js)$/;

const missing = new Set();
function shipped(path) {
  const match = SOURCE_PATH.exec(path);
  if (match === null) return path;
  const built = `dist/${match[1]}.js`;
  if (!existsSync(join(PACKAGE, built))) missing.add(built);
  return built;
}

function rewrite(value) {
  if (Array.isArray(value)) return value.map(rewrite);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      (key === 'path' || key === 'module') && typeof inner === 'string'
        ? shipped(inner)
        : rewrite(inner);
  }
  return out;
}

const manifest = rewrite(JSON.parse(readFileSync(MANIFEST, 'utf8')));
if (missing.size > 0) {
  process.stderr.write(
    `manifest-paths: not built (run tsc -p packages/widget first): ${[...missing].join(', ')}\n`,
  );
  process.exit(1);
}
writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
