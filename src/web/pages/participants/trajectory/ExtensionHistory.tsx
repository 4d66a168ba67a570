import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/ListView.tsx';
import { useFormat } from '../../../i18n/format.ts';
import type { Trajectory } from '../../../participants.ts';

/** Earlier extensions: from which end date to which, why, and who approved. */
export function ExtensionHistory({ trajectory }: { trajectory: Trajectory }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('trajectory.extensions')}
      </Title>
      <DataTable
        label={t('trajectory.extensions')}
        minWidth={560}
        rows={trajectory.extensions}
        rowKey={(_, index) => index}
        columns={[
          { header: t('trajectory.previousEnd'), cell: (e) => format.date(e.previousEndOn) },
          { header: t('trajectory.newEnd'), cell: (e) => format.date(e.newEndOn) },
          { header: t('trajectory.reason'), cell: (e) => <span dir="auto">{e.reason}</span> },
          { header: t('trajectory.approvedBy'), cell: (e) => e.approvedByName ?? '–' },
        ]}
      />
    </Stack>
  );
}
