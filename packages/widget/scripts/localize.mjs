// Builds the locale modules (src/generated/locales) from the XLIFF files with lit-localize, and
// fails when a message has no translation: a new msg() must be translated in every shipped
// locale before it lands (`pnpm --filter @hark/widget localize:extract` adds it to the XLIFF).
import { spawnSync } from 'node:child_process';

const here = new URL('..', import.meta.url).pathname;
const run = spawnSync('lit-localize', ['build'], { cwd: here, encoding: 'utf8', shell: true });
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
const missing = `${run.stdout}\n${run.stderr}`
  .split('\n')
  .filter((line) => /is missing/.test(line));
if (run.status !== 0 || missing.length > 0) {
  console.error(
    `\nlit-localize build: ${missing.length} message(s) without a translation. Translate them in xliff/*.xlf.`,
  );
  process.exit(1);
}
