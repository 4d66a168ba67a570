import { useEffect, useState } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, onReauthenticationNeeded } from '../api.ts';
import { useMe } from '../auth/me.ts';
import { errorText } from '../errors.ts';
import { ErrorSummary } from './Feedback.tsx';
import { fieldId, summaryItems, useFormFeedback } from './form.ts';
import { PasswordField } from './PasswordField.tsx';

/** A code from the app (6 digits) or a recovery code like `k3f9q-27xmd`. */
export const codeOrRecoveryCode = /^(\d{6}|[A-Za-z0-9]{5}-?[A-Za-z0-9]{5})$/;

/**
 * The one dialog for actions that need the password again. Mounted once in the app shell: the API client opens it
 * when a request answers `auth.reauthentication_required`, and repeats that request once it is done.
 */
export function ReauthDialog() {
  const { t } = useTranslation();
  const [waiting, setWaiting] = useState<((done: boolean) => void) | null>(null);

  useEffect(() => {
    onReauthenticationNeeded(() => new Promise<boolean>((resolve) => setWaiting(() => resolve)));
    return () => onReauthenticationNeeded(null);
  }, []);

  const finish = (done: boolean) => {
    waiting?.(done);
    setWaiting(null);
  };

  return (
    <Modal
      opened={waiting !== null}
      onClose={() => finish(false)}
      title={t('reauth.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="md"
      centered
    >
      {waiting && <ReauthForm onDone={() => finish(true)} onCancel={() => finish(false)} />}
    </Modal>
  );
}

function ReauthForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const me = useMe().data;
  // The API may know of a second factor the loaded profile does not yet show: then the code field appears.
  const [askCode, setAskCode] = useState(!!me?.hasSecondFactor);
  const [busy, setBusy] = useState(false);
  const feedback = useFormFeedback();
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '', code: '' },
    validate: {
      password: (value) => (!value ? t('validation.passwordRequired') : null),
      code: (value) =>
        askCode && !codeOrRecoveryCode.test(value.replace(/\s/g, '')) ? t('reauth.codeInvalid') : null,
    },
  });
  const labels: Record<string, string> = { password: t('reauth.password'), code: t('reauth.code') };
  const items = summaryItems('reauth', form.errors, (path) => labels[path] ?? path, feedback.general);

  const submit = form.onSubmit(
    async ({ password, code }) => {
      feedback.setGeneral(null);
      setBusy(true);
      try {
        const body = askCode ? { password, code: code.replace(/\s/g, '') } : { password };
        await api.post('/api/auth/reauthenticate', { body });
        onDone();
        return;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'auth.invalid_credentials') {
          form.setFieldError('password', t('reauth.passwordWrong'));
          form.setFieldValue('password', '');
        } else if (error instanceof ApiError && error.code === 'auth.totp_invalid') {
          if (!askCode) setAskCode(true);
          else form.setFieldError('code', errorText(t, error));
          form.setFieldValue('code', '');
        } else if (
          error instanceof ApiError &&
          (error.code === 'auth.unauthenticated' || error.code === 'auth.session_expired')
        ) {
          // The session ended meanwhile; the app goes to the login page.
          onCancel();
          return;
        } else feedback.setGeneral(errorText(t, error));
        feedback.focusSummary();
      } finally {
        setBusy(false);
      }
    },
    () => feedback.focusSummary(),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{askCode ? t('reauth.introWithCode') : t('reauth.intro')}</Text>
        <ErrorSummary id={feedback.summaryId} items={items} />
        <PasswordField
          id={fieldId('reauth', 'password')}
          name="password"
          autoComplete="current-password"
          label={labels.password}
          required
          data-autofocus
          {...form.getInputProps('password')}
        />
        {askCode && (
          <TextInput
            id={fieldId('reauth', 'code')}
            name="code"
            label={labels.code}
            description={t('reauth.codeHelp')}
            dir="ltr"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={12}
            required
            {...form.getInputProps('code')}
          />
        )}
        <Group gap="sm" justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} leftSection={<IconShieldCheck size={18} aria-hidden="true" />}>
            {t('reauth.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
