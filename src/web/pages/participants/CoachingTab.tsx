import { useState } from 'react';
import { Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SuccessMessage } from '../../components/Feedback.tsx';
import { caseloadKeys, participantKeys } from '../../participants.ts';
import { ActivityForm } from './coaching/ActivityForm.tsx';
import { ApplicationForm } from './coaching/ApplicationForm.tsx';
import { Applications } from './coaching/Applications.tsx';
import { Appointments } from './coaching/Appointments.tsx';
import { MeetingForm } from './coaching/MeetingForm.tsx';
import { NoteForm } from './coaching/NoteForm.tsx';
import { Questions } from './coaching/Questions.tsx';

const forms = { meeting: MeetingForm, note: NoteForm, application: ApplicationForm, activity: ActivityForm };
type Kind = keyof typeof forms;
const kinds = Object.keys(forms) as Kind[];

/**
 * The participant's questions to answer; the appointments planned with them; quick capture: pick what happened, fill in a few fields, save; below,
 * the applications to follow up.
 */
export default function CoachingTab({
  participantId,
  trajectoryId,
}: {
  participantId: string;
  trajectoryId: string;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('meeting');
  const [done, setDone] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const onSaved = (message: string) => {
    setDone(message);
    void queryClient.invalidateQueries({ queryKey: participantKeys.timelines(participantId) });
    void queryClient.invalidateQueries({ queryKey: caseloadKeys.all });
  };
  const CaptureForm = forms[kind];
  return (
    <Stack gap="lg">
      <Questions participantId={participantId} trajectoryId={trajectoryId} />
      <Appointments participantId={participantId} trajectoryId={trajectoryId} />
      <Stack gap="xs">
        <Text fw={600} id="capture-kind">
          {t('coaching.what')}
        </Text>
        <SegmentedControl
          aria-labelledby="capture-kind"
          value={kind}
          onChange={(value) => {
            setKind(value as Kind);
            setDone(null);
          }}
          data={kinds.map((k) => ({ value: k, label: t(`coaching.kind.${k}`) }))}
          fullWidth
          orientation="horizontal"
          styles={{ root: { flexWrap: 'wrap' } }}
        />
      </Stack>
      {done && <SuccessMessage>{done}</SuccessMessage>}
      <Paper withBorder radius="md" p="md">
        <CaptureForm key={kind} trajectoryId={trajectoryId} onSaved={onSaved} />
      </Paper>
      <Applications participantId={participantId} trajectoryId={trajectoryId} />
    </Stack>
  );
}
