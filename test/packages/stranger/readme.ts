import { readFileSync } from 'node:fs';

export interface CodeBlock {
  lang: string;
  code: string;
}

/**
 * The fenced code blocks of a README's section, from its heading (`### React`) to the next heading
 * of any level (its subsections are sections of their own): what the test runs is the text a
 * reader copies.
 */
export function codeBlocks(readme: string, heading: string): CodeBlock[] {
  const lines = readFileSync(readme, 'utf8').split('\n');
  const start = lines.indexOf(heading);
  if (!heading.startsWith('#') || start === -1)
    throw new Error(`${readme} has no heading "${heading}"`);
  const blocks: CodeBlock[] = [];
  let open: CodeBlock | undefined;
  for (const line of lines.slice(start + 1)) {
    if (open === undefined) {
      if (/^#+ /.test(line)) break;
      const fence = /^```(\w*)$/.exec(line);
      if (fence) open = { lang: fence[1] ?? '', code: '' };
    } else if (line === '```') {
      blocks.push(open);
      open = undefined;
    } else {
      open.code += `${line}\n`;
    }
  }
  return blocks;
}

/** The section's only block in `lang`. */
export function onlyBlock(readme: string, heading: string, lang: string): string {
  const found = codeBlocks(readme, heading).filter((block) => block.lang === lang);
  if (found.length !== 1 || found[0] === undefined)
    throw new Error(`${readme} "${heading}" has ${found.length} \`\`\`${lang} blocks, not one`);
  return found[0].code;
}

/**
 * The packages of the section's `npm install` line that names every one of `names` (its
 * comment dropped): `npm install @hark/collector better-sqlite3   # with the SQLite store`.
 */
export function installLine(readme: string, heading: string, names: string[]): string[] {
  const lines = codeBlocks(readme, heading)
    .filter((block) => block.lang === 'sh')
    .flatMap((block) => block.code.split('\n'))
    .map((line) => line.replace(/#.*$/, '').trim().split(/\s+/))
    .filter(([npm, install]) => npm === 'npm' && install === 'install')
    .map((words) => words.slice(2))
    .filter((specs) => names.every((name) => specs.includes(name)));
  if (lines[0] === undefined) throw new Error(`${readme} "${heading}" has no npm install ${names}`);
  return lines.reduce((shortest, specs) => (specs.length < shortest.length ? specs : shortest));
}
