import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api.ts';
import { ErrorSummary, SuccessMessage } from '../../../components/Feedback.tsx';
import { useApiForm } from '../../../components/form.ts';
import { participantKeys, type ParticipantFile } from '../../../participants.ts';
import { Ambitions } from './Ambitions.tsx';
import { Availability } from './Availability.tsx';
import { ContactDetails } from './ContactDetails.tsx';
import { EducationList } from './EducationList.tsx';
import { IntegrationDetails } from './IntegrationDetails.tsx';
import { intakeLabel, intakeRequest, intakeRules, intakeValues } from './intake.ts';
import { PersonalDetails } from './PersonalDetails.tsx';
import { WorkExperienceList } from './WorkExperienceList.tsx';

/**
 * The intake: everything optional, saved with the version it started from. Someone else's save in between is a
 * conflict: reload and make the change again. `justSaved` says this version is the one saved here.
 */
export function IntakeForm({
  file,
  justSaved,
  onSaved,
}: {
  file: ParticipantFile;
  justSaved: boolean;
  onSaved: (version: number) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const intake = useApiForm({
    formId: 'profile',
    initialValues: intakeValues(file),
    validate: intakeRules(t, file),
    labelOf: (path) => intakeLabel(t, path),
    send: (values) => {
      setConflict(false);
      return api.patch('/api/participants/:id', {
        params: { id: file.id },
        body: intakeRequest(file, values),
      });
    },
    onSaved: (data) => {
      queryClient.setQueryData(participantKeys.file(file.id), data);
      if (data.kind === 'full') onSaved(data.file.version);
    },
    onRefused: (error) => {
      const isConflict = error instanceof ApiError && error.code === 'resource.conflict';
      setConflict(isConflict);
      return isConflict;
    },
  });
  const parts = { ...intake, label: (path: string) => intakeLabel(t, path) };

  return (
    <form noValidate onSubmit={intake.onSubmit}>
      <Stack gap="lg">
        {justSaved && !intake.form.isDirty() && <SuccessMessage>{t('profile.saved')}</SuccessMessage>}
        {conflict && (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('profile.conflict')}</Text>
              <Button
                size="xs"
                variant="outline"
                color="red.9"
                c="red.9"
                leftSection={<IconRefresh size={14} aria-hidden="true" />}
                onClick={() =>
                  void queryClient.invalidateQueries({ queryKey: participantKeys.file(file.id) })
                }
              >
                {t('plan.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
        <ErrorSummary {...intake.summary} />
        <PersonalDetails intake={parts} seesOrigin={'nationality' in file} />
        <ContactDetails intake={parts} />
        <IntegrationDetails intake={parts} />
        <Availability intake={parts} />
        <Ambitions intake={parts} />
        <EducationList intake={parts} />
        <WorkExperienceList intake={parts} />
        <Group>
          <Button
            type="submit"
            size="md"
            loading={intake.pending}
            leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
          >
            {t('profile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
