import { useRef, useState } from 'react';
import { Box, Button, Code, Stack, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { failedJob } from '../../shared/contracts/index.ts';
import { api } from '../api.ts';
import { Loading, QueryError, SuccessMessage } from '../components/Feedback.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { errorText } from '../errors.ts';
import { useFormat } from '../i18n/format.ts';

type FailedJob = z.infer<typeof failedJob>;

/**
 * A readable name for the known jobs (`jobs.names.<module>.<job>` in the locales); other names show as they are.
 * Job names have at least two parts, so a name never points at a whole module's group of texts.
 */
const jobLabel = (t: TFunction, name: string) => t(`jobs.names.${name}`, { defaultValue: name });

/** Administrators: background jobs that failed all their tries, each with a way to try it again. */
export default function JobsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const jobs = useQuery({
    queryKey: ['jobs', 'failed'],
    queryFn: () => api<{ items: FailedJob[] }>('/api/jobs/failed'),
  });

  const retry = useMutation({
    mutationFn: (job: FailedJob) =>
      api<{ ok: true }>(`/api/jobs/${encodeURIComponent(job.name)}/${job.id}/retry`, { method: 'POST' }),
    onSuccess: (_data, job) =>
      setMessage({ ok: true, text: t('jobs.retried', { name: jobLabel(t, job.name) }) }),
    onError: (error) => setMessage({ ok: false, text: errorText(t, error) }),
    // The row may be gone after the refresh: focus moves to the message, not to the top of the page.
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['jobs', 'failed'] });
      messageRef.current?.focus();
    },
  });

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle title={t('jobs.title')} />
        <Text>{t('jobs.intro')}</Text>
      </Stack>

      {message && (
        <Box ref={messageRef} tabIndex={-1}>
          {message.ok ? (
            <SuccessMessage>{message.text}</SuccessMessage>
          ) : (
            <Text c="red.9" role="alert">
              {message.text}
            </Text>
          )}
        </Box>
      )}

      {jobs.isPending ? (
        <Loading />
      ) : jobs.error ? (
        <QueryError error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : jobs.data.items.length === 0 ? (
        <Text>{t('jobs.empty')}</Text>
      ) : (
        <ScrollTable label={t('jobs.title')} minWidth={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('jobs.name')}</Table.Th>
              <Table.Th>{t('jobs.failedAt')}</Table.Th>
              <Table.Th>{t('jobs.tries')}</Table.Th>
              <Table.Th>{t('jobs.reason')}</Table.Th>
              <Table.Th>{t('jobs.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {jobs.data.items.map((job) => {
              const label = jobLabel(t, job.name);
              const failedAt = format.dateTime(job.failedAt);
              return (
                <Table.Tr key={job.id}>
                  <Table.Td>
                    <Text fw={600} size="sm" dir="auto" className="break-anywhere">
                      {label}
                    </Text>
                    {label !== job.name && (
                      <Text size="xs" dir="ltr" className="break-anywhere">
                        {job.name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{failedAt}</Table.Td>
                  <Table.Td>{format.number(job.tries)}</Table.Td>
                  <Table.Td>
                    <Code dir="ltr" className="break-anywhere">
                      {job.reason}
                    </Code>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconRefresh size={14} aria-hidden="true" />}
                      aria-label={t('jobs.retryFor', { name: label, time: failedAt })}
                      loading={retry.isPending && retry.variables?.id === job.id}
                      onClick={() => {
                        setMessage(null);
                        retry.mutate(job);
                      }}
                    >
                      {t('jobs.retry')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}
