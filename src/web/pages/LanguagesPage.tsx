import { Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { locales, staffLocales, type Locale } from '../../shared/locales.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { ScrollTable } from '../components/ScrollTable.tsx';
import status from '../i18n/language-status.json';
import { languageNames } from '../i18n/languages.ts';

type Status = { complete: boolean; reviewed: boolean; note: 'source' | 'team' | 'draft' };
const statuses = status as Record<Locale, Status>;

/**
 * Administrators: the languages Opstap speaks, where (staff screens or the participant's pages only), and whether
 * each is complete and reviewed by a native speaker (src/web/i18n/language-status.json, kept by hand when a
 * review comes back; the locale test checks completeness).
 */
export default function LanguagesPage() {
  const { t, i18n } = useTranslation();
  const englishName = (code: string) => new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code);
  return (
    <Stack gap="lg">
      <PageTitle title={t('languages.title')} />
      <Text>{t('languages.intro')}</Text>
      <ScrollTable label={t('languages.title')} minWidth={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('languages.language')}</Table.Th>
            <Table.Th>{t('languages.where')}</Table.Th>
            <Table.Th>{t('languages.complete')}</Table.Th>
            <Table.Th>{t('languages.reviewed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody data-testid="language-status">
          {locales.map((code) => {
            const s = statuses[code];
            return (
              <Table.Tr key={code}>
                <Table.Td>
                  <span lang={code}>{languageNames[code]}</span> ({englishName(code)})
                </Table.Td>
                <Table.Td>
                  {(staffLocales as readonly Locale[]).includes(code)
                    ? t('languages.everywhere')
                    : t('languages.portalOnly')}
                </Table.Td>
                <Table.Td>{s.complete ? t('common.yes') : t('common.no')}</Table.Td>
                <Table.Td>{t(`languages.note.${s.note}`)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ScrollTable>
      <Text>
        {t('languages.how')} <Code>npm run i18n:export</Code>, <Code>npm run i18n:import</Code>
      </Text>
    </Stack>
  );
}
