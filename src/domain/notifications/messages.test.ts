import { describe, expect, it } from 'vitest';
import { duration, templates } from './messages.ts';

describe('mail texts', () => {
  it('say how long a link works in days from two days on, with Arabic plural forms', () => {
    expect(duration(168, 'nl')).toBe('7 dagen');
    expect(duration(168, 'en')).toBe('7 days');
    expect(duration(1, 'en')).toBe('1 hour');
    expect(duration(1, 'nl')).toBe('1 uur');
    expect(duration(168, 'ar')).toBe('7 أيام');
    expect(duration(1, 'ar')).toBe('ساعة واحدة');
    expect(duration(2, 'ar')).toBe('ساعتين');
    expect(duration(11 * 24, 'ar')).toBe('11 يومًا');
    expect(duration(36, 'nl')).toBe('36 uur');
  });

  it('greet in Arabic as people do, and never name hours where days are meant', () => {
    const mail = templates.invitation.ar({ name: 'هدى', link: 'https://opstap.example/x', hours: 168 });
    expect(mail.body.startsWith('مرحبًا هدى،')).toBe(true);
    expect(mail.body).toContain('7 أيام');
    expect(templates.invitation.nl({ name: 'Huda', link: 'x', hours: 168 }).body).toContain('7 dagen');
  });
});
