import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, Title } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { coachAssign } from '../../../../shared/contracts/participants.ts';
import { api } from '../../../api.ts';
import { ErrorSummary, SuccessMessage } from '../../../components/Feedback.tsx';
import { contractRules, useApiForm } from '../../../components/form.ts';
import {
  caseloadKeys,
  participantKeys,
  useCoaches,
  type ParticipantFile,
  type Trajectory,
} from '../../../participants.ts';

/** Leads: who coaches this trajectory, chosen with each coach's number of active trajectories in sight. */
export function CoachPicker({ file, trajectory }: { file: ParticipantFile; trajectory: Trajectory }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const coaches = useCoaches();
  const [assigned, setAssigned] = useState(false);
  const label = t('trajectory.coach');
  const picker = useApiForm({
    formId: 'coach',
    initialValues: { coachId: trajectory.coachId ?? '' },
    validate: contractRules(t, coachAssign, (values) => values, { coachId: t('validation.choose') }),
    labelOf: () => label,
    send: (body) => {
      setAssigned(false);
      return api.put('/api/trajectories/:id/coach', { params: { id: trajectory.id }, body });
    },
    onSaved: (data) => {
      queryClient.setQueryData(participantKeys.file(file.id), data);
      void queryClient.invalidateQueries({ queryKey: caseloadKeys.all });
      setAssigned(true);
    },
  });
  const { coachId } = picker.form.values;
  return (
    <Stack gap="sm" component="section" aria-labelledby="coach-title">
      <Title order={2} size="h3" id="coach-title">
        {t('trajectory.coachTitle')}
      </Title>
      <ErrorSummary {...picker.summary} />
      {assigned && (
        <SuccessMessage>{t('trajectory.coachAssigned', { name: trajectory.coachName ?? '' })}</SuccessMessage>
      )}
      <form noValidate onSubmit={picker.onSubmit}>
        <Group align="flex-end" gap="sm">
          <NativeSelect
            {...picker.field('coachId')}
            label={label}
            data={[
              { value: '', label: t('referral.choose') },
              ...(coaches.data?.items ?? []).map((c) => ({
                value: c.id,
                label: t('trajectory.coachOption', { name: c.displayName, count: c.activeCount }),
              })),
            ]}
            w={{ base: '100%', xs: 320 }}
          />
          <Button
            type="submit"
            loading={picker.pending}
            disabled={!coachId || coachId === trajectory.coachId}
            leftSection={<IconUserCheck size={18} aria-hidden="true" />}
          >
            {trajectory.coachId ? t('trajectory.changeCoach') : t('trajectory.assignCoach')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
