import { expect, it } from 'vitest';
it('runs in Chromium', () => {
  expect(navigator.userAgent).toContain('Chrome');
});
