import { Button, Code, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { auditActions, auditEntities } from '../../shared/contracts/audit.ts';
import { api } from '../api.ts';
import { PagedResults } from '../components/Feedback.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { Pager } from '../components/Pager.tsx';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { useUrlFilters } from '../components/useUrlFilters.ts';
import { useFormat } from '../i18n/format.ts';
import type { AuditEvent, Page, UserRow } from '../queries.ts';

const pageSize = 50;
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The audit log: who did what, when. Filters live in the address bar. */
export default function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const filters = useUrlFilters(['actorId', 'action', 'entityType', 'from', 'to'] as const);
  const { actorId, action, entityType, from, to } = filters.values;
  const query = {
    actorId: actorId || undefined,
    action: action || undefined,
    entityType: entityType || undefined,
    from: isDate(from) ? from : undefined,
    to: isDate(to) ? to : undefined,
    limit: pageSize,
    offset: filters.offset,
  };
  const events = useQuery({
    queryKey: ['audit', query],
    queryFn: () => api<Page<AuditEvent>>('/api/audit', { query }),
    placeholderData: (previous) => previous,
  });
  const users = useQuery({
    queryKey: ['users', { limit: 500 }],
    queryFn: () => api<Page<UserRow>>('/api/users', { query: { limit: 500 } }),
    staleTime: 60_000,
  });

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle title={t('audit.title')} />
        <Text>{t('audit.intro')}</Text>
      </Stack>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('audit.actor')}
          value={actorId}
          onChange={(event) => filters.set({ actorId: event.currentTarget.value })}
          data={[
            { value: '', label: t('filters.everyone') },
            ...(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName })),
          ]}
          w={{ base: '100%', xs: 220 }}
        />
        <NativeSelect
          label={t('audit.action')}
          value={action}
          onChange={(event) => filters.set({ action: event.currentTarget.value })}
          data={[
            { value: '', label: t('filters.all') },
            ...auditActions.map((a) => ({ value: a, label: t(`auditActions.${a}`) })),
          ]}
          w={{ base: '100%', xs: 180 }}
        />
        <NativeSelect
          label={t('audit.entity')}
          value={entityType}
          onChange={(event) => filters.set({ entityType: event.currentTarget.value })}
          data={[
            { value: '', label: t('filters.all') },
            ...auditEntities.map((e) => ({ value: e, label: t(`auditEntities.${e}`) })),
          ]}
          w={{ base: '100%', xs: 200 }}
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={from}
          onChange={(event) => filters.set({ from: event.currentTarget.value })}
          w={{ base: '100%', xs: 170 }}
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={to}
          onChange={(event) => filters.set({ to: event.currentTarget.value })}
          w={{ base: '100%', xs: 170 }}
        />
        {filters.active && (
          <Button variant="subtle" onClick={filters.clear}>
            {t('filters.clear')}
          </Button>
        )}
      </Group>

      <PagedResults query={events} empty={t('audit.none')}>
        {(data) => (
          <>
            <ScrollTable label={t('audit.title')} minWidth={980}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.at')}</Table.Th>
                  <Table.Th>{t('audit.actor')}</Table.Th>
                  <Table.Th>{t('audit.action')}</Table.Th>
                  <Table.Th>{t('audit.entity')}</Table.Th>
                  <Table.Th>{t('audit.entityId')}</Table.Th>
                  <Table.Th>{t('audit.ip')}</Table.Th>
                  <Table.Th>{t('audit.detail')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(e.at)}</Table.Td>
                    <Table.Td>{e.actorName ?? t('audit.system')}</Table.Td>
                    <Table.Td>{t(`auditActions.${e.action}`)}</Table.Td>
                    <Table.Td>{t(`auditEntities.${e.entityType}`)}</Table.Td>
                    <Table.Td>
                      {e.entityId ? (
                        <Code className="break-anywhere" dir="ltr">
                          {e.entityId}
                        </Code>
                      ) : (
                        '–'
                      )}
                    </Table.Td>
                    <Table.Td>
                      {e.ip ? (
                        <Code className="break-anywhere" dir="ltr">
                          {e.ip}
                        </Code>
                      ) : (
                        '–'
                      )}
                    </Table.Td>
                    <Table.Td>
                      {e.detail && Object.keys(e.detail).length > 0 ? (
                        <Code className="break-anywhere" dir="ltr">
                          {JSON.stringify(e.detail)}
                        </Code>
                      ) : (
                        '–'
                      )}
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
