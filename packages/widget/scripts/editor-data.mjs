// Editor data from custom-elements.json, as Shoelace ships it: VS Code's HTML custom data
// (`vscode.html-custom-data.json`, for `html.customData`) and JetBrains' `web-types.json`
// (found through package.json's `web-types`). Tags, attributes with their values, events, CSS
// parts and custom properties complete and are documented in HTML. Run after the manifest
// (`pnpm --filter @hark/widget manifest`); `--check` fails when the files are not what it would write.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (file) => JSON.parse(readFileSync(join(PACKAGE, file), 'utf8'));
const { name, version } = read('package.json');
const manifest = read('custom-elements.json');
const README = 'https://github.com/hark-feedback/hark/tree/main/packages/widget#readme';

/** Where a type alias the manifest names (`CsatLook`) is written: a module's source beside its dist path. */
function aliasText(alias, modulePath) {
  const source = join(PACKAGE, modulePath.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts'));
  const match = new RegExp(`export type ${alias} =([^;]+);`).exec(readFileSync(source, 'utf8'));
  return match?.[1]?.trim();
}

/** The string literals of a union type (`'light' | 'dark' | undefined` → light, dark). */
function literals(text) {
  const parts = text.split('|').map((part) => part.trim());
  const strings = parts.filter((part) => /^'[^']*'$/.test(part)).map((part) => part.slice(1, -1));
  return strings.length === parts.filter((part) => part !== 'undefined').length ? strings : [];
}

const elements = manifest.modules.flatMap((module) =>
  (module.declarations ?? [])
    .filter((declaration) => declaration.tagName)
    .map((declaration) => {
      const attributes = (declaration.attributes ?? []).map((attribute) => {
        let type = attribute.type?.text ?? 'string';
        if (/^[A-Z]\w*$/.test(type)) type = aliasText(type, module.path) ?? type;
        return { ...attribute, type, values: literals(type) };
      });
      return { ...declaration, attributes };
    }),
);
elements.sort((a, b) => a.tagName.localeCompare(b.tagName));

const vscode = {
  $schema:
    'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map((element) => ({
    name: element.tagName,
    description: element.description || element.summary || '',
    attributes: element.attributes.map((attribute) => ({
      name: attribute.name,
      description: attribute.description ?? '',
      ...(attribute.type === 'boolean' ? { valueSet: 'v' } : {}),
      ...(attribute.values.length > 0
        ? { values: attribute.values.map((value) => ({ name: value })) }
        : {}),
    })),
    references: [{ name: 'Documentation', url: README }],
  })),
};

const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name,
  version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map((element) => ({
        name: element.tagName,
        description: element.description || element.summary || '',
        'doc-url': README,
        attributes: element.attributes.map((attribute) => ({
          name: attribute.name,
          description: attribute.description ?? '',
          ...(attribute.default === undefined ? {} : { default: attribute.default }),
          value:
            attribute.type === 'boolean'
              ? { kind: 'no-value', type: 'boolean' }
              : { kind: 'plain', type: attribute.type },
        })),
        events: (element.events ?? []).map((event) => ({
          name: event.name,
          description: event.description ?? '',
        })),
        js: {
          properties: element.attributes.map((attribute) => ({
            name: attribute.fieldName ?? attribute.name,
            description: attribute.description ?? '',
            type: attribute.type,
          })),
          events: (element.events ?? []).map((event) => ({
            name: event.name,
            description: event.description ?? '',
          })),
        },
      })),
    },
    css: {
      properties: elements.flatMap((element) =>
        (element.cssProperties ?? []).map((property) => ({
          name: property.name,
          description: property.description ?? '',
        })),
      ),
      parts: elements.flatMap((element) =>
        (element.cssParts ?? []).map((part) => ({
          name: part.name,
          description: part.description ?? '',
        })),
      ),
    },
  },
};
// Several elements share custom properties and parts (the scale surveys): list each once.
for (const key of ['properties', 'parts']) {
  const seen = new Set();
  webTypes.contributions.css[key] = webTypes.contributions.css[key].filter(
    (entry) => !seen.has(entry.name) && seen.add(entry.name),
  );
}

const outputs = {
  'vscode.html-custom-data.json': vscode,
  'web-types.json': webTypes,
};
const check = process.argv.includes('--check');
let stale = false;
for (const [file, data] of Object.entries(outputs)) {
  const text = `${JSON.stringify(data, null, 2)}\n`;
  if (!check) writeFileSync(join(PACKAGE, file), text);
  else if (readFileSync(join(PACKAGE, file), 'utf8') !== text) {
    process.stderr.write(`editor-data: ${file} is not what custom-elements.json gives; run it\n`);
    stale = true;
  }
}
if (stale) process.exit(1);
