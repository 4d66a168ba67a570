import { describe, expect, it } from 'vitest';
import { nameKey } from './names.ts';

describe('nameKey', () => {
  it.each([
    ['Mohammed', 'Muhammad', 'Mohamed', 'Mohamad'],
    ['Youssef', 'Yusuf', 'Yousef', 'Joesoef'],
    ['Ahmed', 'Ahmad'],
    ['Abdel Karim', 'Abdul Kareem'],
    ['Tesfay', 'Tesfaye', 'Tesfai'],
    ['Zeynep', 'Seynep'],
  ])('treats %s and its variants as one name', (...variants) => {
    expect(new Set(variants.map(nameKey)).size).toBe(1);
  });

  it('keeps different names apart', () => {
    expect(nameKey('Mohammed')).not.toBe(nameKey('Mahmoud'));
    expect(nameKey('Amina')).not.toBe(nameKey('Amir'));
  });

  it('handles accents and several words', () => {
    expect(nameKey('José  Muñoz-García')).toBe(nameKey('jose munoz garcia'));
    expect(nameKey('José  Muñoz-García').split(' ')).toHaveLength(3);
  });
});
