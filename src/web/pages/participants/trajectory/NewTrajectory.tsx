import { Button, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { trajectoryCreate } from '../../../../shared/contracts/participants.ts';
import { referrerKinds } from '../../../../shared/participants.ts';
import { api, type BodyOf } from '../../../api.ts';
import { DateField } from '../../../components/DateField.tsx';
import { ErrorSummary } from '../../../components/Feedback.tsx';
import { contractRules, useApiForm } from '../../../components/form.ts';
import { participantKeys, todayIso, type ParticipantFile } from '../../../participants.ts';

type Values = Required<NonNullable<BodyOf<'POST', '/api/participants/:id/trajectories'>>>;

/** No open trajectory: start a new one, referred on a date by someone, with their motivation. */
export function NewTrajectory({ file }: { file: ParticipantFile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const labelOf = (path: string) => t(`referral.${path}`);
  const start = useApiForm<Values, unknown>({
    formId: 'new-trajectory',
    initialValues: { referredOn: todayIso(), referrerKind: 'coach', motivation: '' },
    validate: contractRules<Values>(t, trajectoryCreate, (values) => values, {
      referredOn: t('validation.dateRequired'),
    }),
    labelOf,
    send: (body) => api.post('/api/participants/:id/trajectories', { params: { id: file.id }, body }),
    onSaved: (data) => queryClient.setQueryData(participantKeys.file(file.id), data),
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="new-trajectory-title">
      <Title order={2} size="h3" id="new-trajectory-title">
        {t('trajectory.newTitle')}
      </Title>
      <Text>{t('trajectory.noOpen')}</Text>
      <form noValidate onSubmit={start.onSubmit}>
        <Stack gap="sm" maw={480}>
          <ErrorSummary {...start.summary} />
          <DateField {...start.field('referredOn')} label={labelOf('referredOn')} />
          <NativeSelect
            {...start.field('referrerKind')}
            label={labelOf('referrerKind')}
            data={referrerKinds.map((k) => ({ value: k, label: t(`referrerKind.${k}`) }))}
          />
          <Textarea {...start.field('motivation')} label={labelOf('motivation')} dir="auto" />
          <Group>
            <Button type="submit" loading={start.pending}>
              {t('trajectory.startNew')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
