import { Code, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { auditActions, auditEntities } from '../../shared/contracts/audit.ts';
import { api } from '../api.ts';
import { ListView } from '../components/ListView.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useFormat } from '../i18n/format.ts';
import { auditKeys, userKeys, type AuditQuery } from '../queries.ts';

/** A value the audit log holds as it is (an id, an address, details): left to right, breaking anywhere. */
const Raw = ({ value }: { value: string | null | undefined }) =>
  value ? (
    <Code className="break-anywhere" dir="ltr">
      {value}
    </Code>
  ) : (
    '–'
  );

/** The audit log: who did what, when. Filters live in the address bar. */
export default function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const usersQuery = { limit: 500 };
  const users = useQuery({
    queryKey: userKeys.list(usersQuery),
    queryFn: () => api.get('/api/users', { query: usersQuery }),
    staleTime: 60_000,
  });

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle title={t('audit.title')} />
        <Text>{t('audit.intro')}</Text>
      </Stack>
      <ListView
        label={t('audit.title')}
        empty={t('audit.none')}
        pageSize={50}
        minWidth={980}
        filters={[
          {
            kind: 'select',
            key: 'actorId',
            label: t('audit.actor'),
            allLabel: t('filters.everyone'),
            options: (users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName })),
            width: 220,
          },
          {
            kind: 'select',
            key: 'action',
            label: t('audit.action'),
            options: auditActions.map((a) => ({ value: a, label: t(`auditActions.${a}`) })),
            width: 180,
          },
          {
            kind: 'select',
            key: 'entityType',
            label: t('audit.entity'),
            options: auditEntities.map((e) => ({ value: e, label: t(`auditEntities.${e}`) })),
            width: 200,
          },
          { kind: 'date', key: 'from', label: t('audit.from') },
          { kind: 'date', key: 'to', label: t('audit.to') },
        ]}
        query={(filters, page) => {
          const query = { ...filters, ...page } as AuditQuery;
          return { queryKey: auditKeys.list(query), queryFn: () => api.get('/api/audit', { query }) };
        }}
        rowKey={(e) => e.id}
        columns={[
          { header: t('audit.at'), cell: (e) => format.dateTime(e.at), noWrap: true },
          { header: t('audit.actor'), cell: (e) => e.actorName ?? t('audit.system') },
          { header: t('audit.action'), cell: (e) => t(`auditActions.${e.action}`) },
          { header: t('audit.entity'), cell: (e) => t(`auditEntities.${e.entityType}`) },
          { header: t('audit.entityId'), cell: (e) => <Raw value={e.entityId} /> },
          { header: t('audit.ip'), cell: (e) => <Raw value={e.ip} /> },
          {
            header: t('audit.detail'),
            cell: (e) => (
              <Raw value={e.detail && Object.keys(e.detail).length > 0 ? JSON.stringify(e.detail) : null} />
            ),
          },
        ]}
      />
    </Stack>
  );
}
