import { useState } from 'react';
import { Button, Stack, Text, Textarea } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { ErrorSummary, Loading, QueryError, SuccessMessage } from '../../components/Feedback.tsx';
import { useFormFeedback } from '../../components/form.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { errorText } from '../../errors.ts';
import { usePortal } from './portal.ts';
import { BackHome } from './PortalParts.tsx';

/** One question per page: what do you want to ask your coach? */
export default function QuestionPage() {
  const { t } = useTranslation();
  const portal = usePortal();
  const feedback = useFormFeedback();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ask = useMutation({
    mutationFn: (trajectoryId: string) =>
      api(`/api/trajectories/${trajectoryId}/questions`, { method: 'POST', body: { body: body.trim() } }),
  });
  if (portal.isPending) return <Loading />;
  if (portal.error) return <QueryError error={portal.error} onRetry={() => void portal.refetch()} />;
  const trajectory = portal.data.trajectory;

  if (ask.isSuccess)
    return (
      <Stack gap="lg" maw={640}>
        <PageTitle title={t('portal.questionSentTitle')} />
        <SuccessMessage>
          <Text size="lg">{t('portal.questionSent')}</Text>
        </SuccessMessage>
        <BackHome />
      </Stack>
    );

  return (
    <Stack gap="lg" maw={640}>
      <PageTitle title={t('portal.questionTitle')} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          feedback.setGeneral(null);
          if (!body.trim()) {
            setError(t('portal.questionEmpty'));
            feedback.focusSummary();
            return;
          }
          setError(null);
          if (trajectory)
            ask.mutate(trajectory.id, {
              onError: (e) => {
                feedback.setGeneral(errorText(t, e));
                feedback.focusSummary();
              },
            });
        }}
      >
        <Stack gap="md">
          <ErrorSummary
            id={feedback.summaryId}
            items={[
              ...(feedback.general ? [{ message: feedback.general }] : []),
              ...(error ? [{ id: 'question-body', message: error }] : []),
            ]}
          />
          <Textarea
            id="question-body"
            label={t('portal.questionLabel')}
            description={t('portal.questionHelp', { name: portal.data.coach?.name ?? t('portal.theCoach') })}
            size="lg"
            dir="auto"
            autosize
            minRows={4}
            value={body}
            error={error}
            onChange={(event) => setBody(event.currentTarget.value)}
          />
          <Button
            type="submit"
            size="xl"
            className="participant-action"
            loading={ask.isPending}
            leftSection={<IconSend size={26} aria-hidden="true" className="rtl-flip" />}
            fullWidth
          >
            {t('portal.send')}
          </Button>
          <BackHome />
        </Stack>
      </form>
    </Stack>
  );
}
