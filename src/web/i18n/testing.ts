import i18next from 'i18next';
import type { Texts } from './texts.ts';

/** For unit tests: a `t` over the given Dutch texts only. */
export async function testT(texts: Texts) {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'nl', resources: { nl: { translation: texts } } });
  return i18n.t;
}
