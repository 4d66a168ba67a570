import { po, type GetTextTranslation } from 'gettext-parser';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { folderPath, fromPo, toPo } from './i18n.ts';

describe("translators' PO files", () => {
  it('a Tigrinya catalogue has the Dutch source, the English note and the translation of each text', () => {
    const catalogue = po.parse(po.compile(toPo('ti')));
    const entry = Object.values(catalogue.translations['portal/portal.agree']!)[0] as GetTextTranslation;
    expect(entry.msgid).toBe('Ik ga akkoord');
    expect(entry.msgstr[0]).toBe('እሰማማዕ እየ');
    expect(entry.comments?.extracted).toContain('I agree');
    // Staff-only texts are not in a portal-only language.
    expect(Object.keys(catalogue.translations).some((c) => c.startsWith('organisation/'))).toBe(false);
    expect(Object.keys(catalogue.translations).length).toBeGreaterThan(250);
  });

  it('Arabic gets all six plural forms to translate', () => {
    const contexts = Object.keys(toPo('ar').translations).filter((c) =>
      c.startsWith('portal/portal.removed_'),
    );
    expect(contexts.sort()).toEqual(
      ['few', 'many', 'one', 'other', 'two', 'zero'].map((f) => `portal/portal.removed_${f}`),
    );
  });

  it('exporting and importing again gives the same JSON; a changed text comes back', () => {
    const catalogue = po.parse(po.compile(toPo('fa')));
    (Object.values(catalogue.translations['portal/portal.send']!)[0] as GetTextTranslation).msgstr = [
      'ارسال',
    ];
    catalogue.translations['portal/portal.nothing'] = { x: { msgid: 'x', msgstr: ['y'] } };
    const { trees, unknown } = fromPo('fa', catalogue);
    expect(unknown).toEqual(['portal/portal.nothing']);
    const shell = JSON.parse(readFileSync(`${folderPath('shell')}fa.json`, 'utf8'));
    expect(trees.get('shell')).toEqual(shell);
    const portal = trees.get('portal') as { portal: Record<string, string> };
    expect(portal.portal.send).toBe('ارسال');
    expect(portal.portal.agree).toBe('موافقم');
  });
});
