import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  List,
  NativeSelect,
  Paper,
  Checkbox,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { Partnership } from '../../shared/contracts/index.ts';
import {
  contactRoles,
  partnershipStatuses,
  sectors,
  type Sector,
} from '../../shared/contracts/organisation.ts';
import { api, ApiError, type BodyOf } from '../api.ts';
import { assignmentsFor, useMe } from '../auth/me.ts';
import { DateField } from '../components/DateField.tsx';
import { ErrorSummary, InfoMessage, Loading, QueryError, SuccessMessage } from '../components/Feedback.tsx';
import {
  applyServerError,
  emailPattern,
  fieldId,
  phonePattern,
  summaryItems,
  useFormFeedback,
} from '../components/form.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { useFormat } from '../i18n/format.ts';
import { organisationKeys, useAllMunicipalities } from '../queries.ts';

type ContactRole = (typeof contactRoles)[number];
type Status = (typeof partnershipStatuses)[number];
type Contact = { role: ContactRole; name: string; email: string; phone: string };
type Values = {
  municipalityCode: string;
  status: Status;
  startsOn: string;
  endsOn: string;
  contacts: Contact[];
  goals: string;
  communication: string;
  sectorFocus: Sector[];
  notes: string;
};
type Editable = Exclude<keyof Values, 'municipalityCode'>;
const editable: Editable[] = [
  'status',
  'startsOn',
  'endsOn',
  'contacts',
  'goals',
  'communication',
  'sectorFocus',
  'notes',
];
const formId = 'partnership';

const emptyValues: Values = {
  municipalityCode: '',
  status: 'draft',
  startsOn: '',
  endsOn: '',
  contacts: [],
  goals: '',
  communication: '',
  sectorFocus: [],
  notes: '',
};

const toValues = (p: Partnership): Values => ({
  municipalityCode: p.municipalityCode,
  status: p.status,
  startsOn: p.startsOn ?? '',
  endsOn: p.endsOn ?? '',
  contacts: p.contacts.map((c) => ({
    role: c.role,
    name: c.name,
    email: c.email ?? '',
    phone: c.phone ?? '',
  })),
  goals: p.goals,
  communication: p.communication,
  sectorFocus: [...p.sectorFocus],
  notes: p.notes,
});

/** The body the API expects for one field. */
function fieldBody(values: Values, key: Editable) {
  switch (key) {
    case 'startsOn':
    case 'endsOn':
      return values[key] || null;
    case 'contacts':
      return values.contacts.map((c) => ({
        role: c.role,
        name: c.name.trim(),
        ...(c.email.trim() ? { email: c.email.trim() } : {}),
        ...(c.phone.trim() ? { phone: c.phone.trim() } : {}),
      }));
    case 'goals':
    case 'communication':
    case 'notes':
      return values[key].trim();
    default:
      return values[key];
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const changedFields = (values: Values, base: Values) =>
  editable.filter((key) => !same(fieldBody(values, key), fieldBody(base, key)));

/** Create (`/partnerships/new`) or edit (`/partnerships/:id`) a partnership with a municipality. */
export default function PartnershipPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const existing = useQuery({
    queryKey: organisationKeys.partnership(id ?? ''),
    queryFn: () => api.get('/api/partnerships/:id', { params: { id: id! } }),
    enabled: !!id,
  });
  if (id && existing.isPending) return <Loading />;
  if (id && existing.error) {
    const notFound = existing.error instanceof ApiError && existing.error.status === 404;
    return (
      <Stack gap="md">
        <PageTitle title={notFound ? t('partnership.notFound') : t('partnership.editTitleGeneric')} />
        {notFound ? (
          <Text>{t('partnership.notFoundText')}</Text>
        ) : (
          <QueryError error={existing.error} onRetry={() => void existing.refetch()} />
        )}
        <Anchor component={Link} to="/">
          {t('common.toHome')}
        </Anchor>
      </Stack>
    );
  }
  return <PartnershipForm key={existing.data?.id ?? 'new'} initial={existing.data ?? null} />;
}

function PartnershipForm({ initial }: { initial: Partnership | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const me = useMe().data!;
  const feedback = useFormFeedback();
  const isNew = !initial;

  const [record, setRecord] = useState<Partnership | null>(initial);
  const [base, setBase] = useState<Values>(initial ? toValues(initial) : emptyValues);
  const [conflict, setConflict] = useState<Partnership | null>(null);
  const [notice, setNotice] = useState<'saved' | 'created' | 'unchanged' | null>(
    (location.state as { created?: boolean } | null)?.created ? 'created' : null,
  );

  const national = me.roles.some((r) => r.role === 'national_lead');
  const ownRegions = assignmentsFor(me, 'regional_lead').flatMap((r) => (r.regionId ? [r.regionId] : []));
  const municipalities = useAllMunicipalities(undefined, isNew);
  const municipalityOptions = (municipalities.data?.items ?? [])
    .filter((m) => national || (m.regionId && ownRegions.includes(m.regionId)))
    .map((m) => ({
      value: m.code,
      label: m.partnershipStatus ? `${m.name} (${t(`partnershipStatus.${m.partnershipStatus}`)})` : m.name,
    }));

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: base,
    validate: {
      municipalityCode: (value) => (isNew && !value ? t('validation.municipalityRequired') : null),
      endsOn: (value, values) =>
        value && values.startsOn && value < values.startsOn ? t('validation.endBeforeStart') : null,
      contacts: {
        name: (value) => (!value.trim() ? t('validation.nameRequired') : null),
        email: (value) =>
          value.trim() && !emailPattern.test(value.trim()) ? t('validation.emailInvalid') : null,
        phone: (value) =>
          value.trim() && !phonePattern.test(value.trim()) ? t('validation.phoneInvalid') : null,
      },
    },
  });

  const create = useMutation({
    mutationFn: (values: Values) =>
      api.post('/api/partnerships', {
        // Each field's body is built (and typed) by `fieldBody`; together they make the contract's body.
        body: {
          municipalityCode: values.municipalityCode,
          ...Object.fromEntries(editable.map((key) => [key, fieldBody(values, key)])),
        } as BodyOf<'POST', '/api/partnerships'>,
      }),
  });
  const update = useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: Record<string, unknown> }) =>
      api.patch('/api/partnerships/:id', {
        params: { id: record!.id },
        body: { version, ...changes } as BodyOf<'PATCH', '/api/partnerships/:id'>,
      }),
  });

  const labelOf = (path: string) => {
    const [head, index, field] = path.split('.');
    if (head === 'contacts' && index !== undefined)
      return `${t('partnership.contactNumber', { number: Number(index) + 1 })}, ${t(`partnership.contact.${field}`)}`;
    return t(`partnership.${head}`);
  };
  const items = summaryItems(formId, form.errors, labelOf, feedback.general);
  const knownField = (path: string) =>
    path === 'municipalityCode' ||
    (editable as string[]).includes(path) ||
    /^contacts\.\d+\.(name|email|phone|role)$/.test(path);

  const afterSave = (saved: Partnership) => {
    void queryClient.invalidateQueries({ queryKey: organisationKeys.partnerships });
    void queryClient.invalidateQueries({ queryKey: organisationKeys.municipalities });
    queryClient.setQueryData(organisationKeys.partnership(saved.id), saved);
  };

  const save = async (values: Values, version: number | undefined, against: Values) => {
    feedback.setGeneral(null);
    setNotice(null);
    try {
      if (isNew) {
        const created = await create.mutateAsync(values);
        afterSave(created);
        navigate(`/partnerships/${created.id}`, { replace: true, state: { created: true } });
        return;
      }
      const changed = changedFields(values, against);
      if (changed.length === 0) {
        setNotice('unchanged');
        return;
      }
      const saved = await update.mutateAsync({
        version: version!,
        changes: Object.fromEntries(changed.map((key) => [key, fieldBody(values, key)])),
      });
      afterSave(saved);
      const next = toValues(saved);
      setRecord(saved);
      setBase(next);
      form.setValues(next);
      form.resetDirty(next);
      setNotice('saved');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'resource.conflict') {
        const current = (error.details as { current?: Partnership } | undefined)?.current;
        if (current) {
          setConflict(current);
          feedback.focusSummary();
          return;
        }
      }
      applyServerError(t, error, form, knownField, feedback.setGeneral);
      feedback.focusSummary();
    }
  };

  const submit = form.onSubmit(
    (values) => save(values, record?.version, base),
    () => {
      feedback.setGeneral(null);
      feedback.focusSummary();
    },
  );

  const loadTheirs = () => {
    if (!conflict) return;
    const theirs = toValues(conflict);
    setRecord(conflict);
    setBase(theirs);
    form.setValues(theirs);
    form.resetDirty(theirs);
    setConflict(null);
    queryClient.setQueryData(['partnership', conflict.id], conflict);
  };
  // Only the fields this person changed go on top of the other version; the other person's changes stay.
  const keepMine = () => {
    if (!conflict) return;
    setRecord(conflict);
    setConflict(null);
    void save(form.getValues(), conflict.version, base);
  };
  const theirChanges = conflict ? changedFields(toValues(conflict), base) : [];

  const title = isNew
    ? t('partnership.newTitle')
    : t('partnership.editTitle', { name: record?.municipalityName ?? '' });
  const saving = create.isPending || update.isPending;

  return (
    <Stack gap="lg" maw={880}>
      <Stack gap={4}>
        <PageTitle title={title} />
        {record && (
          <Text size="sm">
            {[record.regionName, t('partnership.lastChanged', { date: format.dateTime(record.updatedAt) })]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
      </Stack>

      {notice === 'saved' && <SuccessMessage>{t('partnership.saved')}</SuccessMessage>}
      {notice === 'created' && <SuccessMessage>{t('partnership.created')}</SuccessMessage>}
      {notice === 'unchanged' && <InfoMessage>{t('partnership.unchanged')}</InfoMessage>}

      {conflict && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden="true" />}
          title={t('partnership.conflictTitle')}
          id={feedback.summaryId}
          tabIndex={-1}
        >
          <Stack gap="sm">
            <Text size="sm">{t('partnership.conflictText')}</Text>
            {theirChanges.length > 0 && (
              <div>
                <Text size="sm" fw={600}>
                  {t('partnership.conflictChanged')}
                </Text>
                <List size="sm">
                  {theirChanges.map((key) => (
                    <List.Item key={key}>{t(`partnership.${key}`)}</List.Item>
                  ))}
                </List>
              </div>
            )}
            <Group gap="sm">
              <Button size="sm" onClick={loadTheirs}>
                {t('partnership.loadTheirs')}
              </Button>
              <Button size="sm" variant="outline" onClick={keepMine}>
                {t('partnership.keepMine')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}

      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {!conflict && <ErrorSummary id={feedback.summaryId} items={items} />}
            {isNew && (
              <NativeSelect
                id={fieldId(formId, 'municipalityCode')}
                label={t('partnership.municipalityCode')}
                required
                disabled={municipalities.isPending}
                data={[{ value: '', label: t('invite.choose') }, ...municipalityOptions]}
                {...form.getInputProps('municipalityCode')}
              />
            )}
            <NativeSelect
              id={fieldId(formId, 'status')}
              label={t('partnership.status')}
              data={partnershipStatuses.map((s) => ({ value: s, label: t(`partnershipStatus.${s}`) }))}
              {...form.getInputProps('status')}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <DateField
                id={fieldId(formId, 'startsOn')}
                label={t('partnership.startsOn')}
                {...form.getInputProps('startsOn')}
              />
              <DateField
                id={fieldId(formId, 'endsOn')}
                label={t('partnership.endsOn')}
                {...form.getInputProps('endsOn')}
              />
            </SimpleGrid>
            <Checkbox.Group
              id={fieldId(formId, 'sectorFocus')}
              label={t('partnership.sectorFocus')}
              description={t('partnership.sectorHelp')}
              {...form.getInputProps('sectorFocus')}
            >
              <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="xs" mt="xs">
                {sectors.map((sector) => (
                  <Checkbox key={sector} value={sector} label={t(`sectors.${sector}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Textarea
              dir="auto"
              id={fieldId(formId, 'goals')}
              label={t('partnership.goals')}
              description={t('partnership.goalsHelp')}
              autosize
              minRows={3}
              maxLength={5000}
              {...form.getInputProps('goals')}
            />
            <Textarea
              dir="auto"
              id={fieldId(formId, 'communication')}
              label={t('partnership.communication')}
              description={t('partnership.communicationHelp')}
              autosize
              minRows={2}
              maxLength={5000}
              {...form.getInputProps('communication')}
            />

            <Stack gap="sm" component="section" aria-labelledby="contacts-title">
              <Title order={2} size="h4" id="contacts-title">
                {t('partnership.contacts')}
              </Title>
              {form.values.contacts.length === 0 && <Text size="sm">{t('partnership.noContacts')}</Text>}
              {form.values.contacts.map((_contact, index) => {
                const path = (field: string) => `contacts.${index}.${field}`;
                return (
                  <Fieldset
                    key={index}
                    legend={t('partnership.contactNumber', { number: index + 1 })}
                    radius="md"
                  >
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                      <NativeSelect
                        id={fieldId(formId, path('role'))}
                        label={t('partnership.contact.role')}
                        data={contactRoles.map((r) => ({ value: r, label: t(`contactRoles.${r}`) }))}
                        {...form.getInputProps(path('role'))}
                      />
                      <TextInput
                        id={fieldId(formId, path('name'))}
                        label={t('partnership.contact.name')}
                        required
                        {...form.getInputProps(path('name'))}
                      />
                      <TextInput
                        id={fieldId(formId, path('email'))}
                        type="email"
                        dir="ltr"
                        label={t('partnership.contact.email')}
                        {...form.getInputProps(path('email'))}
                      />
                      <TextInput
                        id={fieldId(formId, path('phone'))}
                        type="tel"
                        dir="ltr"
                        label={t('partnership.contact.phone')}
                        {...form.getInputProps(path('phone'))}
                      />
                    </SimpleGrid>
                    <Group justify="flex-end" mt="sm">
                      <ActionIcon
                        variant="subtle"
                        color="red.9"
                        size="lg"
                        aria-label={t('partnership.removeContact', { number: index + 1 })}
                        onClick={() => form.removeListItem('contacts', index)}
                      >
                        <IconTrash size={18} aria-hidden="true" />
                      </ActionIcon>
                    </Group>
                  </Fieldset>
                );
              })}
              {form.values.contacts.length < 20 && (
                <Group>
                  <Button
                    variant="default"
                    leftSection={<IconPlus size={16} aria-hidden="true" />}
                    onClick={() =>
                      form.insertListItem('contacts', {
                        role: 'client_manager',
                        name: '',
                        email: '',
                        phone: '',
                      })
                    }
                  >
                    {t('partnership.addContact')}
                  </Button>
                </Group>
              )}
            </Stack>

            <Textarea
              dir="auto"
              id={fieldId(formId, 'notes')}
              label={t('partnership.notes')}
              autosize
              minRows={2}
              maxLength={5000}
              {...form.getInputProps('notes')}
            />
            <Group justify="space-between" mt="sm">
              <Anchor component={Link} to="/">
                {t('common.cancel')}
              </Anchor>
              <Button
                type="submit"
                loading={saving}
                disabled={!!conflict}
                leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
              >
                {isNew ? t('partnership.create') : t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
