import { readFileSync } from 'node:fs';
import { submissionJsonSchema } from '@hark/protocol';
import { describe, expect, it } from 'vitest';

const published = JSON.parse(
  readFileSync(new URL('../../schema/submission-v1.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

// What the published schema says is checked against the collector on one corpus, by Ajv (with and
// without format checks) and Python's jsonschema: see schema-agreement.test.ts.
describe('the published JSON Schema', () => {
  it('is the validator’s schema, regenerated (run `pnpm --filter @hark/collector schema` if not)', () => {
    expect(published).toEqual(submissionJsonSchema());
  });

  it('names in its description every rule it cannot express', () => {
    const description = String(published.description);
    for (const rule of [
      'at most 65536 bytes',
      'Unicode code points',
      'two responses share an id',
      'more than 24 hours ahead of its clock or before 2000-01-01T00:00:00Z',
      'in another letter case',
      'invalid punycode label',
    ]) {
      expect(description).toContain(rule);
    }
  });
});
