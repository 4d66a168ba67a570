import { Anchor, Button, Group, NativeSelect, Stack, Table, TextInput } from '@mantine/core';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { trajectoryStatuses } from '../../../shared/participants.ts';
import { api } from '../../api.ts';
import { TrajectoryStatusBadge } from '../../components/Badges.tsx';
import { PagedResults } from '../../components/Feedback.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Pager } from '../../components/Pager.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useDebouncedSearch, useUrlFilters } from '../../components/useUrlFilters.ts';
import { useFormat } from '../../i18n/format.ts';
import type { ParticipantList } from '../../participants.ts';
import { useAllMunicipalities } from '../../queries.ts';

const pageSize = 25;

/** Staff: find a participant by name (spelling-tolerant on the server), municipality or phase. */
export default function ParticipantsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const filters = useUrlFilters(['q', 'municipalityCode', 'status'] as const);
  const [search, setSearch] = useDebouncedSearch(filters.values.q, (q) => filters.set({ q }));
  const municipalities = useAllMunicipalities();
  const query = {
    q: filters.values.q || undefined,
    municipalityCode: filters.values.municipalityCode || undefined,
    status: filters.values.status || undefined,
    limit: pageSize,
    offset: filters.offset,
  };
  const list = useQuery({
    queryKey: ['participants', query],
    queryFn: () => api<ParticipantList>('/api/participants', { query }),
    placeholderData: (previous) => previous,
  });

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
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t('participants.search')}
          description={t('participants.searchHelp')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          w={{ base: '100%', xs: 280 }}
        />
        <NativeSelect
          label={t('participants.municipality')}
          value={filters.values.municipalityCode}
          onChange={(event) => filters.set({ municipalityCode: event.currentTarget.value })}
          data={[
            { value: '', label: t('filters.all') },
            ...(municipalities.data?.items ?? []).map((m) => ({ value: m.code, label: m.name })),
          ]}
          w={{ base: '100%', xs: 220 }}
        />
        <NativeSelect
          label={t('filters.status')}
          value={filters.values.status}
          onChange={(event) => filters.set({ status: event.currentTarget.value })}
          data={[
            { value: '', label: t('filters.all') },
            ...trajectoryStatuses.map((s) => ({ value: s, label: t(`trajectoryStatus.${s}`) })),
          ]}
          w={{ base: '100%', xs: 180 }}
        />
        {filters.active && (
          <Button variant="subtle" onClick={filters.clear}>
            {t('filters.clear')}
          </Button>
        )}
      </Group>
      <PagedResults query={list} empty={t('participants.none')}>
        {(data) => (
          <>
            <ScrollTable label={t('participants.title')} minWidth={720}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('participants.name')}</Table.Th>
                  <Table.Th>{t('participants.dateOfBirth')}</Table.Th>
                  <Table.Th>{t('participants.municipality')}</Table.Th>
                  <Table.Th>{t('participants.phase')}</Table.Th>
                  <Table.Th>{t('participants.coach')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/participants/${p.id}`} fw={600} dir="auto">
                        {p.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{format.date(p.dateOfBirth) || '–'}</Table.Td>
                    <Table.Td>{p.municipalityName}</Table.Td>
                    <Table.Td>
                      <TrajectoryStatusBadge status={p.status} />
                    </Table.Td>
                    <Table.Td>{p.coachName ?? '–'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
            <Pager
              offset={filters.offset}
              limit={pageSize}
              total={data.total}
              onChange={(offset) => filters.set({ offset })}
            />
          </>
        )}
      </PagedResults>
    </Stack>
  );
}
