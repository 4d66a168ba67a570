import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import type { Question } from '../questions.ts';

/** What a participant's question and its answers show, on the coach's side and in the portal. */
export function Conversation({ question, size }: { question: Question; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="xs">
      <Text size={size} dir="auto" className="break-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
        {question.body}
      </Text>
      {question.answers.map((answer, index) => (
        <Paper
          key={index}
          radius="md"
          p="sm"
          bg="gray.0"
          style={{ borderInlineStart: '4px solid var(--mantine-color-blue-7)' }}
        >
          <Text size="sm" fw={600}>
            {t('questions.answerBy', {
              name: answer.byName ?? t('questions.theCoachTeam'),
              date: format.dateTime(answer.at),
            })}
          </Text>
          <Text size={size} dir="auto" className="break-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
            {answer.body}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
