import { describe, expect, it } from 'vitest';
import { npsResponse } from '../testing/fixtures.js';
import { csvField, csvHeader, csvLine, ndjsonLine } from './csv.js';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1 555', "'+1 555"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['a=1', 'a=1'],
    ['', ''],
  ])('%j → %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  // OWASP "CSV Injection": a formula may hide behind blanks, use full-width signs (which
  // spreadsheets in CJK locales take for the ASCII ones), or start with a tab or line break.
  it.each([
    [' =1+1', "' =1+1"],
    ['   +1 555', "'   +1 555"],
    ['\t-2+3', "'\t-2+3"],
    [' \t @SUM(A1)', "' \t @SUM(A1)"],
    ['\u00a0=1', "'\u00a0=1"],
    ['\u3000=1', "'\u3000=1"],
    ['\u00a0\u3000 -1', "'\u00a0\u3000 -1"],
    ['\uff1d1+1', "'\uff1d1+1"],
    ['\uff0b1', "'\uff0b1"],
    ['\uff0d1', "'\uff0d1"],
    ['\uff20SUM(A1)', "'\uff20SUM(A1)"],
    [
      '\u3000\uff1dHYPERLINK("http://evil.example")',
      `"'\u3000\uff1dHYPERLINK(""http://evil.example"")"`,
    ],
    ['\ttext', "'\ttext"],
    ['\rtext', `"'\rtext"`],
    ['\ntext', `"'\ntext"`],
    [' \n=1', `"' \n=1"`],
    ['-1', "'-1"],
  ])('neutralises %j → %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it.each([
    ['a=1', 'a=1'],
    [' text', ' text'],
    ['\u00a0text', '\u00a0text'],
    ['\u3000text', '\u3000text'],
    ['x\uff1d1', 'x\uff1d1'],
    ['1-2', '1-2'],
    [' 5', ' 5'],
    [' ', ' '],
    ['a\n=1', '"a\n=1"'],
  ])('leaves %j as text: %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('writes numbers as they are, negative ones too, and nothing for a missing field', () => {
    expect(csvField(0)).toBe('0');
    expect(csvField(10)).toBe('10');
    expect(csvField(-1)).toBe('-1');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(undefined)).toBe('');
  });
});

describe('export lines', () => {
  const answer = npsResponse({
    id: '0193a9b4-5c2e-7d1f-8a3b-4c5d6e7f8091',
    comment: '=1+1, "quoted"',
    metadata: { plan: 'pro' },
  });
  const stored = { response: answer, receivedAt: '2026-11-25T12:00:00.000Z' };

  it('CSV: a header and one CRLF line per answer, every column in order (text starting with @ is neutralised too)', () => {
    expect(csvHeader()).toBe(
      'id,surveyId,kind,score,comment,locale,pageUrl,answeredAt,variant,visitorId,metadata,sdkName,sdkVersion,receivedAt\r\n',
    );
    expect(csvLine(stored)).toBe(
      `0193a9b4-5c2e-7d1f-8a3b-4c5d6e7f8091,checkout-nps,nps,9,"'=1+1, ""quoted""",en-GB,https://shop.example/checkout/done?order=42,2026-11-20T10:15:30.000Z,b,v_4f9a2c7d1e,"{""plan"":""pro""}",'@hark/widget,0.1.0,2026-11-25T12:00:00.000Z\r\n`,
    );
  });

  it('CSV: a comment hiding a full-width formula behind an ideographic space is neutralised; the score stays a number', () => {
    const hidden = npsResponse({
      id: '0193a9b4-5c2e-7d1f-8a3b-4c5d6e7f8092',
      score: 0,
      comment: '\u3000\uff1dcmd|"/c calc"!A1',
      variant: undefined,
      metadata: undefined,
    });
    expect(csvLine({ response: hidden, receivedAt: '2026-11-25T12:00:00.000Z' })).toBe(
      `0193a9b4-5c2e-7d1f-8a3b-4c5d6e7f8092,checkout-nps,nps,0,"'\u3000\uff1dcmd|""/c calc""!A1",en-GB,https://shop.example/checkout/done?order=42,2026-11-20T10:15:30.000Z,,v_4f9a2c7d1e,,'@hark/widget,0.1.0,2026-11-25T12:00:00.000Z\r\n`,
    );
  });

  it('NDJSON: the wire shape plus receivedAt, one line each', () => {
    expect(JSON.parse(ndjsonLine(stored))).toEqual({ ...answer, receivedAt: stored.receivedAt });
    expect(ndjsonLine(stored).endsWith('}\n')).toBe(true);
  });
});
