import { useState } from 'react';
import { Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Municipality } from '../../shared/contracts/index.ts';
import { api } from '../api.ts';
import { hasRole, useMe } from '../auth/me.ts';
import { PartnershipStatusBadge } from '../components/Badges.tsx';
import { SuccessMessage, PagedResults } from '../components/Feedback.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { Pager } from '../components/Pager.tsx';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { useDebouncedSearch, useUrlFilters } from '../components/useUrlFilters.ts';
import { errorText } from '../errors.ts';
import { useRegions, type Page } from '../queries.ts';

const pageSize = 50;

/** All municipalities, with their region and partnership. The national lead (and administrator) can move one. */
export default function MunicipalitiesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const canMove = hasRole(me, 'national_lead', 'administrator');
  const regions = useRegions();
  const filters = useUrlFilters(['q', 'regionId'] as const);
  const [search, setSearch] = useDebouncedSearch(filters.values.q, (q) => filters.set({ q }));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const query = {
    q: filters.values.q || undefined,
    regionId: filters.values.regionId || undefined,
    limit: pageSize,
    offset: filters.offset,
  };
  const municipalities = useQuery({
    queryKey: ['municipalities', 'page', query],
    queryFn: () => api<Page<Municipality>>('/api/municipalities', { query }),
    placeholderData: (previous) => previous,
  });
  const move = useMutation({
    mutationFn: ({ municipality, regionId }: { municipality: Municipality; regionId: string }) =>
      api<Municipality>(`/api/municipalities/${municipality.code}`, { method: 'PATCH', body: { regionId } }),
    onSuccess: (updated) => {
      setMessage({
        ok: true,
        text: t('municipalities.moved', { name: updated.name, region: updated.regionName ?? '' }),
      });
      void queryClient.invalidateQueries({ queryKey: ['municipalities'] });
      void queryClient.invalidateQueries({ queryKey: ['regions'] });
      void queryClient.invalidateQueries({ queryKey: ['partnerships'] });
    },
    onError: (error) => setMessage({ ok: false, text: errorText(t, error) }),
  });
  const regionOptions = (regions.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }));

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle title={t('municipalities.title')} />
        <Text>{canMove ? t('municipalities.introMove') : t('municipalities.intro')}</Text>
      </Stack>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t('filters.searchMunicipality')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          w={{ base: '100%', xs: 260 }}
        />
        <NativeSelect
          label={t('filters.region')}
          value={filters.values.regionId}
          onChange={(event) => filters.set({ regionId: event.currentTarget.value })}
          data={[{ value: '', label: t('filters.allRegions') }, ...regionOptions]}
          w={{ base: '100%', xs: 220 }}
        />
      </Group>
      {message &&
        (message.ok ? (
          <SuccessMessage>{message.text}</SuccessMessage>
        ) : (
          <Text c="red.9" role="alert">
            {message.text}
          </Text>
        ))}
      <PagedResults query={municipalities} empty={t('municipalities.none')}>
        {(data) => (
          <>
            <ScrollTable label={t('municipalities.title')} minWidth={680}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('municipalities.name')}</Table.Th>
                  <Table.Th>{t('municipalities.code')}</Table.Th>
                  <Table.Th>{t('municipalities.province')}</Table.Th>
                  <Table.Th>{t('municipalities.region')}</Table.Th>
                  <Table.Th>{t('municipalities.partnership')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((m) => (
                  <Table.Tr key={m.code}>
                    <Table.Th scope="row" fw={600}>
                      {m.name}
                    </Table.Th>
                    <Table.Td>{m.code}</Table.Td>
                    <Table.Td>{m.province}</Table.Td>
                    <Table.Td>
                      {canMove ? (
                        <NativeSelect
                          size="xs"
                          aria-label={t('municipalities.regionFor', { name: m.name })}
                          value={m.regionId ?? ''}
                          disabled={move.isPending && move.variables?.municipality.code === m.code}
                          onChange={(event) => {
                            const regionId = event.currentTarget.value;
                            if (regionId && regionId !== m.regionId)
                              move.mutate({ municipality: m, regionId });
                          }}
                          data={[
                            ...(m.regionId ? [] : [{ value: '', label: t('municipalities.noRegion') }]),
                            ...regionOptions,
                          ]}
                          miw={160}
                        />
                      ) : (
                        (m.regionName ?? t('municipalities.noRegion'))
                      )}
                    </Table.Td>
                    <Table.Td>
                      <PartnershipStatusBadge status={m.partnershipStatus} />
                    </Table.Td>
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
