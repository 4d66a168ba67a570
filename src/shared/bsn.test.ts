import { describe, expect, it } from 'vitest';
import { containsBsn, passesElevenTest } from './bsn.ts';

describe('BSN detection', () => {
  it('knows the 11-test', () => {
    expect(passesElevenTest('111222333')).toBe(true);
    expect(passesElevenTest('123456782')).toBe(true);
    expect(passesElevenTest('123456789')).toBe(false);
    expect(passesElevenTest('000000000')).toBe(false);
  });

  it('finds a BSN in free text, also with dots or spaces', () => {
    expect(containsBsn('bsn 111222333 graag')).toBe(true);
    expect(containsBsn('1234.56.782')).toBe(true);
    expect(containsBsn('1234 56 782')).toBe(true);
  });

  it('leaves other numbers alone', () => {
    expect(containsBsn('123456789')).toBe(false); // fails the 11-test
    expect(containsBsn('1112223334')).toBe(false); // ten digits
    expect(containsBsn('Woont sinds 2021 in Utrecht, 3 kinderen')).toBe(false);
  });
});
