import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCircleCheck, IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { contactChannels, genders, referrerKinds } from '../../../shared/participants.ts';
import { api, ApiError, type BodyOf, type ResponseOf } from '../../api.ts';
import { assignmentsFor, hasRole, useMe } from '../../auth/me.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorSummary } from '../../components/Feedback.tsx';
import {
  applyServerError,
  emailPattern,
  fieldId,
  phonePattern,
  summaryItems,
  useFormFeedback,
} from '../../components/form.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { participantKeys, portalLanguageOptions, todayIso } from '../../participants.ts';
import { useAllMunicipalities } from '../../queries.ts';

const formId = 'referral';
const fields = [
  'name',
  'permitName',
  'dateOfBirth',
  'gender',
  'municipalityCode',
  'preferredLanguage',
  'contactChannel',
  'phone',
  'email',
  'referredOn',
  'referrerKind',
  'motivation',
] as const;
type Duplicate = { id: string; name: string };
type Created = ResponseOf<'POST', '/api/participants'>;
type Referral = NonNullable<BodyOf<'POST', '/api/participants'>>;
/** The referral as the form holds it: every field filled in, no date of birth and no referrer as `''`. */
type Values = Required<
  Omit<Referral, 'dateOfBirth' | 'referrerKind' | 'confirmNotDuplicate' | 'preferredLanguage'>
> & {
  dateOfBirth: string;
  referrerKind: Referral['referrerKind'] | '';
  /** Asked, never pre-filled: guessing from someone's origin gets it wrong (a Tigrinya speaker got Arabic). */
  preferredLanguage: Referral['preferredLanguage'] | '';
};

/** A referral: a municipality or the coach team registers someone for a trajectory. */
export default function NewParticipantPage() {
  const { t, i18n } = useTranslation();
  const me = useMe().data!;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const feedback = useFormFeedback();
  const [duplicates, setDuplicates] = useState<Duplicate[]>([]);
  const [notDuplicate, setNotDuplicate] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const onlyOwn =
    hasRole(me, 'municipality_staff') && !hasRole(me, 'coach', 'regional_lead', 'national_lead');
  const own = assignmentsFor(me, 'municipality_staff').flatMap((r) =>
    r.municipalityCode
      ? [{ value: r.municipalityCode, label: r.municipalityName ?? r.municipalityCode }]
      : [],
  );
  const municipalities = useAllMunicipalities(undefined, !onlyOwn);
  const municipalityOptions = onlyOwn
    ? own
    : [
        { value: '', label: t('referral.choose') },
        ...(municipalities.data?.items ?? []).map((m) => ({ value: m.code, label: m.name })),
      ];

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: '',
      permitName: '',
      dateOfBirth: '',
      gender: 'not_given',
      municipalityCode: onlyOwn ? (own[0]?.value ?? '') : '',
      preferredLanguage: '',
      contactChannel: 'phone',
      phone: '',
      email: '',
      referredOn: todayIso(),
      referrerKind: onlyOwn ? 'municipality' : '',
      motivation: '',
    },
    validate: {
      name: (v) => (!v.trim() ? t('validation.nameRequired') : null),
      municipalityCode: (v) => (!v ? t('validation.municipalityRequired') : null),
      referredOn: (v) => (!v ? t('validation.dateRequired') : null),
      referrerKind: (v) => (!v ? t('validation.choose') : null),
      preferredLanguage: (v) => (!v ? t('validation.choose') : null),
      phone: (v) => (v.trim() && !phonePattern.test(v.trim()) ? t('validation.phoneInvalid') : null),
      email: (v) => (v.trim() && !emailPattern.test(v.trim()) ? t('validation.emailInvalid') : null),
    },
  });

  const create = useMutation({
    mutationFn: (values: Values) =>
      api.post('/api/participants', {
        body: {
          ...values,
          name: values.name.trim(),
          permitName: values.permitName.trim(),
          dateOfBirth: values.dateOfBirth || null,
          referrerKind: values.referrerKind || 'other', // required by validation
          preferredLanguage: values.preferredLanguage || 'nl', // required by validation
          phone: values.phone.trim(),
          email: values.email.trim(),
          confirmNotDuplicate: notDuplicate,
        },
      }),
  });

  const label = (path: string) => t(`referral.${path}`);
  const items = summaryItems(formId, form.errors, label, feedback.general);
  const submit = form.onSubmit(
    async (values) => {
      feedback.setGeneral(null);
      try {
        const answer = await create.mutateAsync(values);
        void queryClient.invalidateQueries({ queryKey: participantKeys.all });
        // Municipality staff get a confirmation with what happens next; the coach team goes on in the file.
        if (onlyOwn) {
          setCreated(answer);
          window.scrollTo(0, 0);
        } else navigate(`/participants/${answer.participantId}`);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'participant.possible_duplicate') {
          const existing = (error.details as { existing?: Duplicate[] } | undefined)?.existing ?? [];
          setDuplicates(existing);
          setNotDuplicate(false);
          window.setTimeout(() => document.getElementById('duplicate-warning')?.focus(), 0);
          return;
        }
        applyServerError(
          t,
          error,
          form,
          (path) => (fields as readonly string[]).includes(path),
          feedback.setGeneral,
        );
        feedback.focusSummary();
      }
    },
    () => {
      feedback.setGeneral(null);
      feedback.focusSummary();
    },
  );

  const language = i18n.language;
  if (created)
    return (
      <ReferralSent
        created={created}
        onAnother={() => {
          form.reset();
          setDuplicates([]);
          setNotDuplicate(false);
          setCreated(null);
        }}
      />
    );
  return (
    <Stack gap="lg" maw={800}>
      <PageTitle title={t('referral.title')} />
      <Text>{t('referral.intro')}</Text>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ErrorSummary id={feedback.summaryId} items={items} />
            {duplicates.length > 0 && (
              <Alert
                id="duplicate-warning"
                tabIndex={-1}
                color="orange"
                variant="light"
                styles={{ title: { color: 'var(--mantine-color-black)' } }}
                role="alert"
                icon={<IconAlertTriangle aria-hidden="true" />}
                title={t('referral.duplicateTitle')}
              >
                <Stack gap="xs">
                  <Text size="sm">{t('errors.participant.possible_duplicate')}</Text>
                  <List size="sm">
                    {duplicates.map((d) => (
                      <List.Item key={d.id}>
                        <Anchor component={Link} to={`/participants/${d.id}`} dir="auto">
                          {d.name}
                        </Anchor>
                      </List.Item>
                    ))}
                  </List>
                  <Checkbox
                    label={t('referral.notDuplicate')}
                    checked={notDuplicate}
                    onChange={(event) => setNotDuplicate(event.currentTarget.checked)}
                  />
                </Stack>
              </Alert>
            )}
            <TextInput
              id={fieldId(formId, 'name')}
              label={label('name')}
              description={t('referral.nameHelp')}
              dir="auto"
              autoComplete="off"
              required
              {...form.getInputProps('name')}
            />
            <TextInput
              id={fieldId(formId, 'permitName')}
              label={label('permitName')}
              description={t('referral.permitNameHelp')}
              dir="auto"
              autoComplete="off"
              {...form.getInputProps('permitName')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField
                id={fieldId(formId, 'dateOfBirth')}
                label={label('dateOfBirth')}
                {...form.getInputProps('dateOfBirth')}
              />
              <NativeSelect
                id={fieldId(formId, 'gender')}
                label={label('gender')}
                data={genders.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
                {...form.getInputProps('gender')}
              />
              <NativeSelect
                id={fieldId(formId, 'municipalityCode')}
                label={label('municipalityCode')}
                required
                data={municipalityOptions}
                {...form.getInputProps('municipalityCode')}
              />
              <NativeSelect
                id={fieldId(formId, 'preferredLanguage')}
                label={label('preferredLanguage')}
                description={label('preferredLanguageHelp')}
                required
                data={[{ value: '', label: t('referral.choose') }, ...portalLanguageOptions(language)]}
                {...form.getInputProps('preferredLanguage')}
              />
              <NativeSelect
                id={fieldId(formId, 'contactChannel')}
                label={label('contactChannel')}
                data={contactChannels.map((c) => ({ value: c, label: t(`contactChannel.${c}`) }))}
                {...form.getInputProps('contactChannel')}
              />
              <TextInput
                id={fieldId(formId, 'phone')}
                type="tel"
                dir="ltr"
                label={label('phone')}
                autoComplete="off"
                {...form.getInputProps('phone')}
              />
              <TextInput
                id={fieldId(formId, 'email')}
                type="email"
                dir="ltr"
                label={label('email')}
                autoComplete="off"
                {...form.getInputProps('email')}
              />
              <DateField
                id={fieldId(formId, 'referredOn')}
                label={label('referredOn')}
                required
                {...form.getInputProps('referredOn')}
              />
              <NativeSelect
                id={fieldId(formId, 'referrerKind')}
                label={label('referrerKind')}
                required
                data={[
                  { value: '', label: t('referral.choose') },
                  ...referrerKinds.map((k) => ({ value: k, label: t(`referrerKind.${k}`) })),
                ]}
                {...form.getInputProps('referrerKind')}
              />
            </SimpleGrid>
            <Textarea
              id={fieldId(formId, 'motivation')}
              label={label('motivation')}
              description={t('referral.motivationHelp')}
              dir="auto"
              autosize
              minRows={3}
              {...form.getInputProps('motivation')}
            />
            <Group justify="space-between" mt="sm">
              <Anchor component={Link} to="/participants">
                {t('common.cancel')}
              </Anchor>
              <Button
                type="submit"
                loading={create.isPending}
                leftSection={<IconSend size={18} aria-hidden="true" className="rtl-flip" />}
              >
                {t('referral.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

/** After referring: it is registered, what happens next, and who the regional project lead is. */
function ReferralSent({ created, onAnother }: { created: Created; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={720}>
      <PageTitle title={t('referral.sentTitle')} />
      <Alert
        color="green"
        variant="light"
        role="status"
        icon={<IconCircleCheck aria-hidden="true" />}
        styles={{ title: { color: 'var(--mantine-color-black)' } }}
        title={t('referral.sentLead')}
      >
        {t('referral.sentText')}
      </Alert>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="next-title">
        <Title order={2} size="h3" id="next-title" mb="sm">
          {t('referral.nextTitle')}
        </Title>
        <List type="ordered" spacing="xs">
          <List.Item>{t('referral.next1')}</List.Item>
          <List.Item>{t('referral.next2')}</List.Item>
          <List.Item>{t('referral.next3')}</List.Item>
        </List>
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="lead-title">
        <Title order={2} size="h3" id="lead-title" mb="sm">
          {t('referral.leadTitle')}
        </Title>
        {created.regionalLeads.length === 0 ? (
          <Text>{t('referral.noLead')}</Text>
        ) : (
          <Stack gap="xs">
            {created.regionName && <Text>{t('referral.leadOf', { region: created.regionName })}</Text>}
            <List spacing="xs" data-testid="regional-leads">
              {created.regionalLeads.map((lead) => (
                <List.Item key={lead.email}>
                  <span dir="auto">{lead.name}</span>
                  {' – '}
                  <Anchor href={`mailto:${lead.email}`} dir="ltr" className="break-anywhere">
                    {lead.email}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Paper>
      <Text>{t('referral.correctUntil')}</Text>
      <Group>
        <Button component={Link} to={`/participants/${created.participantId}`}>
          {t('referral.openReferral')}
        </Button>
        <Button variant="default" onClick={onAnother}>
          {t('referral.another')}
        </Button>
      </Group>
    </Stack>
  );
}
