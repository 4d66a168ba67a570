import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconMailForward, IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { portalAccountCreate } from '../../../shared/contracts/participants.ts';
import { api } from '../../api.ts';
import { ErrorSummary, SuccessMessage } from '../../components/Feedback.tsx';
import { contractRules, useApiForm } from '../../components/form.ts';
import { useFormat } from '../../i18n/format.ts';
import { participantKeys, type ParticipantFile } from '../../participants.ts';

/**
 * The invitation form: a first one (POST), or the same invitation again while it is unused (PUT), to the same or a
 * corrected address. An address someone else uses is refused next to the field.
 */
function InvitationForm({
  file,
  again,
  onSent,
}: {
  file: ParticipantFile;
  again: boolean;
  onSent: (email: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const invitation = useApiForm({
    formId: 'portal',
    initialValues: { email: file.portalAccount?.email ?? file.email },
    validate: contractRules(t, portalAccountCreate, (values) => values, {
      email: t('validation.emailInvalid'),
    }),
    labelOf: () => t('portalAccount.email'),
    send: ({ email }) => {
      const request = { params: { id: file.id }, body: { email: email.trim() } };
      return again
        ? api.put('/api/participants/:id/portal-account', request)
        : api.post('/api/participants/:id/portal-account', request);
    },
    onSaved: (data, _, { email }) => {
      queryClient.setQueryData(participantKeys.file(file.id), data);
      onSent(email.trim());
    },
  });
  return (
    <form noValidate onSubmit={invitation.onSubmit}>
      <Stack gap="sm" maw={480}>
        <ErrorSummary {...invitation.summary} />
        <TextInput
          {...invitation.field('email')}
          type="email"
          dir="ltr"
          label={t('portalAccount.email')}
          description={again ? t('portalAccount.emailAgainHelp') : undefined}
          autoComplete="off"
        />
        <Group>
          <Button
            type="submit"
            loading={invitation.pending}
            leftSection={
              again ? (
                <IconMailForward size={18} aria-hidden="true" className="rtl-flip" />
              ) : (
                <IconSend size={18} aria-hidden="true" className="rtl-flip" />
              )
            }
          >
            {t(again ? 'portalAccount.sendAgain' : 'portalAccount.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The participant's own login: none yet (send an invitation, in their language), invited but not used yet (when
 * and to which address; send it again, to a corrected address if need be), or active.
 */
export function PortalAccount({ file }: { file: ParticipantFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [sent, setSent] = useState<string | null>(null);
  const account = file.portalAccount;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="portal-title">
      <Title order={2} size="h3" id="portal-title" mb="sm">
        {t('portalAccount.title')}
      </Title>
      {sent && (
        <SuccessMessage>
          <span className="break-anywhere">{t('portalAccount.sent', { email: sent })}</span>
        </SuccessMessage>
      )}
      {account?.status === 'active' ? (
        <Group gap="xs" wrap="nowrap">
          <IconCircleCheck size={18} aria-hidden="true" />
          <Text>{t('portalAccount.has')}</Text>
        </Group>
      ) : (
        <Stack gap="sm">
          {account ? (
            <Text data-testid="portal-invited">
              <Trans
                i18nKey={account.invitedAt ? 'portalAccount.invited' : 'portalAccount.invitedNoDate'}
                values={{ date: format.date(account.invitedAt), email: account.email }}
                components={{ email: <bdi className="break-anywhere" /> }}
              />
            </Text>
          ) : (
            <Text size="sm">{t('portalAccount.intro')}</Text>
          )}
          <InvitationForm file={file} again={!!account} onSent={setSent} />
        </Stack>
      )}
    </Paper>
  );
}
