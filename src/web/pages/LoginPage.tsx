import { Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLogin } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api.ts';
import { useMe, useRefreshMe } from '../auth/me.ts';
import { pathAfterLogin } from '../auth/paths.ts';
import { useDemoMode } from '../components/DemoBanner.tsx';
import { ErrorSummary, InfoMessage, Loading } from '../components/Feedback.tsx';
import {
  applyServerError,
  emailPattern,
  fieldId,
  summaryItems,
  useFormFeedback,
} from '../components/form.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { safeNext } from '../errors.ts';

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const after = safeNext(params.get('next'));
  const me = useMe();
  const refreshMe = useRefreshMe();
  const feedback = useFormFeedback();
  const demo = useDemoMode();
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) =>
        !value.trim()
          ? t('validation.emailRequired')
          : !emailPattern.test(value.trim())
            ? t('validation.emailInvalid')
            : null,
      password: (value) => (!value ? t('validation.passwordRequired') : null),
    },
  });
  const login = useMutation({
    mutationFn: (values: { email: string; password: string }) =>
      api.post('/api/auth/login', { body: values }),
  });

  if (me.data && !login.isPending && !login.isSuccess) {
    if (me.data.sessionStage === 'full') return <Navigate to={after ?? '/'} replace />;
    if (me.data.sessionStage === 'totp') return <Navigate to="/login/code" replace />;
  }
  if (me.isPending) return <Loading />;

  const labels: Record<string, string> = { email: t('login.email'), password: t('login.password') };
  const items = summaryItems('login', form.errors, (path) => labels[path] ?? path, feedback.general);

  const submit = form.onSubmit(
    async (values) => {
      feedback.setGeneral(null);
      try {
        const { next } = await login.mutateAsync({ email: values.email.trim(), password: values.password });
        await refreshMe();
        navigate(pathAfterLogin(next, after), { replace: true });
      } catch (error) {
        applyServerError(t, error, form, (path) => path in labels, feedback.setGeneral);
        form.setFieldValue('password', '');
        feedback.focusSummary();
      }
    },
    () => {
      feedback.setGeneral(null);
      feedback.focusSummary();
    },
  );

  return (
    <Stack gap="lg">
      <PageTitle title={t('login.title')} />
      {params.get('reason') === 'expired' && <InfoMessage>{t('login.sessionEnded')}</InfoMessage>}
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text fw={600}>{t('login.intro')}</Text>
            <ErrorSummary id={feedback.summaryId} items={items} />
            <TextInput
              id={fieldId('login', 'email')}
              name="email"
              type="email"
              dir="ltr"
              autoComplete="username"
              inputMode="email"
              label={labels.email}
              required
              {...form.getInputProps('email')}
            />
            <PasswordField
              id={fieldId('login', 'password')}
              name="password"
              autoComplete="current-password"
              label={labels.password}
              required
              {...form.getInputProps('password')}
            />
            <Button
              type="submit"
              loading={login.isPending}
              leftSection={<IconLogin size={18} aria-hidden="true" className="rtl-flip" />}
            >
              {t('login.submit')}
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('login.forgot')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
      {demo && <InfoMessage title={t('login.demoTitle')}>{t('login.demoHint')}</InfoMessage>}
    </Stack>
  );
}
