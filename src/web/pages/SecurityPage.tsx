import { useState } from 'react';
import { Alert, Button, Code, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconShieldCheck, IconShieldLock } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api.ts';
import { useMe, useRefreshMe } from '../auth/me.ts';
import { ErrorSummary, Loading, QueryError, SuccessMessage } from '../components/Feedback.tsx';
import { applyServerError, fieldId, summaryItems, useFormFeedback } from '../components/form.ts';
import { PageTitle } from '../components/PageTitle.tsx';

type Setup = { secret: string; uri: string; qrSvg: string };

/** Two-step login: set up an authenticator app (forced for leads and administrators before anything else). */
export default function SecurityPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const forced = me.sessionStage === 'totp_setup';
  const [started, setStarted] = useState(false);
  const [done, setDone] = useState(false);

  // A forced setup starts right away; otherwise the person asks for it (it replaces an app already linked).
  const setup = useQuery({
    queryKey: ['totp-setup'],
    queryFn: () => api<Setup>('/api/auth/totp/setup', { method: 'POST' }),
    enabled: forced || started,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

  return (
    <Stack gap="lg" maw={720}>
      <PageTitle title={t('security.title')} />
      {forced && (
        <Alert
          color="blue"
          variant="light"
          role="note"
          icon={<IconShieldLock aria-hidden="true" />}
          title={t('security.forcedTitle')}
        >
          {t('security.forcedText')}
        </Alert>
      )}
      {done ? (
        <SuccessMessage title={t('security.doneTitle')}>{t('security.doneText')}</SuccessMessage>
      ) : (
        !forced && (
          <Text>
            {me.hasSecondFactor
              ? t('security.statusOn')
              : me.needsSecondFactor
                ? t('security.statusNeeded')
                : t('security.statusOff')}
          </Text>
        )
      )}
      {!forced && !started && !done && (
        <Stack gap="xs" align="flex-start">
          {me.hasSecondFactor && <Text size="sm">{t('security.replaceWarning')}</Text>}
          <Button
            leftSection={<IconShieldLock size={18} aria-hidden="true" />}
            onClick={() => setStarted(true)}
          >
            {me.hasSecondFactor ? t('security.replace') : t('security.start')}
          </Button>
        </Stack>
      )}
      {(forced || started) &&
        !done &&
        (setup.isPending ? (
          <Loading />
        ) : setup.error ? (
          <QueryError error={setup.error} onRetry={() => void setup.refetch()} />
        ) : (
          <SetupSteps setup={setup.data} forced={forced} onDone={() => setDone(true)} />
        ))}
    </Stack>
  );
}

function SetupSteps({ setup, forced, onDone }: { setup: Setup; forced: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refreshMe = useRefreshMe();
  const feedback = useFormFeedback();
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    transformValues: (values) => ({ code: values.code.replace(/\s/g, '') }),
    validate: {
      code: (value) => (/^\d{6}$/.test(value.replace(/\s/g, '')) ? null : t('validation.codeSixDigits')),
    },
  });
  const confirm = useMutation({
    mutationFn: (code: string) =>
      api<{ next: 'done' }>('/api/auth/totp/confirm', { method: 'POST', body: { code } }),
  });
  const label = t('security.codeLabel');
  const items = summaryItems('security', form.errors, () => label, feedback.general);
  const submit = form.onSubmit(
    async ({ code }) => {
      feedback.setGeneral(null);
      try {
        await confirm.mutateAsync(code);
        await refreshMe();
        if (forced) navigate('/', { replace: true });
        else onDone();
      } catch (error) {
        applyServerError(t, error, form, (path) => path === 'code', feedback.setGeneral);
        feedback.focusSummary();
      }
    },
    () => feedback.focusSummary(),
  );

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('security.stepsTitle')}
        </Title>
        <List type="ordered" spacing="xs">
          <List.Item>{t('security.step1')}</List.Item>
          <List.Item>{t('security.step2')}</List.Item>
          <List.Item>{t('security.step3')}</List.Item>
        </List>
        <img
          className="qr-image"
          src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
          alt={t('security.qrAlt')}
          width={224}
          height={224}
        />
        <div>
          <Text size="sm" fw={600} id="totp-secret-label">
            {t('security.secretLabel')}
          </Text>
          <Code block className="secret-text" dir="ltr">
            {setup.secret}
          </Code>
        </div>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ErrorSummary id={feedback.summaryId} items={items} />
            <TextInput
              id={fieldId('security', 'code')}
              name="code"
              label={label}
              description={t('security.codeHelp')}
              inputMode="numeric"
              dir="ltr"
              autoComplete="one-time-code"
              maxLength={7}
              required
              {...form.getInputProps('code')}
            />
            <Button
              type="submit"
              loading={confirm.isPending}
              leftSection={<IconShieldCheck size={18} aria-hidden="true" />}
            >
              {t('security.confirm')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
