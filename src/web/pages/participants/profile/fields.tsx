import { useState, type ReactNode } from 'react';
import { NativeSelect, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.ts';
import { displayName, occupationKeys } from '../../../participants.ts';
import type { Occupation } from './intake.ts';

/** Countries people who come to the Netherlands as refugees often come from, and the Netherlands itself. */
const commonCountries = ['SY', 'ER', 'AF', 'TR', 'IR', 'IQ', 'YE', 'SO', 'ET', 'SD', 'UA', 'PS', 'LB', 'NL'];

type FieldProps<T> = { id: string; label: string; value: T; onChange: (value: T) => void; error?: ReactNode };

/** Country choice: common countries plus the current value, names in the reader's language. */
export function CountrySelect({ id, label, value, onChange }: FieldProps<string | null>) {
  const { t, i18n } = useTranslation();
  const codes = value && !commonCountries.includes(value) ? [value, ...commonCountries] : commonCountries;
  return (
    <NativeSelect
      id={id}
      label={label}
      value={value ?? ''}
      onChange={(event) => onChange(event.currentTarget.value || null)}
      data={[
        { value: '', label: t('profile.unknown') },
        ...codes
          .map((code) => ({ value: code, label: displayName('region', code, i18n.language) }))
          .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
      ]}
    />
  );
}

/** Free text with ESCO suggestions (Dutch and English labels); picking one links the ESCO occupation. */
export function OccupationField({ id, label, value, onChange, error }: FieldProps<Occupation>) {
  const { t } = useTranslation();
  const [focused, setFocused] = useState(false);
  const [q] = useDebouncedValue(value.text.trim(), 300);
  const query = { q, limit: 6 };
  const suggestions = useQuery({
    queryKey: occupationKeys.search(q),
    queryFn: () => api.get('/api/occupations', { query }),
    enabled: focused && q.length >= 2 && !value.escoUri,
    staleTime: 60_000,
  });
  const items = focused && !value.escoUri ? (suggestions.data?.items ?? []) : [];
  return (
    <Stack gap={4}>
      <TextInput
        id={id}
        label={label}
        description={value.escoUri ? t('profile.escoLinked') : t('profile.escoHelp')}
        dir="auto"
        value={value.text}
        error={error}
        onFocus={() => setFocused(true)}
        onChange={(event) => onChange({ escoUri: null, text: event.currentTarget.value })}
      />
      {items.length > 0 && (
        <Stack gap={2} role="group" aria-label={t('profile.escoSuggestions')}>
          {items.map((o) => (
            <UnstyledButton
              key={o.uri}
              onClick={() => onChange({ escoUri: o.uri, text: o.labelNl })}
              p={6}
              style={{ borderRadius: 6, border: '1px solid var(--mantine-color-gray-4)' }}
            >
              <Text size="sm" fw={600}>
                {o.labelNl}
              </Text>
              <Text size="xs" lang="en">
                {o.labelEn}
              </Text>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
