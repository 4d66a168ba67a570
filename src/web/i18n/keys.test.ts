import { describe, expect, it } from 'vitest';
import { testT } from './testing.ts';
import { keyWords, openKeyText } from './keys.ts';

const t = await testT({ training: { card: { session: 'Les vandaag' } } });

describe('texts for keys from an open list', () => {
  it('turns the last part of a key into words', () => {
    expect(keyWords('training.card.session_planned')).toBe('Session planned');
    expect(keyWords('placement-check')).toBe('Placement check');
    expect(keyWords('plain')).toBe('Plain');
  });

  it('keeps a key without a usable last part as it is', () => {
    expect(keyWords('training.')).toBe('training.');
    expect(keyWords('')).toBe('');
  });

  it('translates a known key', () => {
    expect(openKeyText(t, 'training.card.session')).toBe('Les vandaag');
  });

  it('falls back to the given text, else to the last part as words', () => {
    expect(openKeyText(t, 'training.card.absent', 'Iets anders')).toBe('Iets anders');
    expect(openKeyText(t, 'training.card.absent_twice')).toBe('Absent twice');
  });
});
