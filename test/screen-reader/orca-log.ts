import { closeSync, openSync, readSync } from 'node:fs';

/** One thing Orca presented: an utterance, a braille line, or a live-region message. */
export type Presentation =
  | { readonly kind: 'speech'; readonly text: string }
  | { readonly kind: 'braille'; readonly text: string }
  | {
      readonly kind: 'live';
      /** What it said and showed for the message (Orca presents it in speech and braille). */
      readonly speech: readonly string[];
      readonly braille: readonly string[];
    };

const ENTRY = /^\d\d:\d\d:\d\d\.\d+ - (SPEECH OUTPUT|BRAILLE LINE): +'(.*)'\s*(\{[^{}]*\})?\s*$/s;
// Orca indents the lines after a line break in a logged text by 18 spaces.
const CONTINUATION = ' '.repeat(18);
const LIVE_START = 'vvvvv PRESENT LIVE REGION MESSAGE vvvvv';
const LIVE_END = '^^^^^ PRESENT LIVE REGION MESSAGE ^^^^^';

/**
 * What Orca presented, from the lines of its debug file: every `SPEECH OUTPUT: '…'` and
 * `BRAILLE LINE: '…'`, and each `PRESENT LIVE REGION MESSAGE` block as one message with the
 * speech and braille inside it.
 */
export function parseOrcaLog(lines: readonly string[]): Presentation[] {
  const out: Presentation[] = [];
  let live: { speech: string[]; braille: string[] } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === LIVE_START) {
      live = { speech: [], braille: [] };
      continue;
    }
    if (line === LIVE_END) {
      if (live !== undefined) out.push({ kind: 'live', ...live });
      live = undefined;
      continue;
    }
    if (!/ - (SPEECH OUTPUT|BRAILLE LINE): /.test(line)) continue;
    let entry = line;
    while (lines[i + 1]?.startsWith(CONTINUATION)) {
      entry += `\n${(lines[i + 1] as string).slice(CONTINUATION.length)}`;
      i++;
    }
    const match = ENTRY.exec(entry);
    if (match === null) continue;
    const [, type, text = ''] = match;
    if (live !== undefined) {
      (type === 'SPEECH OUTPUT' ? live.speech : live.braille).push(text);
    } else {
      out.push({ kind: type === 'SPEECH OUTPUT' ? 'speech' : 'braille', text });
    }
  }
  return out;
}

/** Everything said, in order: utterances, and the speech of live-region messages. */
export function spoken(presented: readonly Presentation[]): string[] {
  return presented.flatMap((p) =>
    p.kind === 'speech' ? [p.text] : p.kind === 'live' ? [...p.speech] : [],
  );
}

/**
 * Each live-region message's text: what it said, else (no speech) its braille line, trimmed.
 */
export function liveMessages(presented: readonly Presentation[]): string[] {
  return presented.flatMap((p) =>
    p.kind === 'live' ? [(p.speech.join(' ') || p.braille.join(' ')).trim()] : [],
  );
}

/** Orca's debug file as it grows, read from where the last read stopped. */
export class OrcaLog {
  readonly #path: string;
  #offset = 0;
  #partial = '';
  readonly #lines: string[] = [];

  constructor(path: string) {
    this.#path = path;
  }

  /** Reads what Orca wrote since the last read. */
  #read(): void {
    const fd = openSync(this.#path, 'r');
    try {
      const buffer = Buffer.alloc(1 << 16);
      const chunks: Buffer[] = [];
      for (;;) {
        const n = readSync(fd, buffer, 0, buffer.length, this.#offset);
        if (n === 0) break;
        chunks.push(Buffer.from(buffer.subarray(0, n)));
        this.#offset += n;
      }
      // A multi-byte character may be split across reads: decode only whole lines.
      const text = this.#partial + Buffer.concat(chunks).toString('latin1');
      const lines = text.split('\n');
      this.#partial = lines.pop() ?? '';
      for (const line of lines) this.#lines.push(Buffer.from(line, 'latin1').toString('utf8'));
    } finally {
      closeSync(fd);
    }
  }

  /** A point in the log: `since(mark)` is what Orca presented after it. */
  mark(): number {
    this.#read();
    return this.#lines.length;
  }

  since(mark: number): Presentation[] {
    this.#read();
    return parseOrcaLog(this.#lines.slice(mark));
  }

  /**
   * Waits until what Orca presented after `mark` satisfies `done`, and returns it; polls the file
   * (Orca writes it line by line) and gives up after `timeoutMs` with what it did present.
   */
  async waitFor(
    mark: number,
    done: (presented: Presentation[]) => boolean,
    what: string,
    timeoutMs = 15_000,
  ): Promise<Presentation[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const presented = this.since(mark);
      if (done(presented)) return presented;
      if (Date.now() > deadline) {
        throw new Error(
          `Orca did not present ${what} within ${timeoutMs} ms; it presented:\n${describe(presented)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A readable transcript, one presentation a line. */
export function describe(presented: readonly Presentation[]): string {
  return presented
    .map((p) =>
      p.kind === 'live'
        ? `  live: ${JSON.stringify(p.speech)} braille ${JSON.stringify(p.braille)}`
        : `  ${p.kind}: ${JSON.stringify(p.text)}`,
    )
    .join('\n');
}
