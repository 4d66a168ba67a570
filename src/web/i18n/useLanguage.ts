import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/contracts/index.ts';
import { api } from '../api.ts';
import { meKey } from '../auth/me.ts';
import { switchLanguage } from './index.ts';
import { isLocale, rememberLanguage, type Locale } from './languages.ts';

/** The UI language, and a way to change it that is remembered here and, when signed in, in the account. */
export function useLanguage() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const language: Locale = isLocale(i18n.language) ? i18n.language : 'nl';

  const setLanguage = async (next: Locale) => {
    rememberLanguage(next);
    await switchLanguage(next);
    const me = queryClient.getQueryData<Me | null>(meKey);
    if (me && me.sessionStage === 'full' && me.preferredLanguage !== next) {
      try {
        await api.put('/api/auth/me/language', { body: { language: next } });
        queryClient.setQueryData<Me | null>(meKey, (old) =>
          old ? { ...old, preferredLanguage: next } : old,
        );
      } catch {
        // The page already shows the new language; the account keeps the old one until the next change.
      }
    }
  };
  return { language, setLanguage };
}
