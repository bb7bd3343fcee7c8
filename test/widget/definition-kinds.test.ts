import { SURVEY_KINDS } from '@hark/protocol';
import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../packages/widget/src/definition/survey-definition.js';

// The widget's definition check takes its kinds from @hark/protocol's table, and names them in
// its message written out (ADR 0006): this keeps the two the same.
const definition = (kind: unknown) => ({ id: 'checkout', kind });

describe("the widget's survey definition check", () => {
  it.each(SURVEY_KINDS)('accepts the kind %s of the kinds table', (kind) => {
    expect(checkDefinition(definition(kind))).toEqual([]);
  });

  it.each(['stars', 'NPS', 'toString', 7])('refuses %s, naming every kind of the table', (kind) => {
    const kinds = SURVEY_KINDS.map((k) => `"${k}"`).join(', ');
    expect(checkDefinition(definition(kind))).toEqual([
      { path: '/kind', message: `must be one of ${kinds}` },
    ]);
  });
});
