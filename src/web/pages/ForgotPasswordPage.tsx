import { Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMail } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { ErrorSummary, SuccessMessage } from '../components/Feedback.tsx';
import {
  applyServerError,
  emailPattern,
  fieldId,
  summaryItems,
  useFormFeedback,
} from '../components/form.ts';
import { PageTitle } from '../components/PageTitle.tsx';

/** Asks for a reset link. The answer is always the same, so nobody learns who has an account. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const feedback = useFormFeedback();
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: {
      email: (value) =>
        !value.trim()
          ? t('validation.emailRequired')
          : !emailPattern.test(value.trim())
            ? t('validation.emailInvalid')
            : null,
    },
  });
  const request = useMutation({
    mutationFn: (email: string) => api.post('/api/auth/password-reset', { body: { email } }),
  });
  const label = t('forgot.email');
  const items = summaryItems('forgot', form.errors, () => label, feedback.general);
  const submit = form.onSubmit(
    async ({ email }) => {
      feedback.setGeneral(null);
      try {
        await request.mutateAsync(email.trim());
      } catch (error) {
        applyServerError(t, error, form, (path) => path === 'email', feedback.setGeneral);
        feedback.focusSummary();
      }
    },
    () => feedback.focusSummary(),
  );

  return (
    <Stack gap="lg">
      <PageTitle title={t('forgot.title')} />
      {request.isSuccess ? (
        <SuccessMessage title={t('forgot.sentTitle')}>
          <Text size="sm">{t('forgot.sentText')}</Text>
        </SuccessMessage>
      ) : (
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Text>{t('forgot.intro')}</Text>
              <ErrorSummary id={feedback.summaryId} items={items} />
              <TextInput
                id={fieldId('forgot', 'email')}
                name="email"
                type="email"
                dir="ltr"
                autoComplete="email"
                label={label}
                required
                {...form.getInputProps('email')}
              />
              <Button
                type="submit"
                loading={request.isPending}
                leftSection={<IconMail size={18} aria-hidden="true" />}
              >
                {t('forgot.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
      <Anchor component={Link} to="/login">
        {t('common.toLogin')}
      </Anchor>
    </Stack>
  );
}
