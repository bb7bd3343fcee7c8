/**
 * Starts the built `hark-collector` on a database in a child process (the server as operators
 * run it), for a benchmark; resolves with the child and its URL once it listens. The child is
 * killed when the benchmark exits, however it exits.
 */
import { spawn } from 'node:child_process';

const BIN = new URL('../dist/bin/hark-collector.js', import.meta.url).pathname;

/** @param {string} db @param {string} token */
export function startBin(db, token) {
  const child = spawn(
    process.execPath,
    [BIN, '--db', db, '--port', '0', '--admin-token', token, '--rate-limit', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  process.once('exit', () => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}
