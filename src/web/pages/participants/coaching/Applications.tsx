import { NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { applicationStatuses } from '../../../../shared/trajectories.ts';
import { api, type BodyOf } from '../../../api.ts';
import { DataTable } from '../../../components/ListView.tsx';
import { errorText } from '../../../errors.ts';
import { useFormat } from '../../../i18n/format.ts';
import { participantKeys, trajectoryKeys } from '../../../participants.ts';

type Status = NonNullable<
  NonNullable<BodyOf<'PATCH', '/api/trajectories/:id/applications/:applicationId'>>['status']
>;

/** The trajectory's applications, newest first, each with its status to move on. */
export function Applications({
  participantId,
  trajectoryId,
}: {
  participantId: string;
  trajectoryId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: trajectoryKeys.applications(trajectoryId),
    queryFn: () => api.get('/api/trajectories/:id/applications', { params: { id: trajectoryId } }),
  });
  const update = useMutation({
    mutationFn: ({ id, status }: { id: string; status: Status }) =>
      api.patch('/api/trajectories/:id/applications/:applicationId', {
        params: { id: trajectoryId, applicationId: id },
        body: { status },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trajectoryKeys.applications(trajectoryId) });
      void queryClient.invalidateQueries({ queryKey: participantKeys.timelines(participantId) });
    },
  });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="applications-title">
      <Title order={2} size="h3" id="applications-title">
        {t('coaching.applicationsTitle')}
      </Title>
      {update.error && (
        <Text c="red.9" role="alert">
          {errorText(t, update.error)}
        </Text>
      )}
      <DataTable
        label={t('coaching.applicationsTitle')}
        minWidth={640}
        rows={items}
        rowKey={(item) => item.id}
        columns={[
          {
            header: t('coaching.application.vacancy'),
            cell: (item) => <span dir="auto">{`${item.vacancy} – ${item.employerName}`}</span>,
          },
          { header: t('coaching.application.appliedOn'), cell: (item) => format.date(item.appliedOn) },
          {
            header: t('coaching.application.followUpOn'),
            cell: (item) => format.date(item.followUpOn) || '–',
          },
          {
            header: t('coaching.application.status'),
            cell: (item) => (
              <NativeSelect
                aria-label={t('coaching.statusOf', { name: `${item.vacancy} – ${item.employerName}` })}
                value={item.status}
                disabled={update.isPending}
                onChange={(event) =>
                  update.mutate({ id: item.id, status: event.currentTarget.value as Status })
                }
                data={applicationStatuses.map((s) => ({ value: s, label: t(`applicationStatus.${s}`) }))}
                w={160}
              />
            ),
          },
        ]}
      />
    </Stack>
  );
}
