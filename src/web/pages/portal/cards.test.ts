import { describe, expect, it } from 'vitest';
import { testT } from '../../i18n/testing.ts';
import { cardLink, cardTitle } from './cards.ts';

const t = await testT({ training: { card: { session: 'Uw les' } } });

describe('portal cards', () => {
  it('translate their title key', () => {
    expect(cardTitle(t, { title: 'training.card.session' })).toBe('Uw les');
  });

  it('show the last part of a title key without a text, as words', () => {
    expect(cardTitle(t, { title: 'placement.card.check_in' })).toBe('Check in');
  });

  it('link to a page of Opstap, or to a page elsewhere over https', () => {
    expect(cardLink('/my/training?week=3')).toEqual({ to: '/my/training?week=3' });
    expect(cardLink('https://example.org/rooster')).toEqual({ href: 'https://example.org/rooster' });
  });

  it('show no link for nothing, other schemes or a path to another site', () => {
    expect(cardLink(null)).toBeNull();
    expect(cardLink('')).toBeNull();
    expect(cardLink('javascript:alert(1)')).toBeNull();
    expect(cardLink('http://example.org/')).toBeNull();
    expect(cardLink('//evil.example/')).toBeNull();
    expect(cardLink('my/relative')).toBeNull();
  });
});
