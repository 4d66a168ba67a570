import { Button, Group, NativeSelect } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/me.ts';
import { languageNames, isLocale, offeredLanguages } from '../i18n/languages.ts';
import { useLanguage } from '../i18n/useLanguage.ts';

/** Staff get their three languages; a participant, and anyone not signed in yet, all eight. */
function useOffered() {
  const me = useMe().data;
  return offeredLanguages(me?.roles.map((r) => r.role));
}

/** A compact language menu for the header. Each language is written in its own language and marked with `lang`. */
export function LanguageSwitcher({ id = 'language-switcher' }: { id?: string }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const locales = useOffered();
  return (
    <NativeSelect
      id={id}
      aria-label={t('language.label')}
      value={language}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isLocale(value)) void setLanguage(value);
      }}
      leftSection={<IconLanguage size={18} aria-hidden="true" />}
      size="sm"
      w={{ base: 150, sm: 170 }}
    >
      {locales.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {languageNames[locale]}
        </option>
      ))}
    </NativeSelect>
  );
}

/** Big buttons, one per language, for people who need to find their language fast. */
export function LanguageButtons() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const locales = useOffered();
  return (
    <Group
      gap="sm"
      role="group"
      aria-label={t('language.label')}
      grow
      preventGrowOverflow={false}
      wrap="wrap"
    >
      {locales.map((locale) => (
        <Button
          key={locale}
          lang={locale}
          size="lg"
          miw={120}
          variant={language === locale ? 'filled' : 'outline'}
          aria-pressed={language === locale}
          onClick={() => void setLanguage(locale)}
        >
          {languageNames[locale]}
        </Button>
      ))}
    </Group>
  );
}
