import { useState } from 'react';
import { NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type ResponseOf } from '../api.ts';
import { hasRole, useMe } from '../auth/me.ts';
import { PartnershipStatusBadge } from '../components/Badges.tsx';
import { ActionMessage, type Message } from '../components/Feedback.tsx';
import { ListView } from '../components/ListView.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { errorText } from '../errors.ts';
import { organisationKeys, useRegions, type MunicipalityQuery } from '../queries.ts';

type Municipality = ResponseOf<'GET', '/api/municipalities'>['items'][number];

/** All municipalities, with their region and partnership. The national lead (and administrator) can move one. */
export default function MunicipalitiesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const canMove = hasRole(me, 'national_lead', 'administrator');
  const regions = useRegions();
  const [message, setMessage] = useState<Message | null>(null);
  const move = useMutation({
    mutationFn: ({ municipality, regionId }: { municipality: Municipality; regionId: string }) =>
      api.patch('/api/municipalities/:code', { params: { code: municipality.code }, body: { regionId } }),
    onSuccess: (updated) => {
      setMessage({
        ok: true,
        text: t('municipalities.moved', { name: updated.name, region: updated.regionName ?? '' }),
      });
      void queryClient.invalidateQueries({ queryKey: organisationKeys.municipalities });
      void queryClient.invalidateQueries({ queryKey: organisationKeys.regions });
      void queryClient.invalidateQueries({ queryKey: organisationKeys.partnerships });
    },
    onError: (error) => setMessage({ ok: false, text: errorText(t, error) }),
  });
  const regionOptions = (regions.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }));

  const regionCell = (m: Municipality) =>
    canMove ? (
      <NativeSelect
        size="xs"
        aria-label={t('municipalities.regionFor', { name: m.name })}
        value={m.regionId ?? ''}
        disabled={move.isPending && move.variables?.municipality.code === m.code}
        onChange={(event) => {
          const regionId = event.currentTarget.value;
          if (regionId && regionId !== m.regionId) move.mutate({ municipality: m, regionId });
        }}
        data={[...(m.regionId ? [] : [{ value: '', label: t('municipalities.noRegion') }]), ...regionOptions]}
        miw={160}
      />
    ) : (
      (m.regionName ?? t('municipalities.noRegion'))
    );

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle title={t('municipalities.title')} />
        <Text>{canMove ? t('municipalities.introMove') : t('municipalities.intro')}</Text>
      </Stack>
      <ListView
        label={t('municipalities.title')}
        empty={t('municipalities.none')}
        pageSize={50}
        minWidth={680}
        filters={[
          { kind: 'search', key: 'q', label: t('filters.searchMunicipality') },
          {
            kind: 'select',
            key: 'regionId',
            label: t('filters.region'),
            allLabel: t('filters.allRegions'),
            options: regionOptions,
            width: 220,
          },
        ]}
        query={(filters, page) => {
          const query: MunicipalityQuery = { ...filters, ...page };
          return {
            queryKey: organisationKeys.municipalityList(query),
            queryFn: () => api.get('/api/municipalities', { query }),
          };
        }}
        notice={<ActionMessage message={message} />}
        rowKey={(m) => m.code}
        columns={[
          { header: t('municipalities.name'), cell: (m) => m.name, rowHeader: true },
          { header: t('municipalities.code'), cell: (m) => m.code },
          { header: t('municipalities.province'), cell: (m) => m.province },
          { header: t('municipalities.region'), cell: regionCell },
          {
            header: t('municipalities.partnership'),
            cell: (m) => <PartnershipStatusBadge status={m.partnershipStatus} />,
          },
        ]}
      />
    </Stack>
  );
}
