import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Conversation } from '../../components/Conversation.tsx';
import { useFormat } from '../../i18n/format.ts';
import { questionState, type Question } from '../../questions.ts';
import { PortalList } from './PortalParts.tsx';

/** The participant's questions, newest first, each with the coach's answers; nothing while there are none. */
export function MyQuestions({ questions }: { questions: Question[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (questions.length === 0) return null;
  return (
    <PortalList id="my-questions-title" title={t('portal.myQuestions')} testId="my-questions">
      {questions.map((question) => {
        const state = questionState(question);
        return (
          <Paper component="li" key={question.id} withBorder radius="md" p="sm">
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('portal.youAsked', { date: format.date(question.askedAt) })}
              </Title>
              <Conversation question={question} size="lg" />
              {state !== 'answered' && <Text>{t(`portal.questionState.${state}`)}</Text>}
            </Stack>
          </Paper>
        );
      })}
    </PortalList>
  );
}
