import { useState } from 'react';
import { Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconShieldCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api.ts';
import { useMe, useRefreshMe } from '../auth/me.ts';
import { useLogout } from '../auth/useLogout.ts';
import { ErrorSummary, Loading } from '../components/Feedback.tsx';
import { applyServerError, fieldId, summaryItems, useFormFeedback } from '../components/form.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { safeNext } from '../errors.ts';

/** A recovery code as shown once after setup: `k3f9q-27xmd` (the dash may be left out). */
const recoveryCodePattern = /^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/;

/** Second step of a login: the six-digit code from the authenticator app, or a recovery code when the phone is lost. */
export default function LoginCodePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const after = safeNext(params.get('next'));
  const me = useMe();
  const refreshMe = useRefreshMe();
  const logout = useLogout();
  const feedback = useFormFeedback();
  const [recovery, setRecovery] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    transformValues: (values) => ({ code: values.code.replace(/\s/g, '') }),
    validate: {
      code: (value) => {
        const code = value.replace(/\s/g, '');
        if (recovery) return recoveryCodePattern.test(code) ? null : t('totp.recoveryInvalid');
        return /^\d{6}$/.test(code) ? null : t('validation.codeSixDigits');
      },
    },
  });
  const verify = useMutation({
    mutationFn: (code: string) => api.post('/api/auth/totp/verify', { body: { code } }),
  });

  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to="/login" replace />;
  if (me.data.sessionStage === 'full' && !verify.isPending) return <Navigate to={after ?? '/'} replace />;
  if (me.data.sessionStage === 'totp_setup') return <Navigate to="/account/security" replace />;

  const switchMode = () => {
    setRecovery(!recovery);
    form.reset();
    feedback.setGeneral(null);
    window.setTimeout(() => document.getElementById(fieldId('totp', 'code'))?.focus(), 0);
  };

  const label = recovery ? t('totp.recoveryLabel') : t('totp.codeLabel');
  const items = summaryItems('totp', form.errors, () => label, feedback.general);
  const submit = form.onSubmit(
    async ({ code }) => {
      feedback.setGeneral(null);
      try {
        await verify.mutateAsync(code);
        await refreshMe();
        navigate(after ?? '/', { replace: true });
      } catch (error) {
        applyServerError(t, error, form, (path) => path === 'code', feedback.setGeneral);
        feedback.focusSummary();
      }
    },
    () => feedback.focusSummary(),
  );

  return (
    <Stack gap="lg">
      <PageTitle title={t('totp.title')} />
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text>{recovery ? t('totp.recoveryIntro') : t('totp.intro')}</Text>
            {recovery && <Text size="sm">{t('totp.recoveryNoCodes')}</Text>}
            <ErrorSummary id={feedback.summaryId} items={items} />
            {recovery ? (
              <TextInput
                key="recovery"
                id={fieldId('totp', 'code')}
                name="code"
                label={label}
                description={t('totp.recoveryHelp')}
                inputMode="text"
                dir="ltr"
                autoComplete="off"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                maxLength={13}
                required
                {...form.getInputProps('code')}
              />
            ) : (
              <TextInput
                key="app"
                id={fieldId('totp', 'code')}
                name="code"
                label={label}
                description={t('totp.codeHelp')}
                inputMode="numeric"
                dir="ltr"
                autoComplete="one-time-code"
                maxLength={7}
                required
                {...form.getInputProps('code')}
              />
            )}
            <Button
              type="submit"
              loading={verify.isPending}
              leftSection={<IconShieldCheck size={18} aria-hidden="true" />}
            >
              {t('totp.submit')}
            </Button>
            <Anchor component="button" type="button" size="sm" onClick={switchMode}>
              {recovery ? t('totp.useApp') : t('totp.useRecovery')}
            </Anchor>
            <Anchor component="button" type="button" size="sm" onClick={() => void logout()}>
              {t('totp.startOver')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
