import { Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconKey } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { limits } from '../../shared/limits.ts';
import { api, ApiError } from '../api.ts';
import { ErrorSummary, SuccessMessage } from '../components/Feedback.tsx';
import { applyServerError, fieldId, summaryItems, useFormFeedback } from '../components/form.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { errorText } from '../errors.ts';

const linkProblems = new Set(['auth.link_invalid', 'auth.link_expired', 'auth.link_used']);

/** Choosing a new password with the link from the e-mail. */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const feedback = useFormFeedback();
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '', repeat: '' },
    validate: {
      password: (value) =>
        !value
          ? t('validation.passwordRequired')
          : value.length < limits.passwordMin
            ? t('validation.passwordMin', { min: limits.passwordMin })
            : null,
      repeat: (value, values) => (value !== values.password ? t('validation.passwordsDiffer') : null),
    },
  });
  const complete = useMutation({
    mutationFn: (password: string) =>
      api.post('/api/auth/password-reset/complete', { body: { token, password } }),
  });
  const linkProblem =
    !token || token.length < 10
      ? 'auth.link_invalid'
      : complete.error instanceof ApiError && linkProblems.has(complete.error.code)
        ? complete.error.code
        : null;

  const labels: Record<string, string> = { password: t('reset.password'), repeat: t('reset.repeat') };
  const items = summaryItems('reset', form.errors, (path) => labels[path] ?? path, feedback.general);
  const submit = form.onSubmit(
    async ({ password }) => {
      feedback.setGeneral(null);
      try {
        await complete.mutateAsync(password);
      } catch (error) {
        if (error instanceof ApiError && linkProblems.has(error.code)) return;
        applyServerError(t, error, form, (path) => path in labels, feedback.setGeneral);
        feedback.focusSummary();
      }
    },
    () => feedback.focusSummary(),
  );

  let content;
  if (linkProblem)
    content = (
      <Stack gap="sm" role="alert">
        <Text fw={600}>{errorText(t, new ApiError(400, linkProblem as 'auth.link_invalid'))}</Text>
        <Anchor component={Link} to="/forgot-password">
          {t('reset.askNewLink')}
        </Anchor>
      </Stack>
    );
  else if (complete.isSuccess)
    content = (
      <SuccessMessage title={t('reset.doneTitle')}>
        <Stack gap="xs">
          <Text size="sm">{t('reset.doneText')}</Text>
          <Anchor component={Link} to="/login">
            {t('common.toLogin')}
          </Anchor>
        </Stack>
      </SuccessMessage>
    );
  else
    content = (
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text>{t('reset.intro', { min: limits.passwordMin })}</Text>
            <ErrorSummary id={feedback.summaryId} items={items} />
            <PasswordField
              id={fieldId('reset', 'password')}
              name="password"
              autoComplete="new-password"
              label={labels.password}
              description={t('password.rules', { min: limits.passwordMin })}
              required
              {...form.getInputProps('password')}
            />
            <PasswordField
              id={fieldId('reset', 'repeat')}
              name="repeat"
              autoComplete="new-password"
              label={labels.repeat}
              required
              {...form.getInputProps('repeat')}
            />
            <Button
              type="submit"
              loading={complete.isPending}
              leftSection={<IconKey size={18} aria-hidden="true" />}
            >
              {t('reset.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    );

  return (
    <Stack gap="lg">
      <PageTitle title={t('reset.title')} />
      {content}
    </Stack>
  );
}
