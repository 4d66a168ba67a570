import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  IconAlertTriangle,
  IconCheck,
  IconKey,
  IconPrinter,
  IconShieldCheck,
  IconShieldLock,
} from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../shared/contracts/index.ts';
import { limits } from '../../shared/limits.ts';
import { api, ApiError, type ResponseOf } from '../api.ts';
import { accountKeys, useMe, useRefreshMe } from '../auth/me.ts';
import { darkTitle, ErrorSummary, Loading, QueryError, SuccessMessage } from '../components/Feedback.tsx';
import { applyServerError, fieldId, summaryItems, useFormFeedback } from '../components/form.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { errorText } from '../errors.ts';

type Setup = ResponseOf<'POST', '/api/auth/totp/setup'>;
type Phase = 'idle' | 'setup' | 'codes' | 'done';

/**
 * The account's security: the second login step (forced for staff before anything else, a choice for employers
 * and participants), recovery codes for a lost phone, and changing the password.
 */
export default function SecurityPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const navigate = useNavigate();
  const refreshMe = useRefreshMe();
  const forced = me.sessionStage === 'totp_setup';
  // Remembered: after the codes are confirmed the session is full, but this visit still ends on the start page.
  const [wasForced] = useState(forced);
  const [phase, setPhase] = useState<Phase>(forced ? 'setup' : 'idle');
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>([]);
  const [endedOthers, setEndedOthers] = useState(false);
  // Every start asks for a fresh secret (one confirmed earlier is no longer pending).
  const [attempt, setAttempt] = useState(0);
  const start = () => {
    setAttempt((n) => n + 1);
    setPhase('setup');
  };

  // Asked only when the person starts (a new secret stays pending; the app already linked keeps working).
  const setup = useQuery({
    queryKey: accountKeys.secondFactorSetup(attempt),
    queryFn: () => api.post('/api/auth/totp/setup'),
    enabled: phase === 'setup',
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

  const confirmed = async (codes: string[], endedOtherSessions: boolean) => {
    setRecoveryCodes(codes);
    setEndedOthers(endedOtherSessions);
    setPhase('codes');
    // A forced setup keeps its narrow menu until the codes are saved; otherwise the profile updates now.
    if (!wasForced) await refreshMe();
  };

  const codesSaved = async () => {
    setRecoveryCodes([]);
    if (wasForced) {
      await refreshMe();
      navigate('/', { replace: true });
    } else setPhase('done');
  };

  return (
    <Stack gap="xl" maw={720}>
      <PageTitle title={t('security.title')} />
      {phase === 'codes' ? (
        <RecoveryCodes codes={recoveryCodes} endedOthers={endedOthers} onSaved={() => void codesSaved()} />
      ) : (
        <>
          <Stack gap="md" component="section" aria-labelledby="second-factor-title">
            <Title order={2} id="second-factor-title">
              {t('security.secondFactorTitle')}
            </Title>
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
            {phase === 'done' && (
              <SuccessMessage title={t('security.doneTitle')}>{t('security.doneText')}</SuccessMessage>
            )}
            {phase !== 'setup' && <SecondFactorStatus me={me} onStart={start} />}
            {phase === 'setup' &&
              (setup.isPending ? (
                <Loading />
              ) : setup.error ? (
                <Stack gap="sm" align="flex-start">
                  <QueryError error={setup.error} onRetry={() => void setup.refetch()} />
                  {!forced && (
                    <Button variant="default" onClick={() => setPhase('idle')}>
                      {t('common.cancel')}
                    </Button>
                  )}
                </Stack>
              ) : (
                <SetupSteps
                  setup={setup.data}
                  replacing={me.hasSecondFactor}
                  onConfirmed={(codes, ended) => void confirmed(codes, ended)}
                  onCancel={forced ? undefined : () => setPhase('idle')}
                />
              ))}
          </Stack>
          {!forced && <ChangePassword />}
        </>
      )}
    </Stack>
  );
}

/** Whether the second step is on, why it matters for this person, and the button to set it up or replace it. */
function SecondFactorStatus({ me, onStart }: { me: Me; onStart: () => void }) {
  const { t } = useTranslation();
  if (me.hasSecondFactor)
    return (
      <Stack gap="xs" align="flex-start">
        <Text>{t('security.statusOn')}</Text>
        <Text size="sm">{t('security.replaceWarning')}</Text>
        <Button
          variant="default"
          leftSection={<IconShieldLock size={18} aria-hidden="true" />}
          onClick={onStart}
          data-testid="second-factor-start"
        >
          {t('security.replace')}
        </Button>
      </Stack>
    );
  if (me.needsSecondFactor)
    return (
      <Stack gap="xs" align="flex-start">
        <Text>{t('security.statusNeeded')}</Text>
        <Button
          leftSection={<IconShieldLock size={18} aria-hidden="true" />}
          onClick={onStart}
          data-testid="second-factor-start"
        >
          {t('security.start')}
        </Button>
      </Stack>
    );
  // Employer contacts and participants may choose it.
  return (
    <Stack gap="xs" align="flex-start">
      <Text>{t('security.statusOff')}</Text>
      <List spacing={4} size="sm">
        <List.Item>{t('security.optInWhat')}</List.Item>
        <List.Item>{t('security.optInWhy')}</List.Item>
        <List.Item>{t('security.optInNeed')}</List.Item>
      </List>
      <Button
        leftSection={<IconShieldLock size={18} aria-hidden="true" />}
        onClick={onStart}
        data-testid="second-factor-start"
      >
        {t('security.optIn')}
      </Button>
    </Stack>
  );
}

function SetupSteps({
  setup,
  replacing,
  onConfirmed,
  onCancel,
}: {
  setup: Setup;
  replacing: boolean;
  onConfirmed: (codes: string[], endedOtherSessions: boolean) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const feedback = useFormFeedback();
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '', endOtherSessions: false },
    transformValues: (values) => ({ ...values, code: values.code.replace(/\s/g, '') }),
    validate: {
      code: (value) => (/^\d{6}$/.test(value.replace(/\s/g, '')) ? null : t('validation.codeSixDigits')),
    },
  });
  const confirm = useMutation({
    mutationFn: (body: { code: string; endOtherSessions: boolean }) =>
      api.post('/api/auth/totp/confirm', { body }),
  });
  const label = t('security.codeLabel');
  const items = summaryItems('security', form.errors, () => label, feedback.general);
  const submit = form.onSubmit(
    async ({ code, endOtherSessions }) => {
      feedback.setGeneral(null);
      const ending = replacing && endOtherSessions;
      try {
        const { recoveryCodes } = await confirm.mutateAsync({ code, endOtherSessions: ending });
        onConfirmed(recoveryCodes, ending);
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
        <Title order={3}>{t('security.stepsTitle')}</Title>
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
          <Code block className="secret-text" dir="ltr" data-testid="totp-secret">
            {setup.secret}
          </Code>
        </div>
        {replacing && <Text size="sm">{t('security.pendingNote')}</Text>}
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
            {replacing && (
              <Checkbox
                id={fieldId('security', 'endOtherSessions')}
                label={t('security.endOtherSessions')}
                description={t('security.endOtherSessionsHelp')}
                {...form.getInputProps('endOtherSessions', { type: 'checkbox' })}
              />
            )}
            <Group gap="sm">
              <Button
                type="submit"
                loading={confirm.isPending}
                leftSection={<IconShieldCheck size={18} aria-hidden="true" />}
              >
                {t('security.confirm')}
              </Button>
              {onCancel && (
                <Button variant="default" onClick={onCancel}>
                  {t('common.cancel')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

/** The recovery codes, shown once: write them down or print them, then continue. */
function RecoveryCodes({
  codes,
  endedOthers,
  onSaved,
}: {
  codes: string[];
  endedOthers: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Stack gap="md" component="section" aria-labelledby="recovery-title" data-testid="recovery-codes">
      <SuccessMessage title={t('security.doneTitle')}>
        {t('security.doneText')} {endedOthers && t('security.othersEnded')}
      </SuccessMessage>
      <div className="recovery-print">
        <Stack gap="sm">
          <Title order={2} id="recovery-title" ref={heading} tabIndex={-1}>
            {t('security.codesTitle')}
          </Title>
          <List spacing={4}>
            <List.Item>{t('security.codesWhat')}</List.Item>
            <List.Item>{t('security.codesOnce')}</List.Item>
            <List.Item>{t('security.codesKeep')}</List.Item>
          </List>
          <ol className="recovery-codes" dir="ltr" aria-label={t('security.codesList')}>
            {codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ol>
        </Stack>
      </div>
      <Alert
        color="orange"
        variant="light"
        role="note"
        icon={<IconAlertTriangle aria-hidden="true" />}
        title={t('security.codesShownOnce')}
        styles={darkTitle}
      >
        {t('security.codesShownOnceText')}
      </Alert>
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconPrinter size={18} aria-hidden="true" />}
          onClick={() => window.print()}
        >
          {t('security.print')}
        </Button>
        <Button leftSection={<IconCheck size={18} aria-hidden="true" />} onClick={onSaved}>
          {t('security.codesSaved')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Changing one's own password, with the current one; other devices can be logged out at the same time. */
function ChangePassword() {
  const { t } = useTranslation();
  const feedback = useFormFeedback();
  const [result, setResult] = useState<{ ended: number; asked: boolean } | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', repeat: '', endOtherSessions: true },
    validate: {
      currentPassword: (value) => (!value ? t('validation.passwordRequired') : null),
      newPassword: (value) =>
        !value
          ? t('validation.passwordRequired')
          : value.length < limits.passwordMin
            ? t('validation.passwordMin', { min: limits.passwordMin })
            : null,
      repeat: (value, values) => (value !== values.newPassword ? t('validation.passwordsDiffer') : null),
    },
  });
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string; endOtherSessions: boolean }) =>
      api.post('/api/auth/password', { body }),
  });
  const labels: Record<string, string> = {
    currentPassword: t('security.currentPassword'),
    newPassword: t('security.newPassword'),
    repeat: t('security.repeatPassword'),
  };
  const items = summaryItems('password', form.errors, (path) => labels[path] ?? path, feedback.general);
  const submit = form.onSubmit(
    async ({ currentPassword, newPassword, endOtherSessions }) => {
      feedback.setGeneral(null);
      setResult(null);
      try {
        const { ended } = await change.mutateAsync({ currentPassword, newPassword, endOtherSessions });
        form.reset();
        setResult({ ended, asked: endOtherSessions });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'auth.invalid_credentials') {
          form.setFieldError('currentPassword', t('security.currentWrong'));
          form.setFieldValue('currentPassword', '');
        } else if (error instanceof ApiError && error.code.startsWith('password.'))
          form.setFieldError('newPassword', errorText(t, error));
        else applyServerError(t, error, form, (path) => path in labels, feedback.setGeneral);
        feedback.focusSummary();
      }
    },
    () => {
      setResult(null);
      feedback.focusSummary();
    },
  );

  return (
    <Stack gap="md" component="section" aria-labelledby="password-title">
      <Title order={2} id="password-title">
        {t('security.passwordTitle')}
      </Title>
      {result && (
        <SuccessMessage title={t('security.passwordChanged')}>
          {result.ended > 0
            ? t('security.passwordEnded', { count: result.ended })
            : result.asked
              ? t('security.passwordNoOthers')
              : t('security.passwordKept')}
        </SuccessMessage>
      )}
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ErrorSummary id={feedback.summaryId} items={items} />
            <PasswordField
              id={fieldId('password', 'currentPassword')}
              name="currentPassword"
              autoComplete="current-password"
              label={labels.currentPassword}
              required
              {...form.getInputProps('currentPassword')}
            />
            <PasswordField
              id={fieldId('password', 'newPassword')}
              name="newPassword"
              autoComplete="new-password"
              label={labels.newPassword}
              description={t('security.newPasswordHelp', { min: limits.passwordMin })}
              required
              {...form.getInputProps('newPassword')}
            />
            <PasswordField
              id={fieldId('password', 'repeat')}
              name="repeat"
              autoComplete="new-password"
              label={labels.repeat}
              required
              {...form.getInputProps('repeat')}
            />
            <Checkbox
              id={fieldId('password', 'endOtherSessions')}
              label={t('security.endOtherSessions')}
              {...form.getInputProps('endOtherSessions', { type: 'checkbox' })}
            />
            <Button
              type="submit"
              loading={change.isPending}
              leftSection={<IconKey size={18} aria-hidden="true" />}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('security.changePassword')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
