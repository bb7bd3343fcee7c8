import { readFileSync } from 'node:fs';

/**
 * The process's soft limit on open file descriptors, where the system tells it cheaply (Linux's
 * `/proc/self/limits`); undefined elsewhere and when unlimited. Node raises the soft limit to the
 * hard one at start, so this is what the process really has.
 */
export function openFileLimit(): number | undefined {
  let text: string;
  try {
    text = readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return undefined;
  }
  const soft = /^Max open files\s+(\d+)\s/m.exec(text)?.[1];
  return soft === undefined ? undefined : Number(soft);
}
