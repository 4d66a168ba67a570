import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconDeviceFloppy, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  cefrLevels,
  cefrSkills,
  contactChannels,
  educationLevels,
  genders,
  integrationRoutes,
  levelSources,
  valuationStatuses,
  weekdays,
} from '../../../shared/participants.ts';
import { api, ApiError } from '../../api.ts';
import { ErrorSummary, SuccessMessage } from '../../components/Feedback.tsx';
import {
  applyServerError,
  emailPattern,
  fieldId,
  phonePattern,
  useFormFeedback,
} from '../../components/form.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { errorText } from '../../errors.ts';
import { useFormat } from '../../i18n/format.ts';
import {
  commonLanguages,
  displayName,
  fileKey,
  todayIso,
  type FileResponse,
  type ParticipantFile,
} from '../../participants.ts';

const formId = 'profile';
/** Countries people who come to the Netherlands as refugees often come from, and the Netherlands itself. */
const commonCountries = ['SY', 'ER', 'AF', 'TR', 'IR', 'IQ', 'YE', 'SO', 'ET', 'SD', 'UA', 'PS', 'LB', 'NL'];

type Occupation = { escoUri: string | null; text: string };
type Education = ParticipantFile['education'][number];
type Work = ParticipantFile['workExperience'][number];

/** Country choice: common countries plus the current value, names in the reader's language. */
function CountrySelect({
  id,
  label,
  value,
  onChange,
}: {
  id?: string;
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const codes = value && !commonCountries.includes(value) ? [value, ...commonCountries] : commonCountries;
  return (
    <NativeSelect
      id={id}
      label={label}
      value={value ?? ''}
      onChange={(event) => onChange(event.currentTarget.value || null)}
      data={[
        { value: '', label: t('profile.unknown') },
        ...codes
          .map((code) => ({ value: code, label: displayName('region', code, i18n.language) }))
          .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
      ]}
    />
  );
}

/** Free text with ESCO suggestions (Dutch and English labels); picking one links the ESCO occupation. */
function OccupationField({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: Occupation;
  onChange: (value: Occupation) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [focused, setFocused] = useState(false);
  const [q] = useDebouncedValue(value.text.trim(), 300);
  const suggestions = useQuery({
    queryKey: ['occupations', q],
    queryFn: () =>
      api<{ items: { uri: string; labelNl: string; labelEn: string }[] }>('/api/occupations', {
        query: { q, limit: 6 },
      }),
    enabled: focused && q.length >= 2 && !value.escoUri,
    staleTime: 60_000,
  });
  const items = focused && !value.escoUri ? (suggestions.data?.items ?? []) : [];
  return (
    <Stack gap={4}>
      <TextInput
        id={id}
        label={label}
        description={value.escoUri ? t('profile.escoLinked') : t('profile.escoHelp')}
        dir="auto"
        value={value.text}
        error={error}
        onFocus={() => setFocused(true)}
        onChange={(event) => onChange({ escoUri: null, text: event.currentTarget.value })}
      />
      {items.length > 0 && (
        <Stack gap={2} role="group" aria-label={t('profile.escoSuggestions')}>
          {items.map((o) => (
            <UnstyledButton
              key={o.uri}
              onClick={() => onChange({ escoUri: o.uri, text: o.labelNl })}
              p={6}
              style={{ borderRadius: 6, border: '1px solid var(--mantine-color-gray-4)' }}
            >
              <Text size="sm" fw={600}>
                {o.labelNl}
              </Text>
              <Text size="xs" lang="en">
                {o.labelEn}
              </Text>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** The intake: everything optional, saved with the version it started from. */
export default function ProfileTab({ file }: { file: ParticipantFile }) {
  return (
    <Stack gap="xl">
      <ProfileForm key={file.version} file={file} />
      <LanguageLevels file={file} />
    </Stack>
  );
}

function ProfileForm({ file }: { file: ParticipantFile }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const feedback = useFormFeedback();
  const seesOrigin = 'nationality' in file;
  const [v, setV] = useState({
    name: file.name,
    permitName: file.permitName,
    dateOfBirth: file.dateOfBirth ?? '',
    gender: file.gender as string,
    nationality: file.nationality ?? null,
    countryOfBirth: file.countryOfBirth ?? null,
    languages: file.languages,
    preferredLanguage: file.preferredLanguage,
    contactChannel: file.contactChannel as string,
    phone: file.phone,
    email: file.email,
    arrivalDate: file.arrivalDate ?? '',
    permitDate: file.permitDate ?? '',
    pipDate: file.pipDate ?? '',
    integrationRoute: file.integrationRoute as string,
    hasDrivingLicence: file.hasDrivingLicence,
    days: file.availability.days,
    hoursPerWeek: file.availability.hoursPerWeek as number | string | null,
    childcare: file.constraints.childcare,
    healthLimitsAvailability: file.constraints.healthLimitsAvailability,
    healthHoursPerWeek: file.constraints.healthHoursPerWeek as number | string | null,
    dreamJob: file.ambitions.dreamJob,
    nextStep: file.ambitions.nextStep,
    sectors: file.ambitions.sectors.join(', '),
    education: file.education,
    workExperience: file.workExperience,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<typeof v>) => {
    setSaved(false);
    setV((old) => ({ ...old, ...patch }));
  };
  const hours = (x: number | string | null) => (x === '' || x === null ? null : Number(x));

  const save = useMutation({
    mutationFn: () =>
      api<FileResponse>(`/api/participants/${file.id}`, {
        method: 'PATCH',
        body: {
          version: file.version,
          name: v.name.trim(),
          permitName: v.permitName.trim(),
          dateOfBirth: v.dateOfBirth || null,
          gender: v.gender,
          ...(seesOrigin ? { nationality: v.nationality, countryOfBirth: v.countryOfBirth } : {}),
          languages: v.languages,
          preferredLanguage: v.preferredLanguage,
          contactChannel: v.contactChannel,
          phone: v.phone.trim(),
          email: v.email.trim(),
          arrivalDate: v.arrivalDate || null,
          permitDate: v.permitDate || null,
          pipDate: v.pipDate || null,
          integrationRoute: v.integrationRoute,
          hasDrivingLicence: v.hasDrivingLicence,
          availability: { days: v.days, hoursPerWeek: hours(v.hoursPerWeek) },
          constraints: {
            childcare: v.childcare,
            healthLimitsAvailability: v.healthLimitsAvailability,
            healthHoursPerWeek: v.healthLimitsAvailability ? hours(v.healthHoursPerWeek) : null,
          },
          ambitions: {
            dreamJob: { escoUri: v.dreamJob.escoUri, text: v.dreamJob.text.trim() },
            nextStep: { escoUri: v.nextStep.escoUri, text: v.nextStep.text.trim() },
            sectors: v.sectors
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          },
          education: v.education,
          workExperience: v.workExperience.map((w) => ({ ...w, occupation: w.occupation.trim() })),
        },
      }),
  });

  const labelOf = (path: string) => {
    const [head, index, field] = path.split('.');
    if (head === 'education' || head === 'workExperience')
      return `${t(`profile.${head}N`, { n: Number(index) + 1 })}, ${t(`profile.field.${field}`)}`;
    return t(`profile.field.${head}`);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    feedback.setGeneral(null);
    setConflict(false);
    const next: Record<string, string> = {};
    if (!v.name.trim()) next.name = t('validation.nameRequired');
    if (v.phone.trim() && !phonePattern.test(v.phone.trim())) next.phone = t('validation.phoneInvalid');
    if (v.email.trim() && !emailPattern.test(v.email.trim())) next.email = t('validation.emailInvalid');
    v.workExperience.forEach((w, i) => {
      if (!w.occupation.trim()) next[`workExperience.${i}.occupation`] = t('coaching.textRequired');
    });
    setErrors(next);
    if (Object.keys(next).length) return feedback.focusSummary();
    save.mutate(undefined, {
      onSuccess: (data) => {
        setSaved(true);
        queryClient.setQueryData(fileKey(file.id), data);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'resource.conflict') {
          setConflict(true);
          return;
        }
        const form = {
          errors,
          setFieldError: (path: string, message: string) => setErrors((old) => ({ ...old, [path]: message })),
        };
        applyServerError(t, error, form, () => true, feedback.setGeneral);
        feedback.focusSummary();
      },
    });
  };
  const input = (name: keyof typeof v) => ({
    id: fieldId(formId, name),
    label: t(`profile.field.${name}`),
    error: errors[name],
  });
  const language = i18n.language;
  const languageCodes = [...new Set([...v.languages, ...commonLanguages])];

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="lg">
        {saved && <SuccessMessage>{t('profile.saved')}</SuccessMessage>}
        {conflict && (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('profile.conflict')}</Text>
              <Button
                size="xs"
                variant="outline"
                color="red.9"
                c="red.9"
                leftSection={<IconRefresh size={14} aria-hidden="true" />}
                onClick={() => void queryClient.invalidateQueries({ queryKey: fileKey(file.id) })}
              >
                {t('plan.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
        <ErrorSummary
          id={feedback.summaryId}
          items={[
            ...(feedback.general ? [{ message: feedback.general }] : []),
            ...Object.entries(errors).map(([path, message]) => ({
              id: fieldId(formId, path),
              message: `${labelOf(path)}: ${message}`,
            })),
          ]}
        />

        <Fieldset legend={t('profile.personal')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              {...input('name')}
              dir="auto"
              value={v.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
            />
            <TextInput
              {...input('permitName')}
              dir="auto"
              value={v.permitName}
              onChange={(e) => set({ permitName: e.currentTarget.value })}
            />
            <TextInput
              {...input('dateOfBirth')}
              type="date"
              value={v.dateOfBirth}
              onChange={(e) => set({ dateOfBirth: e.currentTarget.value })}
            />
            <NativeSelect
              {...input('gender')}
              value={v.gender}
              onChange={(e) => set({ gender: e.currentTarget.value })}
              data={genders.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
            />
            {seesOrigin && (
              <>
                <CountrySelect
                  id={fieldId(formId, 'nationality')}
                  label={t('profile.field.nationality')}
                  value={v.nationality}
                  onChange={(nationality) => set({ nationality })}
                />
                <CountrySelect
                  id={fieldId(formId, 'countryOfBirth')}
                  label={t('profile.field.countryOfBirth')}
                  value={v.countryOfBirth}
                  onChange={(countryOfBirth) => set({ countryOfBirth })}
                />
              </>
            )}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('profile.contact')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              {...input('preferredLanguage')}
              value={v.preferredLanguage}
              onChange={(e) => set({ preferredLanguage: e.currentTarget.value })}
              data={languageCodes.map((code) => ({
                value: code,
                label: displayName('language', code, language),
              }))}
            />
            <NativeSelect
              {...input('contactChannel')}
              value={v.contactChannel}
              onChange={(e) => set({ contactChannel: e.currentTarget.value })}
              data={contactChannels.map((c) => ({ value: c, label: t(`contactChannel.${c}`) }))}
            />
            <TextInput
              {...input('phone')}
              type="tel"
              dir="ltr"
              value={v.phone}
              onChange={(e) => set({ phone: e.currentTarget.value })}
            />
            <TextInput
              {...input('email')}
              type="email"
              dir="ltr"
              value={v.email}
              onChange={(e) => set({ email: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Checkbox.Group
            mt="md"
            label={t('profile.field.languages')}
            value={v.languages}
            onChange={(languages) => set({ languages })}
          >
            <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} mt="xs" spacing="xs">
              {languageCodes.map((code) => (
                <Checkbox key={code} value={code} label={displayName('language', code, language)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </Fieldset>

        <Fieldset legend={t('profile.integration')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              {...input('arrivalDate')}
              type="date"
              value={v.arrivalDate}
              onChange={(e) => set({ arrivalDate: e.currentTarget.value })}
            />
            <TextInput
              {...input('permitDate')}
              type="date"
              value={v.permitDate}
              onChange={(e) => set({ permitDate: e.currentTarget.value })}
            />
            <TextInput
              {...input('pipDate')}
              type="date"
              value={v.pipDate}
              onChange={(e) => set({ pipDate: e.currentTarget.value })}
            />
            <NativeSelect
              {...input('integrationRoute')}
              value={v.integrationRoute}
              onChange={(e) => set({ integrationRoute: e.currentTarget.value })}
              data={integrationRoutes.map((r) => ({ value: r, label: t(`integrationRoute.${r}`) }))}
            />
          </SimpleGrid>
          <Checkbox
            mt="md"
            label={t('profile.field.hasDrivingLicence')}
            checked={v.hasDrivingLicence}
            onChange={(e) => set({ hasDrivingLicence: e.currentTarget.checked })}
          />
        </Fieldset>

        <Fieldset legend={t('profile.availability')} radius="md">
          <Checkbox.Group label={t('profile.field.days')} value={v.days} onChange={(days) => set({ days })}>
            <Group mt="xs" gap="md">
              {weekdays.map((d) => (
                <Checkbox key={d} value={d} label={t(`weekday.${d}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <NumberInput
            mt="md"
            {...input('hoursPerWeek')}
            min={0}
            max={60}
            value={v.hoursPerWeek ?? ''}
            onChange={(hoursPerWeek) => set({ hoursPerWeek })}
            maw={240}
          />
          <Stack gap="sm" mt="md">
            <Checkbox
              label={t('profile.field.childcare')}
              checked={v.childcare}
              onChange={(e) => set({ childcare: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('profile.field.healthLimitsAvailability')}
              description={t('profile.healthHelp')}
              checked={v.healthLimitsAvailability}
              onChange={(e) => set({ healthLimitsAvailability: e.currentTarget.checked })}
            />
            {v.healthLimitsAvailability && (
              <NumberInput
                {...input('healthHoursPerWeek')}
                min={0}
                max={60}
                value={v.healthHoursPerWeek ?? ''}
                onChange={(healthHoursPerWeek) => set({ healthHoursPerWeek })}
                maw={240}
              />
            )}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('profile.ambitions')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <OccupationField
              id={fieldId(formId, 'dreamJob')}
              label={t('profile.field.dreamJob')}
              value={v.dreamJob}
              onChange={(dreamJob) => set({ dreamJob })}
            />
            <OccupationField
              id={fieldId(formId, 'nextStep')}
              label={t('profile.field.nextStep')}
              value={v.nextStep}
              onChange={(nextStep) => set({ nextStep })}
            />
          </SimpleGrid>
          <TextInput
            mt="md"
            {...input('sectors')}
            description={t('profile.sectorsHelp')}
            dir="auto"
            value={v.sectors}
            onChange={(e) => set({ sectors: e.currentTarget.value })}
          />
        </Fieldset>

        <Fieldset legend={t('profile.education')} radius="md">
          <Stack gap="md">
            {v.education.map((entry, i) => {
              const put = (patch: Partial<Education>) =>
                set({ education: v.education.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
              const path = (f: string) => fieldId(formId, `education.${i}.${f}`);
              return (
                <Fieldset key={i} legend={t('profile.educationN', { n: i + 1 })} radius="md" variant="filled">
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                    <CountrySelect
                      id={path('country')}
                      label={t('profile.field.country')}
                      value={entry.country}
                      onChange={(country) => put({ country })}
                    />
                    <NativeSelect
                      id={path('level')}
                      label={t('profile.field.level')}
                      value={entry.level}
                      onChange={(e) => put({ level: e.currentTarget.value as Education['level'] })}
                      data={educationLevels.map((l) => ({ value: l, label: t(`educationLevel.${l}`) }))}
                    />
                    <TextInput
                      id={path('field')}
                      label={t('profile.field.field')}
                      dir="auto"
                      value={entry.field}
                      onChange={(e) => put({ field: e.currentTarget.value })}
                    />
                    <NumberInput
                      id={path('years')}
                      label={t('profile.field.years')}
                      min={0}
                      max={30}
                      value={entry.years ?? ''}
                      onChange={(x) => put({ years: x === '' ? null : Number(x) })}
                    />
                    <NativeSelect
                      id={path('valuation')}
                      label={t('profile.field.valuation')}
                      value={entry.valuation}
                      onChange={(e) => put({ valuation: e.currentTarget.value as Education['valuation'] })}
                      data={valuationStatuses.map((s) => ({ value: s, label: t(`valuationStatus.${s}`) }))}
                    />
                    <TextInput
                      id={path('valuationResult')}
                      label={t('profile.field.valuationResult')}
                      dir="auto"
                      value={entry.valuationResult}
                      onChange={(e) => put({ valuationResult: e.currentTarget.value })}
                    />
                  </SimpleGrid>
                  <Group justify="space-between" mt="sm">
                    <Checkbox
                      label={t('profile.field.hasDiploma')}
                      checked={entry.hasDiploma}
                      onChange={(e) => put({ hasDiploma: e.currentTarget.checked })}
                    />
                    <Button
                      variant="subtle"
                      color="red.9"
                      c="red.9"
                      size="xs"
                      leftSection={<IconTrash size={14} aria-hidden="true" />}
                      onClick={() => set({ education: v.education.filter((_, j) => j !== i) })}
                    >
                      {t('profile.removeEducation', { n: i + 1 })}
                    </Button>
                  </Group>
                </Fieldset>
              );
            })}
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={() =>
                  set({
                    education: [
                      ...v.education,
                      {
                        country: null,
                        level: 'secondary',
                        field: '',
                        years: null,
                        hasDiploma: false,
                        valuation: 'not_requested',
                        valuationResult: '',
                      },
                    ],
                  })
                }
              >
                {t('profile.addEducation')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('profile.work')} radius="md">
          <Stack gap="md">
            {v.workExperience.map((entry, i) => {
              const put = (patch: Partial<Work>) =>
                set({ workExperience: v.workExperience.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
              const path = (f: string) => fieldId(formId, `workExperience.${i}.${f}`);
              return (
                <Fieldset
                  key={i}
                  legend={t('profile.workExperienceN', { n: i + 1 })}
                  radius="md"
                  variant="filled"
                >
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <OccupationField
                      id={path('occupation')}
                      label={t('profile.field.occupation')}
                      value={{ escoUri: entry.escoUri, text: entry.occupation }}
                      error={errors[`workExperience.${i}.occupation`]}
                      onChange={(o) => put({ escoUri: o.escoUri, occupation: o.text })}
                    />
                    <NumberInput
                      id={path('years')}
                      label={t('profile.field.years')}
                      min={0}
                      max={60}
                      value={entry.years ?? ''}
                      onChange={(x) => put({ years: x === '' ? null : Number(x) })}
                    />
                    <CountrySelect
                      id={path('country')}
                      label={t('profile.field.country')}
                      value={entry.country}
                      onChange={(country) => put({ country })}
                    />
                  </SimpleGrid>
                  <Group justify="flex-end" mt="sm">
                    <Button
                      variant="subtle"
                      color="red.9"
                      c="red.9"
                      size="xs"
                      leftSection={<IconTrash size={14} aria-hidden="true" />}
                      onClick={() => set({ workExperience: v.workExperience.filter((_, j) => j !== i) })}
                    >
                      {t('profile.removeWork', { n: i + 1 })}
                    </Button>
                  </Group>
                </Fieldset>
              );
            })}
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={() =>
                  set({
                    workExperience: [
                      ...v.workExperience,
                      { escoUri: null, occupation: '', years: null, country: null },
                    ],
                  })
                }
              >
                {t('profile.addWork')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Group>
          <Button
            type="submit"
            size="md"
            loading={save.isPending}
            leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
          >
            {t('profile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LanguageLevels({ file }: { file: ParticipantFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [skill, setSkill] = useState('spoken_interaction');
  const [level, setLevel] = useState('a1');
  const [assessedOn, setAssessedOn] = useState(todayIso());
  const [source, setSource] = useState('teacher');
  const [showHistory, setShowHistory] = useState(false);
  const add = useMutation({
    mutationFn: () =>
      api<FileResponse>(`/api/participants/${file.id}/language-levels`, {
        method: 'POST',
        body: { skill, level, assessedOn, source },
      }),
    onSuccess: (data) => queryClient.setQueryData(fileKey(file.id), data),
  });
  const rows = showHistory ? file.languageLevels.history : file.languageLevels.current;
  return (
    <Stack gap="sm" component="section" aria-labelledby="dutch-title">
      <Title order={2} size="h3" id="dutch-title">
        {t('profile.dutchTitle')}
      </Title>
      {rows.length === 0 ? (
        <Text>{t('profile.noLevels')}</Text>
      ) : (
        <ScrollTable label={t('profile.dutchTitle')} minWidth={520}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('profile.skill')}</Table.Th>
              <Table.Th>{t('profile.level')}</Table.Th>
              <Table.Th>{t('profile.assessedOn')}</Table.Th>
              <Table.Th>{t('profile.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>{t(`cefrSkill.${r.skill}`)}</Table.Td>
                <Table.Td>{t(`cefrLevel.${r.level}`)}</Table.Td>
                <Table.Td>{format.date(r.assessedOn)}</Table.Td>
                <Table.Td>{t(`levelSource.${r.source}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      <Anchor component="button" type="button" onClick={() => setShowHistory(!showHistory)} w="fit-content">
        {showHistory ? t('profile.showCurrent') : t('profile.showHistory')}
      </Anchor>
      {add.error && (
        <Text c="red.9" role="alert">
          {errorText(t, add.error)}
        </Text>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate();
        }}
      >
        <Fieldset legend={t('profile.addLevel')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <NativeSelect
              label={t('profile.skill')}
              value={skill}
              onChange={(e) => setSkill(e.currentTarget.value)}
              data={cefrSkills.map((s) => ({ value: s, label: t(`cefrSkill.${s}`) }))}
            />
            <NativeSelect
              label={t('profile.level')}
              value={level}
              onChange={(e) => setLevel(e.currentTarget.value)}
              data={cefrLevels.map((l) => ({ value: l, label: t(`cefrLevel.${l}`) }))}
            />
            <TextInput
              type="date"
              label={t('profile.assessedOn')}
              value={assessedOn}
              onChange={(e) => setAssessedOn(e.currentTarget.value)}
            />
            <NativeSelect
              label={t('profile.source')}
              value={source}
              onChange={(e) => setSource(e.currentTarget.value)}
              data={levelSources.map((s) => ({ value: s, label: t(`levelSource.${s}`) }))}
            />
          </SimpleGrid>
          <Button
            mt="sm"
            type="submit"
            loading={add.isPending}
            leftSection={<IconPlus size={16} aria-hidden="true" />}
          >
            {t('profile.addLevelSubmit')}
          </Button>
        </Fieldset>
      </form>
    </Stack>
  );
}
