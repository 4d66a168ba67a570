import { Anchor, Button, Group, Stack } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { trajectoryStatuses } from '../../../shared/participants.ts';
import { api } from '../../api.ts';
import { TrajectoryStatusBadge } from '../../components/Badges.tsx';
import { ListView } from '../../components/ListView.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFormat } from '../../i18n/format.ts';
import { participantKeys, type ParticipantQuery } from '../../participants.ts';
import { useAllMunicipalities } from '../../queries.ts';

/** Staff: find a participant by name (spelling-tolerant on the server), municipality or phase. */
export default function ParticipantsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const municipalities = useAllMunicipalities();

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <PageTitle title={t('participants.title')} />
        <Button
          component={Link}
          to="/participants/new"
          leftSection={<IconUserPlus size={18} aria-hidden="true" />}
        >
          {t('participants.new')}
        </Button>
      </Group>
      <ListView
        label={t('participants.title')}
        empty={t('participants.none')}
        pageSize={25}
        minWidth={720}
        filters={[
          {
            kind: 'search',
            key: 'q',
            label: t('participants.search'),
            description: t('participants.searchHelp'),
            width: 280,
          },
          {
            kind: 'select',
            key: 'municipalityCode',
            label: t('participants.municipality'),
            options: (municipalities.data?.items ?? []).map((m) => ({ value: m.code, label: m.name })),
            width: 220,
          },
          {
            kind: 'select',
            key: 'status',
            label: t('filters.status'),
            options: trajectoryStatuses.map((s) => ({ value: s, label: t(`trajectoryStatus.${s}`) })),
            width: 180,
          },
        ]}
        query={(filters, page) => {
          const query = { ...filters, ...page } as ParticipantQuery;
          return {
            queryKey: participantKeys.list(query),
            queryFn: () => api.get('/api/participants', { query }),
          };
        }}
        rowKey={(p) => p.id}
        columns={[
          {
            header: t('participants.name'),
            cell: (p) => (
              <Anchor component={Link} to={`/participants/${p.id}`} fw={600} dir="auto">
                {p.name}
              </Anchor>
            ),
          },
          { header: t('participants.dateOfBirth'), cell: (p) => format.date(p.dateOfBirth) || '–' },
          { header: t('participants.municipality'), cell: (p) => p.municipalityName },
          { header: t('participants.phase'), cell: (p) => <TrajectoryStatusBadge status={p.status} /> },
          { header: t('participants.coach'), cell: (p) => p.coachName ?? '–' },
        ]}
      />
    </Stack>
  );
}
