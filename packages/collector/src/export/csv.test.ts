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

  it('writes numbers as they are, and nothing for a missing field', () => {
    expect(csvField(0)).toBe('0');
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

  it('NDJSON: the wire shape plus receivedAt, one line each', () => {
    expect(JSON.parse(ndjsonLine(stored))).toEqual({ ...answer, receivedAt: stored.receivedAt });
    expect(ndjsonLine(stored).endsWith('}\n')).toBe(true);
  });
});
