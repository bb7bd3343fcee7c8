// Puts the built dashboard (packages/dashboard/dist) into this package as dist/dashboard, which
// hark-collector serves at /dashboard/: the dashboard package is private, so without the copy an
// installed hark-collector had no dashboard to serve. Run by the workspace build (after the
// dashboard's) and before packing.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILT = join(PACKAGE, '..', 'dashboard', 'dist');
const TARGET = join(PACKAGE, 'dist', 'dashboard');

if (!existsSync(join(BUILT, 'index.html'))) {
  process.stderr.write(
    `copy-dashboard: ${BUILT} has no index.html; build it first: pnpm --filter @hark/dashboard build\n`,
  );
  process.exit(1);
}
rmSync(TARGET, { recursive: true, force: true });
cpSync(BUILT, TARGET, { recursive: true });
