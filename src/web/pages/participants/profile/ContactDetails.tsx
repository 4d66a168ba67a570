import { Checkbox, Fieldset, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../../../../shared/locales.ts';
import { contactChannels } from '../../../../shared/participants.ts';
import { commonLanguages, displayName, portalLanguageOptions } from '../../../participants.ts';
import type { IntakeParts } from './intake.ts';

/** The languages someone speaks, the one to contact them in, and how to reach them. */
export function ContactDetails({ intake }: { intake: IntakeParts }) {
  const { t, i18n } = useTranslation();
  const { form, field, label } = intake;
  const languageCodes = [...new Set([...form.values.languages, ...commonLanguages])];
  const languageName = (code: string) => displayName('language', code, i18n.language);
  return (
    <Fieldset legend={t('profile.contact')} radius="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          {...field('preferredLanguage')}
          label={label('preferredLanguage')}
          data={[
            // A language recorded before the portal's list: shown, and to be changed to one the portal speaks.
            ...(isLocale(form.values.preferredLanguage)
              ? []
              : [
                  {
                    value: form.values.preferredLanguage,
                    label: languageName(form.values.preferredLanguage),
                  },
                ]),
            ...portalLanguageOptions(i18n.language),
          ]}
        />
        <NativeSelect
          {...field('contactChannel')}
          label={label('contactChannel')}
          data={contactChannels.map((c) => ({ value: c, label: t(`contactChannel.${c}`) }))}
        />
        <TextInput {...field('phone')} label={label('phone')} type="tel" dir="ltr" />
        <TextInput {...field('email')} label={label('email')} type="email" dir="ltr" />
      </SimpleGrid>
      <Checkbox.Group mt="md" label={label('languages')} {...form.getInputProps('languages')}>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} mt="xs" spacing="xs">
          {languageCodes.map((code) => (
            <Checkbox key={code} value={code} label={languageName(code)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </Fieldset>
  );
}
