import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BEYOND_SCHEMA_BODIES,
  type BeyondSchema,
  CORPUS,
  type CorpusBody,
  INVALID_BODIES,
  VALID_BODIES,
} from '../testing/schema-agreement-corpus.js';
import { parseSubmission } from '../validation/parse-submission.js';

/*
 * One corpus of request bodies through the collector's own validator and through standard
 * validators of the published schema file: Ajv without and with format checks, and Python's
 * jsonschema (format checks off, its default). A collector written in another language gets the
 * collector's verdicts from the schema alone, except for the rules the schema's description names.
 */

const SCHEMA_PATH = fileURLToPath(
  new URL('../../schema/submission-v1.schema.json', import.meta.url),
);
const SCRIPT_PATH = fileURLToPath(new URL('./schema-agreement.py', import.meta.url));
const NOW = Date.parse('2026-11-25T12:00:00Z');

const published = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
// Without format checks, as JSON Schema 2020-12 validators run by default: the patterns alone
// must hold the line.
const ajvValidate = new Ajv2020.default({ strict: true, validateFormats: false }).compile(
  published,
);
// With them (ajv-formats' RFC 3339 date-time): a stricter validator must not refuse more.
const withFormats = new Ajv2020.default({ strict: true });
addFormats.default(withFormats);
const ajvFormatsValidate = withFormats.compile(published);

/** A python3 that can import jsonschema: Debian's (python3-jsonschema) or the one on PATH. */
function findPython(): string {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, ['-c', 'import jsonschema'], { encoding: 'utf8' });
    if (probe.status === 0) return python;
  }
  throw new Error(
    'No python3 here can import jsonschema, which this test needs: on Debian run ' +
      '`apt-get install -y python3-jsonschema` (scripts/run.mjs does so), elsewhere ' +
      '`pip install jsonschema`.',
  );
}

/** Python's verdict per body: null when valid, else its first error. */
let pythonVerdicts: ReadonlyArray<string | null> = [];

beforeAll(() => {
  const python = findPython();
  const run = spawnSync(python, [SCRIPT_PATH, SCHEMA_PATH], {
    input: JSON.stringify(CORPUS.map(({ body }) => body)),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${python} ${SCRIPT_PATH} failed:\n${run.stderr}`);
  pythonVerdicts = JSON.parse(run.stdout) as Array<string | null>;
});

function entryAt(index: number) {
  const entry = CORPUS[index];
  if (entry === undefined) throw new Error(`no corpus body ${index}`);
  return entry;
}

function harkIssues(index: number) {
  const result = parseSubmission(entryAt(index).body, { now: NOW });
  return result.ok ? [] : result.issues;
}

/** Which validators accept the body at `index`. */
function accepted(index: number) {
  return {
    hark: parseSubmission(entryAt(index).body, { now: NOW }).ok,
    ajv: ajvValidate(JSON.parse(entryAt(index).body)),
    ajvFormats: ajvFormatsValidate(JSON.parse(entryAt(index).body)),
    python: pythonVerdicts[index] === null,
  };
}

/** `it.each` rows: each body's name and its index in the corpus. */
const indexed = (bodies: readonly CorpusBody[]) =>
  bodies.map((entry) => [entry.name, CORPUS.indexOf(entry)] as const);

/** What Python said, shown when a verdict differs. */
const python = (index: number) => `python: ${pythonVerdicts[index] ?? 'valid'}`;

describe('the collector, Ajv and Python’s jsonschema on one corpus of bodies', () => {
  it('has every body once, valid and invalid ones', () => {
    expect(new Set(CORPUS.map(({ name }) => name)).size).toBe(CORPUS.length);
    expect(VALID_BODIES.length).toBeGreaterThan(30);
    expect(INVALID_BODIES.length).toBeGreaterThan(60);
    expect(pythonVerdicts).toHaveLength(CORPUS.length);
  });

  it.each(indexed(VALID_BODIES))('all accept %s', (_, index) => {
    expect(accepted(index), python(index)).toEqual({
      hark: true,
      ajv: true,
      ajvFormats: true,
      python: true,
    });
  });

  it.each(indexed(INVALID_BODIES))('all refuse %s', (_, index) => {
    expect(accepted(index), python(index)).toEqual({
      hark: false,
      ajv: false,
      ajvFormats: false,
      python: false,
    });
  });

  const CODES: Record<BeyondSchema, readonly string[]> = {
    'duplicate ids': ['duplicate_id'],
    'time window': ['in_future', 'out_of_range'],
    'locale letter case': ['invalid_format'],
    'punycode label': ['invalid_format'],
  };

  it.each(indexed(BEYOND_SCHEMA_BODIES))(
    'only the collector refuses %s, as the schema’s description says',
    (_, index) => {
      const rule = entryAt(index).beyondSchema as BeyondSchema;
      expect(accepted(index), python(index)).toEqual({
        hark: false,
        ajv: true,
        ajvFormats: true,
        python: true,
      });
      const issues = harkIssues(index);
      expect(issues).toHaveLength(1);
      expect(CODES[rule]).toContain(issues[0]?.code);
    },
  );
});
