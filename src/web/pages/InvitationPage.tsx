import { Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { limits } from '../../shared/limits.ts';
import { api, ApiError } from '../api.ts';
import { accountKeys, useRefreshMe } from '../auth/me.ts';
import { pathAfterLogin } from '../auth/paths.ts';
import { ErrorSummary, Loading, QueryError } from '../components/Feedback.tsx';
import { applyServerError, fieldId, summaryItems, useFormFeedback } from '../components/form.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { PasswordField } from '../components/PasswordField.tsx';

const linkProblems = ['auth.link_invalid', 'auth.link_expired', 'auth.link_used'] as const;
type LinkProblem = (typeof linkProblems)[number];
const isLinkProblem = (error: unknown): error is ApiError & { code: LinkProblem } =>
  error instanceof ApiError && (linkProblems as readonly string[]).includes(error.code);

/** Says what is wrong with the link and who to ask for a new one. */
function LinkProblemMessage({ problem }: { problem: LinkProblem }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="alert">
      <Text fw={600}>{t(`invitation.problem.${problem.replace('auth.', '')}`)}</Text>
      <Text>{t('invitation.askNew')}</Text>
    </Stack>
  );
}

/** Accepting an invitation: check the name, choose a password, and you are logged in. */
export default function InvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invitation = useQuery({
    queryKey: accountKeys.invitation(token),
    queryFn: () => api.get('/api/auth/invitation', { query: { token } }),
    enabled: token.length >= 10,
    retry: false,
  });

  let content;
  if (token.length < 10) content = <LinkProblemMessage problem="auth.link_invalid" />;
  else if (isLinkProblem(invitation.error)) content = <LinkProblemMessage problem={invitation.error.code} />;
  else if (invitation.isPending) content = <Loading />;
  else if (invitation.error)
    content = <QueryError error={invitation.error} onRetry={() => void invitation.refetch()} />;
  else
    content = (
      <InvitationForm token={token} email={invitation.data.email} displayName={invitation.data.displayName} />
    );

  return (
    <Stack gap="lg">
      <PageTitle title={t('invitation.title')} />
      {content}
    </Stack>
  );
}

function InvitationForm({
  token,
  email,
  displayName,
}: {
  token: string;
  email: string;
  displayName: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refreshMe = useRefreshMe();
  const feedback = useFormFeedback();
  const form = useForm({
    mode: 'controlled',
    initialValues: { displayName, password: '', repeat: '' },
    validate: {
      displayName: (value) => (!value.trim() ? t('validation.nameRequired') : null),
      password: (value) =>
        !value
          ? t('validation.passwordRequired')
          : value.length < limits.passwordMin
            ? t('validation.passwordMin', { min: limits.passwordMin })
            : null,
      repeat: (value, values) => (value !== values.password ? t('validation.passwordsDiffer') : null),
    },
  });
  const accept = useMutation({
    mutationFn: (values: { displayName: string; password: string }) =>
      api.post('/api/auth/invitation/accept', {
        body: { token, password: values.password, displayName: values.displayName.trim() },
      }),
  });

  if (isLinkProblem(accept.error)) return <LinkProblemMessage problem={accept.error.code} />;

  const labels: Record<string, string> = {
    displayName: t('invitation.name'),
    password: t('invitation.password'),
    repeat: t('invitation.repeat'),
  };
  const items = summaryItems('invitation', form.errors, (path) => labels[path] ?? path, feedback.general);
  const submit = form.onSubmit(
    async (values) => {
      feedback.setGeneral(null);
      try {
        const { next } = await accept.mutateAsync(values);
        await refreshMe();
        navigate(pathAfterLogin(next, null), { replace: true });
      } catch (error) {
        if (isLinkProblem(error)) return;
        applyServerError(t, error, form, (path) => path in labels, feedback.setGeneral);
        feedback.focusSummary();
      }
    },
    () => feedback.focusSummary(),
  );

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{t('invitation.intro', { email })}</Text>
          <ErrorSummary id={feedback.summaryId} items={items} />
          <TextInput
            id={fieldId('invitation', 'displayName')}
            name="displayName"
            autoComplete="name"
            label={labels.displayName}
            required
            {...form.getInputProps('displayName')}
          />
          <PasswordField
            id={fieldId('invitation', 'password')}
            name="password"
            autoComplete="new-password"
            label={labels.password}
            description={t('password.rules', { min: limits.passwordMin })}
            required
            {...form.getInputProps('password')}
          />
          <PasswordField
            id={fieldId('invitation', 'repeat')}
            name="repeat"
            autoComplete="new-password"
            label={labels.repeat}
            required
            {...form.getInputProps('repeat')}
          />
          <Button
            type="submit"
            loading={accept.isPending}
            leftSection={<IconCheck size={18} aria-hidden="true" />}
          >
            {t('invitation.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
