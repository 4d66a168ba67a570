import { describe, expect, it } from 'vitest';
import { locales } from '../../shared/locales.ts';
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

  it("count days with each language's plural forms", () => {
    expect(duration(168, 'ti')).toBe('7 መዓልቲ');
    expect(duration(168, 'fa')).toBe('7 روز');
    expect(duration(168, 'so')).toBe('7 maalmood');
    expect(duration(24 * 2, 'so')).toBe('2 maalmood');
    expect(duration(1, 'so')).toBe('1 saacad');
    expect(duration(168, 'tr')).toBe('7 gün');
    expect(duration(168, 'uk')).toBe('7 днів');
    expect(duration(48, 'uk')).toBe('2 дні');
    expect(duration(21 * 24, 'uk')).toBe('21 день');
    expect(duration(1, 'uk')).toBe('1 година');
  });

  const vars = { name: 'Lemlem', link: 'https://opstap.example/invitation?token=x', hours: 168 };
  const greetings = {
    nl: 'Beste Lemlem,',
    en: 'Dear Lemlem,',
    ar: 'مرحبًا Lemlem،',
    ti: 'ሰላም Lemlem፣',
    fa: 'سلام Lemlem،',
    so: 'Salaan Lemlem,',
    tr: 'Merhaba Lemlem,',
    uk: 'Вітаємо, Lemlem!',
  } as const;
  const scripts = {
    ar: /\p{Script=Arabic}/u,
    fa: /\p{Script=Arabic}/u,
    ti: /\p{Script=Ethiopic}/u,
    uk: /\p{Script=Cyrillic}/u,
  } as const;

  it.each(locales)(
    '%s: every mail a participant can get is in that language, with its greeting',
    (locale) => {
      const kinds = [
        'invitation',
        'password_reset',
        'secondFactorChanged',
        'secondFactorReset',
        'questionAnswered',
      ] as const;
      for (const kind of kinds) {
        const mail = templates[kind][locale](vars);
        expect(mail.body, kind).toContain(vars.link);
        expect(mail.body.split('\n')[0], kind).toContain(vars.name);
        expect(mail.subject.length, kind).toBeGreaterThan(5);
        if (locale in scripts) {
          expect(mail.subject + mail.body, kind).toMatch(scripts[locale as keyof typeof scripts]);
        }
        // No mail is the English one with another greeting.
        if (locale !== 'en') expect(mail.subject, kind).not.toBe(templates[kind].en(vars).subject);
      }
      const invitation = templates.invitation[locale](vars).body;
      expect(invitation.startsWith(greetings[locale]), invitation).toBe(true);
      expect(invitation).toContain(duration(168, locale));
      expect(invitation).not.toContain('168');
    },
  );

  it("tells that a question has an answer without its content, in the participant's language", () => {
    const sms = templates.questionAnswered.ti({ name: 'Lemlem', link: 'https://opstap.example/' }).body;
    expect(sms).toContain('ንሕቶኹም');
    expect(sms).toContain('https://opstap.example/');
  });
});
