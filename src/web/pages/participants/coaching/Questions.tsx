import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconLock, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { answerCreate } from '../../../../shared/contracts/trajectories.ts';
import { api, ApiError } from '../../../api.ts';
import {
  ActionMessage,
  ErrorSummary,
  Loading,
  QueryError,
  type Message,
} from '../../../components/Feedback.tsx';
import { Conversation } from '../../../components/Conversation.tsx';
import { contractRules, useApiForm } from '../../../components/form.ts';
import { errorText } from '../../../errors.ts';
import { useFormat } from '../../../i18n/format.ts';
import { caseloadKeys, participantKeys, trajectoryKeys } from '../../../participants.ts';
import { openFirst, questionsAnchor, questionState, type Question } from '../../../questions.ts';

const stateColors = { waiting: 'orange', answered: 'blue', closed: 'gray' } as const;

type Answer = { body: string };

/** A short answer under the question; the participant hears there is one (SMS or e-mail, never its content). */
function AnswerForm({ question, onChanged }: { question: Question; onChanged: () => void }) {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const answer = useApiForm<Answer, unknown>({
    formId: `answer-${question.id}`,
    initialValues: { body: '' },
    validate: contractRules<Answer>(t, answerCreate, (values) => values, {
      body: t('questions.answerEmpty'),
    }),
    labelOf: () => t('questions.answer'),
    send: ({ body }) =>
      api.post('/api/questions/:id/answers', { params: { id: question.id }, body: { body } }),
    onSaved: (_, form) => {
      form.reset();
      setSent(true);
      onChanged();
    },
    onRefused: (error) => {
      // Someone closed it in the meantime: show it as it is now.
      if (error instanceof ApiError && error.code === 'question.closed') onChanged();
      setSent(false);
      return false;
    },
  });
  return (
    <form noValidate onSubmit={answer.onSubmit}>
      <Stack gap="xs">
        <ErrorSummary {...answer.summary} />
        {sent && <Text role="status">{t('questions.answerSent')}</Text>}
        <Textarea {...answer.field('body')} label={t('questions.answer')} dir="auto" autosize minRows={2} />
        <Group>
          <Button
            type="submit"
            loading={answer.pending}
            leftSection={<IconSend size={18} aria-hidden="true" className="rtl-flip" />}
          >
            {t('questions.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The participant's questions in the file, for the coach team: open ones first, each with its answers, a short
 * answer form and a button to close it; closed ones marked as closed. The 'today' list links here.
 */
export function Questions({ participantId, trajectoryId }: { participantId: string; trajectoryId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { hash } = useLocation();
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const list = useQuery({
    queryKey: trajectoryKeys.questions(trajectoryId),
    queryFn: () => api.get('/api/trajectories/:id/questions', { params: { id: trajectoryId } }),
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trajectoryKeys.questions(trajectoryId) }),
      queryClient.invalidateQueries({ queryKey: participantKeys.timelines(participantId) }),
      queryClient.invalidateQueries({ queryKey: caseloadKeys.all }),
    ]);
  const close = useMutation({
    mutationFn: (id: string) => api.post('/api/questions/:id/close', { params: { id } }),
    onSuccess: () => setMessage({ ok: true, text: t('questions.closedDone') }),
    onError: (error) => setMessage({ ok: false, text: errorText(t, error) }),
    // The question moves down the list: focus goes to the message, not to the top of the page.
    onSettled: async () => {
      await refresh();
      messageRef.current?.focus();
    },
  });

  // Opened from the 'today' list: bring the questions into view once they are there.
  const loaded = !list.isPending;
  useEffect(() => {
    if (loaded && hash === `#${questionsAnchor}`) {
      titleRef.current?.scrollIntoView({ block: 'start' });
      titleRef.current?.focus({ preventScroll: true });
    }
  }, [loaded, hash]);

  const items = openFirst(list.data?.items ?? []);
  return (
    <Stack gap="sm" component="section" aria-labelledby="questions-title" id={questionsAnchor}>
      <Title order={2} size="h3" id="questions-title" ref={titleRef} tabIndex={-1}>
        {t('questions.title')}
      </Title>
      <ActionMessage message={message} ref={messageRef} />
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Text>{t('questions.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="question-list">
          {items.map((question) => {
            const state = questionState(question);
            const headingId = `question-${question.id}`;
            return (
              <Paper component="li" key={question.id} withBorder radius="md" p="md">
                <Stack gap="sm">
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Title order={3} size="h5" id={headingId}>
                      {t('questions.askedOn', { date: format.dateTime(question.askedAt) })}
                    </Title>
                    <Badge variant="dot" color={stateColors[state]} radius="sm">
                      {t(`questions.state.${state}`)}
                    </Badge>
                  </Group>
                  <Conversation question={question} />
                  {question.closedAt ? (
                    <Text size="sm">
                      {t('questions.closedOn', { date: format.dateTime(question.closedAt) })}
                    </Text>
                  ) : (
                    <>
                      <AnswerForm question={question} onChanged={() => void refresh()} />
                      <Group>
                        <Button
                          variant="default"
                          leftSection={<IconLock size={18} aria-hidden="true" />}
                          loading={close.isPending && close.variables === question.id}
                          onClick={() => close.mutate(question.id)}
                          aria-describedby={headingId}
                        >
                          {t('questions.close')}
                        </Button>
                      </Group>
                    </>
                  )}
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
