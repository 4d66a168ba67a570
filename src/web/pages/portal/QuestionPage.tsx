import { useState } from 'react';
import { Button, Stack, Text, Textarea } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { questionCreate } from '../../../shared/contracts/trajectories.ts';
import { api } from '../../api.ts';
import { ErrorSummary, Loading, QueryError, SuccessMessage } from '../../components/Feedback.tsx';
import { contractRules, useApiForm } from '../../components/form.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { portalKey, usePortal } from './portal.ts';
import { BackHome } from './PortalParts.tsx';

type Ask = { body: string };

/** The form: what do you want to ask your coach? */
function AskForm({
  trajectoryId,
  coachName,
  onSent,
}: {
  trajectoryId: string;
  coachName: string;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const ask = useApiForm<Ask, unknown>({
    formId: 'question',
    initialValues: { body: '' },
    validate: contractRules<Ask>(t, questionCreate, (values) => values, { body: t('portal.questionEmpty') }),
    labelOf: () => t('portal.questionLabel'),
    send: ({ body }) =>
      api.post('/api/trajectories/:id/questions', { params: { id: trajectoryId }, body: { body } }),
    onSaved: onSent,
  });
  return (
    <form noValidate onSubmit={ask.onSubmit}>
      <Stack gap="md">
        <ErrorSummary {...ask.summary} />
        <Textarea
          {...ask.field('body')}
          label={t('portal.questionLabel')}
          description={t('portal.questionHelp', { name: coachName })}
          size="lg"
          dir="auto"
          autosize
          minRows={4}
        />
        <Button
          type="submit"
          size="xl"
          className="participant-action"
          loading={ask.pending}
          leftSection={<IconSend size={26} aria-hidden="true" className="rtl-flip" />}
          fullWidth
        >
          {t('portal.send')}
        </Button>
      </Stack>
    </form>
  );
}

/** One question per page; once sent, what happens next: the coach answers, and the participant hears of it. */
export default function QuestionPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const portal = usePortal();
  const [sent, setSent] = useState(false);
  if (portal.isPending) return <Loading />;
  if (portal.error) return <QueryError error={portal.error} onRetry={() => void portal.refetch()} />;
  const trajectory = portal.data.trajectory;

  if (sent)
    return (
      <Stack gap="lg" maw={640}>
        <PageTitle title={t('portal.questionSentTitle')} />
        <SuccessMessage>
          <Stack gap="xs">
            <Text size="lg">{t('portal.questionSent')}</Text>
            <Text size="lg">{t('portal.questionNotice')}</Text>
            <Text size="lg">{t('portal.questionWhere')}</Text>
          </Stack>
        </SuccessMessage>
        <BackHome />
      </Stack>
    );

  return (
    <Stack gap="lg" maw={640}>
      <PageTitle title={t('portal.questionTitle')} />
      {trajectory ? (
        <AskForm
          trajectoryId={trajectory.id}
          coachName={portal.data.coach?.name ?? t('portal.theCoach')}
          onSent={() => {
            setSent(true);
            void queryClient.invalidateQueries({ queryKey: portalKey });
          }}
        />
      ) : (
        <Text size="lg">{t('portal.notStarted')}</Text>
      )}
      <BackHome />
    </Stack>
  );
}
