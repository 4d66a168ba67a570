import { useMemo } from 'react';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconMapPin, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { partnershipStatuses } from '../../../shared/contracts/organisation.ts';
import { assignmentsFor } from '../../auth/me.ts';
import { PartnershipStatusBadge } from '../../components/Badges.tsx';
import { api } from '../../api.ts';
import { Loading, QueryError } from '../../components/Feedback.tsx';
import { ListView } from '../../components/ListView.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFormat } from '../../i18n/format.ts';
import { organisationKeys, useAllMunicipalities, useRegions, type PartnershipQuery } from '../../queries.ts';
import type { HomeProps } from '../HomePage.tsx';
import { RolesToConfirm } from './RolesToConfirm.tsx';
import { WaitingReferrals } from './WaitingReferrals.tsx';

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

      <WaitingReferrals national={national} />

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
        <ListView
          label={t('lead.partnershipsTitle')}
          empty={t('lead.noPartnerships')}
          pageSize={25}
          minWidth={720}
          filters={[
            {
              kind: 'select',
              key: 'status',
              label: t('filters.status'),
              options: partnershipStatuses.map((s) => ({ value: s, label: t(`partnershipStatus.${s}`) })),
            },
            {
              kind: 'select',
              key: 'regionId',
              label: t('filters.region'),
              allLabel: t('filters.allRegions'),
              options: visibleRegions.map((r) => ({ value: r.id, label: r.name })),
              width: 220,
              hidden: visibleRegions.length < 2,
            },
            { kind: 'search', key: 'q', label: t('filters.searchMunicipality') },
          ]}
          query={(filters, page) => {
            const query = { ...filters, ...page } as PartnershipQuery;
            return {
              queryKey: organisationKeys.partnershipList(query),
              queryFn: () => api.get('/api/partnerships', { query }),
            };
          }}
          rowKey={(p) => p.id}
          columns={[
            {
              header: t('partnership.municipality'),
              cell: (p) => (
                <Anchor component={Link} to={`/partnerships/${p.id}`} fw={600}>
                  {p.municipalityName}
                </Anchor>
              ),
            },
            { header: t('partnership.region'), cell: (p) => p.regionName ?? '–' },
            { header: t('partnership.status'), cell: (p) => <PartnershipStatusBadge status={p.status} /> },
            { header: t('partnership.startsOn'), cell: (p) => format.date(p.startsOn) || '–' },
            { header: t('partnership.endsOn'), cell: (p) => format.date(p.endsOn) || '–' },
            {
              header: t('partnership.sectors'),
              cell: (p) =>
                p.sectorFocus.length ? p.sectorFocus.map((s) => t(`sectors.${s}`)).join(', ') : '–',
            },
          ]}
        />
      </Stack>
    </Stack>
  );
}
