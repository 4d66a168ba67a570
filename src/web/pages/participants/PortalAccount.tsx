import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { ErrorSummary, SuccessMessage } from '../../components/Feedback.tsx';
import { emailPattern, fieldId, useFormFeedback } from '../../components/form.ts';
import { errorText } from '../../errors.ts';
import { fileKey, type FileResponse, type ParticipantFile } from '../../participants.ts';

/** A participant without a portal account gets one: Opstap sends an invitation in their language. */
export function PortalAccount({ file }: { file: ParticipantFile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const feedback = useFormFeedback();
  const [email, setEmail] = useState(file.email);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (value: string) =>
      api<FileResponse>(`/api/participants/${file.id}/portal-account`, {
        method: 'POST',
        body: { email: value },
      }),
    onSuccess: (data, value) => {
      queryClient.setQueryData(fileKey(file.id), data);
      setSent(value);
    },
    onError: (error) => {
      feedback.setGeneral(errorText(t, error));
      feedback.focusSummary();
    },
  });
  const id = fieldId('portal', 'email');

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="portal-title">
      <Title order={2} size="h3" id="portal-title" mb="sm">
        {t('portalAccount.title')}
      </Title>
      {sent && <SuccessMessage>{t('portalAccount.sent', { email: sent })}</SuccessMessage>}
      {file.hasPortalAccount ? (
        <Group gap="xs">
          <IconCircleCheck size={18} aria-hidden="true" />
          <Text>{t('portalAccount.has')}</Text>
        </Group>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            feedback.setGeneral(null);
            const value = email.trim();
            if (!emailPattern.test(value)) {
              setFieldError(t('validation.emailInvalid'));
              feedback.focusSummary();
              return;
            }
            setFieldError(null);
            create.mutate(value);
          }}
        >
          <Stack gap="sm" maw={480}>
            <Text size="sm">{t('portalAccount.intro')}</Text>
            <ErrorSummary
              id={feedback.summaryId}
              items={[
                ...(feedback.general ? [{ message: feedback.general }] : []),
                ...(fieldError ? [{ id, message: `${t('portalAccount.email')}: ${fieldError}` }] : []),
              ]}
            />
            <TextInput
              id={id}
              type="email"
              dir="ltr"
              label={t('portalAccount.email')}
              autoComplete="off"
              value={email}
              error={fieldError}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <Group>
              <Button
                type="submit"
                loading={create.isPending}
                leftSection={<IconSend size={18} aria-hidden="true" className="rtl-flip" />}
              >
                {t('portalAccount.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
