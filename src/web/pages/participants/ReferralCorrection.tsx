import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDeviceFloppy, IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { referralCorrection } from '../../../shared/contracts/participants.ts';
import { contactChannels, genders, referrerKinds } from '../../../shared/participants.ts';
import { api, ApiError, type BodyOf } from '../../api.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorSummary } from '../../components/Feedback.tsx';
import { contractRules, useApiForm } from '../../components/form.ts';
import { errorText } from '../../errors.ts';
import { commonLanguages, displayName, participantKeys, type ReferralStatus } from '../../participants.ts';

type Details = NonNullable<ReferralStatus['correction']>;
type Correction = NonNullable<BodyOf<'PATCH', '/api/participants/:id/referral'>>;
/** The form holds every field as text; no date of birth is `''`. */
type Values = Omit<Details, 'version' | 'dateOfBirth'> & { dateOfBirth: string };

const toValues = ({ version: _version, dateOfBirth, ...rest }: Details): Values => ({
  ...rest,
  dateOfBirth: dateOfBirth ?? '',
});

/** Only what changed is sent: the audit line then names exactly the corrected fields. */
function toRequest(values: Values, before: Details): Correction {
  const after: Record<string, unknown> = { ...values, dateOfBirth: values.dateOfBirth || null };
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after))
    if (value !== (before as Record<string, unknown>)[key]) changed[key] = value;
  return { ...changed, version: before.version } as Correction;
}

/**
 * The correction window: while the lead has not taken the referral up, its referrer can correct what they sent.
 * Once it has moved on, the server says so (409) and the page shows the phase only.
 */
export function ReferralCorrection({ participantId, details }: { participantId: string; details: Details }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const labelOf = (path: string) => t(`referral.${path}`);
  const correction = useApiForm<Values, unknown>({
    formId: 'correction',
    initialValues: toValues(details),
    validate: contractRules<Values>(t, referralCorrection, (values) => toRequest(values, details), {
      name: t('validation.nameRequired'),
      phone: t('validation.phoneInvalid'),
      email: t('validation.emailInvalid'),
    }),
    labelOf,
    send: (values) =>
      api.patch('/api/participants/:id/referral', {
        params: { id: participantId },
        body: toRequest(values, details),
      }),
    onSaved: () => {
      setSaved(true);
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: participantKeys.one(participantId) });
    },
    onRefused: (error) => {
      if (
        error instanceof ApiError &&
        ['participant.referral_moved_on', 'resource.conflict'].includes(error.code)
      ) {
        void queryClient.invalidateQueries({ queryKey: participantKeys.one(participantId) });
        return errorText(t, error);
      }
      return false;
    },
  });

  if (!open)
    return (
      <Stack gap="xs" align="flex-start">
        {saved && (
          <Alert color="green" variant="light" role="status">
            {t('correction.saved')}
          </Alert>
        )}
        <Text>{t('correction.intro')}</Text>
        <Button
          variant="default"
          leftSection={<IconPencil size={18} aria-hidden="true" />}
          onClick={() => {
            correction.form.setValues(toValues(details));
            correction.form.resetDirty(toValues(details));
            setSaved(false);
            setOpen(true);
          }}
        >
          {t('correction.open')}
        </Button>
      </Stack>
    );

  const language = i18n.language;
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="correction-title"
    >
      <form onSubmit={correction.onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="correction-title">
            {t('correction.title')}
          </Title>
          <Text size="sm">{t('correction.help')}</Text>
          <ErrorSummary id={correction.summary.id} items={correction.summary.items} />
          <TextInput
            {...correction.field('name')}
            label={labelOf('name')}
            dir="auto"
            autoComplete="off"
            required
          />
          <TextInput
            {...correction.field('permitName')}
            label={labelOf('permitName')}
            description={t('referral.permitNameHelp')}
            dir="auto"
            autoComplete="off"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField {...correction.field('dateOfBirth')} label={labelOf('dateOfBirth')} />
            <NativeSelect
              {...correction.field('gender')}
              label={labelOf('gender')}
              data={genders.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
            />
            <NativeSelect
              {...correction.field('preferredLanguage')}
              label={labelOf('preferredLanguage')}
              data={[...new Set([details.preferredLanguage, ...commonLanguages])].map((code) => ({
                value: code,
                label: displayName('language', code, language),
              }))}
            />
            <NativeSelect
              {...correction.field('contactChannel')}
              label={labelOf('contactChannel')}
              data={contactChannels.map((c) => ({ value: c, label: t(`contactChannel.${c}`) }))}
            />
            <TextInput
              {...correction.field('phone')}
              type="tel"
              dir="ltr"
              label={labelOf('phone')}
              autoComplete="off"
            />
            <TextInput
              {...correction.field('email')}
              type="email"
              dir="ltr"
              label={labelOf('email')}
              autoComplete="off"
            />
            <DateField {...correction.field('referredOn')} label={labelOf('referredOn')} required />
            <NativeSelect
              {...correction.field('referrerKind')}
              label={labelOf('referrerKind')}
              data={referrerKinds.map((k) => ({ value: k, label: t(`referrerKind.${k}`) }))}
            />
          </SimpleGrid>
          <Textarea
            {...correction.field('motivation')}
            label={labelOf('motivation')}
            dir="auto"
            autosize
            minRows={3}
          />
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={correction.pending}
              leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
            >
              {t('correction.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
