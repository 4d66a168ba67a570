import { useMemo } from 'react';
import {
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconMapPin, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { partnershipStatuses } from '../../../shared/contracts/organisation.ts';
import { assignmentsFor } from '../../auth/me.ts';
import { PartnershipStatusBadge } from '../../components/Badges.tsx';
import { Loading, QueryError, PagedResults } from '../../components/Feedback.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Pager } from '../../components/Pager.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useDebouncedSearch, useUrlFilters } from '../../components/useUrlFilters.ts';
import { useFormat } from '../../i18n/format.ts';
import { useAllMunicipalities, usePartnerships, useRegions } from '../../queries.ts';
import type { HomeProps } from '../HomePage.tsx';
import { RolesToConfirm } from './RolesToConfirm.tsx';

const pageSize = 25;
type Counts = { active: number; draft: number; ended: number; none: number };

/**
 * Regional and national leads: roles waiting for their confirmation, their regions at a glance and the
 * partnerships with municipalities.
 */
export default function LeadHome({ me, role, roleSwitcher }: HomeProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const national = role === 'national_lead';
  const ownRegionIds = useMemo(
    () => assignmentsFor(me, 'regional_lead').flatMap((r) => (r.regionId ? [r.regionId] : [])),
    [me],
  );
  const regions = useRegions();
  const municipalities = useAllMunicipalities();
  const visibleRegions = (regions.data?.items ?? []).filter((r) => national || ownRegionIds.includes(r.id));

  const counts = useMemo(() => {
    const map = new Map<string, Counts>();
    for (const m of municipalities.data?.items ?? []) {
      if (!m.regionId) continue;
      const c = map.get(m.regionId) ?? { active: 0, draft: 0, ended: 0, none: 0 };
      c[m.partnershipStatus ?? 'none'] += 1;
      map.set(m.regionId, c);
    }
    return map;
  }, [municipalities.data]);

  const filters = useUrlFilters(['status', 'regionId', 'q'] as const);
  const [search, setSearch] = useDebouncedSearch(filters.values.q, (q) => filters.set({ q }));
  const partnerships = usePartnerships({
    status: filters.values.status || undefined,
    regionId: filters.values.regionId || undefined,
    q: filters.values.q || undefined,
    limit: pageSize,
    offset: filters.offset,
  });

  const title = national ? t('lead.titleNational') : t('lead.titleRegional');
  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="sm">
          <PageTitle title={title} />
          <Button
            component={Link}
            to="/partnerships/new"
            leftSection={<IconPlus size={18} aria-hidden="true" />}
          >
            {t('lead.newPartnership')}
          </Button>
        </Group>
        <Text>{t('lead.intro', { name: me.displayName })}</Text>
        {roleSwitcher}
      </Stack>

      <RolesToConfirm />

      <Stack gap="sm" component="section" aria-labelledby="regions-title">
        <Group justify="space-between" align="baseline">
          <Title order={2} id="regions-title">
            {national ? t('lead.regionsTitle') : t('lead.ownRegionTitle')}
          </Title>
          <Anchor component={Link} to="/municipalities">
            {t('lead.allMunicipalities')}
          </Anchor>
        </Group>
        {regions.isPending || municipalities.isPending ? (
          <Loading />
        ) : regions.error || municipalities.error ? (
          <QueryError
            error={regions.error ?? municipalities.error}
            onRetry={() => {
              void regions.refetch();
              void municipalities.refetch();
            }}
          />
        ) : visibleRegions.length === 0 ? (
          <Text>{t('lead.noRegion')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {visibleRegions.map((region) => {
              const c = counts.get(region.id) ?? { active: 0, draft: 0, ended: 0, none: 0 };
              return (
                <Card key={region.id} withBorder radius="md" padding="md">
                  <Group gap="xs" mb="xs" wrap="nowrap">
                    <IconMapPin size={20} aria-hidden="true" />
                    <Title order={3} size="h4">
                      {region.name}
                    </Title>
                  </Group>
                  <Text size="sm" mb="xs">
                    {t('lead.municipalityCount', { count: format.number(region.municipalityCount) })}
                  </Text>
                  <Table withRowBorders={false} verticalSpacing={2} fz="sm">
                    <Table.Tbody>
                      {(['active', 'draft', 'ended', 'none'] as const).map((status) => (
                        <Table.Tr key={status}>
                          <Table.Th scope="row" fw={400}>
                            {t(`partnershipStatus.${status}`)}
                          </Table.Th>
                          <Table.Td ta="end" fw={700}>
                            {format.number(c[status])}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Card>
              );
            })}
          </SimpleGrid>
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="partnerships-title">
        <Title order={2} id="partnerships-title">
          {t('lead.partnershipsTitle')}
        </Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('filters.status')}
            value={filters.values.status}
            onChange={(event) => filters.set({ status: event.currentTarget.value })}
            data={[
              { value: '', label: t('filters.all') },
              ...partnershipStatuses.map((s) => ({ value: s, label: t(`partnershipStatus.${s}`) })),
            ]}
            w={{ base: '100%', xs: 200 }}
          />
          {visibleRegions.length > 1 && (
            <NativeSelect
              label={t('filters.region')}
              value={filters.values.regionId}
              onChange={(event) => filters.set({ regionId: event.currentTarget.value })}
              data={[
                { value: '', label: t('filters.allRegions') },
                ...visibleRegions.map((r) => ({ value: r.id, label: r.name })),
              ]}
              w={{ base: '100%', xs: 220 }}
            />
          )}
          <TextInput
            type="search"
            label={t('filters.searchMunicipality')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            w={{ base: '100%', xs: 260 }}
          />
          {filters.active && (
            <Button variant="subtle" onClick={filters.clear}>
              {t('filters.clear')}
            </Button>
          )}
        </Group>

        <PagedResults query={partnerships} empty={t('lead.noPartnerships')}>
          {(data) => (
            <>
              <ScrollTable label={t('lead.partnershipsTitle')} minWidth={720}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('partnership.municipality')}</Table.Th>
                    <Table.Th>{t('partnership.region')}</Table.Th>
                    <Table.Th>{t('partnership.status')}</Table.Th>
                    <Table.Th>{t('partnership.startsOn')}</Table.Th>
                    <Table.Th>{t('partnership.endsOn')}</Table.Th>
                    <Table.Th>{t('partnership.sectors')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/partnerships/${p.id}`} fw={600}>
                          {p.municipalityName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{p.regionName ?? '–'}</Table.Td>
                      <Table.Td>
                        <PartnershipStatusBadge status={p.status} />
                      </Table.Td>
                      <Table.Td>{format.date(p.startsOn) || '–'}</Table.Td>
                      <Table.Td>{format.date(p.endsOn) || '–'}</Table.Td>
                      <Table.Td>
                        {p.sectorFocus.length ? p.sectorFocus.map((s) => t(`sectors.${s}`)).join(', ') : '–'}
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
    </Stack>
  );
}
