import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { Loading, QueryError } from '../../components/Feedback.tsx';
import { useFormat } from '../../i18n/format.ts';
import { caseloadKeys } from '../../participants.ts';

/**
 * The lead's to-do: referrals that wait for a coach, oldest first (each opens the file, where the coach is
 * assigned). The national lead also sees how many wait in each region.
 */
export function WaitingReferrals({ national }: { national: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const waiting = useQuery({
    queryKey: caseloadKeys.waitingReferrals,
    queryFn: () => api.get('/api/caseload/waiting-referrals'),
  });
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="waiting-title"
      data-testid="waiting-referrals"
    >
      <Group gap="xs" mb="sm" wrap="nowrap">
        <IconUserPlus size={22} aria-hidden="true" />
        <Title order={2} size="h3" id="waiting-title">
          {t('lead.waiting.title')}
        </Title>
        {waiting.data && waiting.data.total > 0 && (
          <Badge color="orange.9" radius="sm" aria-hidden="true" style={{ flexShrink: 0 }}>
            {format.number(waiting.data.total)}
          </Badge>
        )}
      </Group>
      {waiting.isPending ? (
        <Loading />
      ) : waiting.error ? (
        <QueryError error={waiting.error} onRetry={() => void waiting.refetch()} />
      ) : waiting.data.total === 0 ? (
        <Text>{t('lead.waiting.none')}</Text>
      ) : (
        <Stack gap="md">
          <Text>{t('lead.waiting.intro', { count: waiting.data.total })}</Text>
          {national && (
            <Table withTableBorder data-testid="waiting-by-region">
              <Table.Caption>{t('lead.waiting.perRegion')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('partnership.region')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('lead.waiting.count')}
                  </Table.Th>
                  <Table.Th scope="col">{t('lead.waiting.oldest')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {waiting.data.byRegion.map((r) => (
                  <Table.Tr key={r.regionId ?? 'none'}>
                    <Table.Th scope="row" fw={400}>
                      {r.regionName ?? t('lead.waiting.noRegion')}
                    </Table.Th>
                    <Table.Td ta="end" fw={700}>
                      {format.number(r.count)}
                    </Table.Td>
                    <Table.Td>{format.date(r.oldestReferredOn)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="waiting-list">
            {waiting.data.items.map((item) => (
              <li key={item.trajectoryId}>
                <Anchor component={Link} to={`/participants/${item.participantId}`} fw={600} dir="auto">
                  {item.name}
                </Anchor>
                <Text size="sm">
                  {t('lead.waiting.item', {
                    municipality: item.municipalityName,
                    date: format.date(item.referredOn),
                  })}
                  {national && item.regionName ? ` · ${item.regionName}` : ''}
                </Text>
              </li>
            ))}
          </Stack>
        </Stack>
      )}
    </Paper>
  );
}
