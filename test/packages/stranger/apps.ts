import type { Entry } from './public-packages.js';

// The sources of the strangers' projects, written into them by the test (strings, so that the
// workspace's own tsc and Biome, which have no React types, do not check them as workspace code).

/** One `import` per entry, and every binding used, so that none is elided. */
export function importEverySource(entries: Entry[]): string {
  const lines = entries.map((entry, i) =>
    entry.kind === 'json'
      ? `import e${i} from '${entry.specifier}' with { type: 'json' };`
      : `import * as e${i} from '${entry.specifier}';`,
  );
  return `${lines.join('\n')}\n\nexport const everything = [${entries.map((_, i) => `e${i}`).join(', ')}];\n`;
}

/**
 * A Node script that imports every module and JSON entry and resolves every file an `exports`
 * pattern names, and prints what it got (export names, or the error) as JSON.
 */
export function nodeImportsScript(
  entries: Entry[],
  files: Array<{ specifier: string; path: string }>,
): string {
  const modules = entries.filter((entry) => entry.kind === 'module').map((e) => e.specifier);
  const json = entries.filter((entry) => entry.kind === 'json').map((e) => e.specifier);
  return `import { fileURLToPath } from 'node:url';
const result = { failed: {}, modules: {}, json: {}, files: {} };
for (const specifier of ${JSON.stringify(modules)}) {
  try {
    result.modules[specifier] = Object.keys(await import(specifier)).sort();
  } catch (error) {
    result.failed[specifier] = String(error);
  }
}
for (const specifier of ${JSON.stringify(json)}) {
  try {
    result.json[specifier] = typeof (await import(specifier, { with: { type: 'json' } })).default;
  } catch (error) {
    result.failed[specifier] = String(error);
  }
}
for (const { specifier } of ${JSON.stringify(files)}) {
  try {
    result.files[specifier] = fileURLToPath(import.meta.resolve(specifier));
  } catch (error) {
    result.failed[specifier] = String(error);
  }
}
console.log(JSON.stringify(result));
`;
}

/** The Vite app: the README's install snippet, and a module importing every browser entry. */
export function viteAppFiles(readmeHtml: string, entries: Entry[]): Record<string, string> {
  const browser = entries.filter((entry) => entry.kind !== 'files');
  const imports = browser.map((entry, i) =>
    entry.kind === 'json'
      ? `import e${i} from '${entry.specifier}';`
      : `import * as e${i} from '${entry.specifier}';`,
  );
  const names = browser.map((entry, i) => `  '${entry.specifier}': Object.keys(e${i}).length,`);
  return {
    'index.html': `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A stranger's Vite app</title></head>
  <body>
${readmeHtml}
    <script type="module" src="./every-export.js"></script>
  </body>
</html>
`,
    'every-export.js': `${imports.join('\n')}

window.harkExports = {
${names.join('\n')}
};
`,
  };
}

const REACT_TSCONFIG = {
  strict: true,
  skipLibCheck: false,
  // TypeScript's own lib files are TypeScript's business; every package's .d.ts is still checked.
  skipDefaultLibCheck: true,
  noEmit: true,
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'Bundler',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  jsx: 'react-jsx',
  types: [],
};

/**
 * A React 19 app: `<hark-nps>` with typed properties and an `onhark-answer` handler through the
 * documented `@hark/widget/react` types, the README's React blocks beside it (its hook used by
 * the app, so it runs under StrictMode), and in wrong/ (not bundled) props tsc must refuse.
 */
export function reactAppFiles(readmeBlocks: string[]): Record<string, string> {
  const files: Record<string, string> = {
    'index.html': `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><link rel="icon" href="data:,"><title>A stranger's React app</title></head>
  <body>
    <div id="root"></div>
    <script type="module" src="/src/main.tsx"></script>
  </body>
</html>
`,
    'src/main.tsx': `import type {} from '@hark/widget/react';
import '@hark/widget/hark-nps.js';
import type { HarkAnswerEvent } from '@hark/widget';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useHark } from './readme-1';
import './readme-2';

function App() {
  const [score, setScore] = useState<number>();
  useHark({ collector: 'http://127.0.0.1:9/v1/responses', surveys: [] });
  return (
    <main>
      <hark-nps
        surveyId="checkout-nps"
        question="How likely are you to recommend the shop?"
        noDismiss
        theme="light"
        onhark-answer={(event: HarkAnswerEvent) => setScore(event.detail.score)}
      />
      <output>{score === undefined ? 'none' : \`score \${score}\`}</output>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
`,
    // Line numbers matter: the test expects tsc's errors at these lines.
    'wrong/wrong.tsx': `import type {} from '@hark/widget/react';
import type { HarkDismissEvent } from '@hark/widget';

export const wrong = [
  <hark-nps surveyId={42} />,
  <hark-nps theme="blue" />,
  <hark-nps onhark-answer={(event: HarkDismissEvent) => event.detail.reason} />,
];
`,
    // One program for both folders: React's and Node's types are checked once, not twice.
    'tsconfig.json': `${JSON.stringify({ compilerOptions: REACT_TSCONFIG, include: ['src', 'wrong'] }, null, 2)}\n`,
  };
  readmeBlocks.forEach((code, i) => {
    files[`src/readme-${i + 1}.tsx`] = code;
  });
  return files;
}
