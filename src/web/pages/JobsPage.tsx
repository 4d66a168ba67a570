import { useRef, useState } from 'react';
import { Button, Code, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, type ResponseOf } from '../api.ts';
import { ActionMessage, Loading, QueryError, type Message } from '../components/Feedback.tsx';
import { DataTable } from '../components/ListView.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { errorText } from '../errors.ts';
import { useFormat } from '../i18n/format.ts';
import { systemKeys } from '../queries.ts';

type FailedJob = ResponseOf<'GET', '/api/jobs/failed'>['items'][number];

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
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const jobs = useQuery({
    queryKey: systemKeys.failedJobs,
    queryFn: () => api.get('/api/jobs/failed'),
  });

  const retry = useMutation({
    mutationFn: (job: FailedJob) =>
      api.post('/api/jobs/:name/:id/retry', { params: { name: job.name, id: job.id } }),
    onSuccess: (_data, job) =>
      setMessage({ ok: true, text: t('jobs.retried', { name: jobLabel(t, job.name) }) }),
    onError: (error) => setMessage({ ok: false, text: errorText(t, error) }),
    // The row may be gone after the refresh: focus moves to the message, not to the top of the page.
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: systemKeys.failedJobs });
      messageRef.current?.focus();
    },
  });

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle title={t('jobs.title')} />
        <Text>{t('jobs.intro')}</Text>
      </Stack>

      <ActionMessage message={message} ref={messageRef} />

      {jobs.isPending ? (
        <Loading />
      ) : jobs.error ? (
        <QueryError error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : jobs.data.items.length === 0 ? (
        <Text>{t('jobs.empty')}</Text>
      ) : (
        <DataTable
          label={t('jobs.title')}
          minWidth={720}
          rows={jobs.data.items}
          rowKey={(job) => job.id}
          columns={[
            {
              header: t('jobs.name'),
              cell: (job) => {
                const label = jobLabel(t, job.name);
                return (
                  <>
                    <Text fw={600} size="sm" dir="auto" className="break-anywhere">
                      {label}
                    </Text>
                    {label !== job.name && (
                      <Text size="xs" dir="ltr" className="break-anywhere">
                        {job.name}
                      </Text>
                    )}
                  </>
                );
              },
            },
            { header: t('jobs.failedAt'), cell: (job) => format.dateTime(job.failedAt) },
            { header: t('jobs.tries'), cell: (job) => format.number(job.tries) },
            {
              header: t('jobs.reason'),
              cell: (job) => (
                <Code dir="ltr" className="break-anywhere">
                  {job.reason}
                </Code>
              ),
            },
            {
              header: t('jobs.actions'),
              cell: (job) => (
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconRefresh size={14} aria-hidden="true" />}
                  aria-label={t('jobs.retryFor', {
                    name: jobLabel(t, job.name),
                    time: format.dateTime(job.failedAt),
                  })}
                  loading={retry.isPending && retry.variables?.id === job.id}
                  onClick={() => {
                    setMessage(null);
                    retry.mutate(job);
                  }}
                >
                  {t('jobs.retry')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Stack>
  );
}
