// An esbuild plugin for Hark's shipped bundles. In `*.styles.ts` it minifies the CSS inside
// `css\`…\`` with esbuild's own CSS minifier (those templates hold no `${}` interpolations; the
// plugin refuses one). In other sources it turns each line break and the indentation after it
// inside `html\`…\`` templates into one space: there they only ever separate tags and attributes.
import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';

export const minifyTemplates = {
  name: 'hark-minify-templates',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (path.endsWith('.styles.ts'))
        return { contents: await minifyCss(source, path), loader: 'ts' };
      if (!source.includes('html`')) return undefined;
      return {
        contents: source.replace(/html`[^`]*`/g, (t) => t.replace(/\n\s*/g, ' ')),
        loader: 'ts',
      };
    });
  },
};

async function minifyCss(source, path) {
  let out = '';
  let rest = source;
  for (;;) {
    const start = rest.indexOf('css`');
    if (start === -1) return out + rest;
    const end = rest.indexOf('`', start + 4);
    const body = rest.slice(start + 4, end);
    if (body.includes('${'))
      throw new Error(`${path}: css\`\` with an interpolation cannot be minified`);
    const { code } = await transform(body, { loader: 'css', minify: true });
    out += `${rest.slice(0, start)}css\`${code.trim().replaceAll('\\', '\\\\')}\``;
    rest = rest.slice(end + 1);
  }
}
