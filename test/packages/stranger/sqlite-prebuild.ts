import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * better-sqlite3 installs with `prebuild-install || node-gyp rebuild --release`. A stranger's
 * machine downloads a prebuilt binary from GitHub; this one cannot, so node-gyp would compile it
 * (about 2.5 minutes on 2 cores, most of this test's budget). The workspace's own install has
 * already compiled that version on this machine: packed the way `prebuild` packs a release and put
 * in prebuild-install's documented local folder (`npm_config_better_sqlite3_local_prebuilds`), the
 * stranger's install takes their usual path — the install script unpacks a prebuilt binary and
 * loads it. A version npm picks that the workspace lacks finds no file there and compiles
 * (`npm_config_nodedir=/usr`, where Debian keeps Node's headers, so node-gyp downloads nothing).
 *
 * Returns the environment for `npm install`.
 */
export function sqlitePrebuildEnv(workspace: string, folder: string): Record<string, string> {
  const env: Record<string, string> = {};
  if (existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  const glibc = (process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header
    ?.glibcVersionRuntime;
  let manifest: string;
  try {
    manifest = createRequire(join(workspace, 'test', 'package.json')).resolve(
      'better-sqlite3/package.json',
    );
  } catch {
    return env;
  }
  const binary = join(dirname(manifest), 'build', 'Release', 'better_sqlite3.node');
  if (glibc === undefined || !existsSync(binary)) return env;
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const abi = process.versions.modules;
  const file = `better-sqlite3-v${version}-node-v${abi}-${process.platform}-${process.arch}.tar.gz`;
  mkdirSync(folder, { recursive: true });
  execFileSync('tar', [
    'czf',
    join(folder, file),
    '-C',
    dirname(manifest),
    'build/Release/better_sqlite3.node',
  ]);
  env.npm_config_better_sqlite3_local_prebuilds = folder;
  return env;
}
