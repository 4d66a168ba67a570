import { useState } from 'react';
import { Anchor, Button, Fieldset, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { locales, type Locale } from '../../shared/locales.ts';
import type { User } from '../../shared/contracts/index.ts';
import {
  confirmedBy,
  municipalFunctions,
  roles,
  roleScope,
  type MunicipalFunction,
  type Role,
} from '../../shared/roles.ts';
import { api, ApiError } from '../api.ts';
import { ErrorSummary, SuccessMessage } from '../components/Feedback.tsx';
import {
  applyServerError,
  emailPattern,
  fieldId,
  summaryItems,
  useFormFeedback,
} from '../components/form.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { AddRowButton, RemoveRowButton } from '../components/RowButtons.tsx';
import { roleWithScope } from '../components/roleText.ts';
import { languageNames } from '../i18n/languages.ts';
import { useAllMunicipalities, useEmployers, useRegions, userKeys } from '../queries.ts';

type RoleRow = {
  role: Role | '';
  regionId: string;
  municipalityCode: string;
  municipalFunction: MunicipalFunction | '';
  employerId: string;
};
type Values = { email: string; displayName: string; preferredLanguage: Locale; roles: RoleRow[] };

const emptyRole = (): RoleRow => ({
  role: '',
  regionId: '',
  municipalityCode: '',
  municipalFunction: '',
  employerId: '',
});
const scopeField = { region: 'regionId', municipality: 'municipalityCode', employer: 'employerId' } as const;
const formId = 'invite';

/** Administrators invite someone: name, e-mail, language and the role(s) with the place each applies to. */
export default function InviteUserPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const feedback = useFormFeedback();
  // The address it went to, and the roles that wait for a lead's confirmation (from the API's answer).
  const [sent, setSent] = useState<{ email: string; pending: User['roles'] } | null>(null);
  const regions = useRegions();
  const employers = useEmployers();
  const municipalities = useAllMunicipalities();

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { email: '', displayName: '', preferredLanguage: 'nl', roles: [emptyRole()] },
    validate: {
      email: (value) =>
        !value.trim()
          ? t('validation.emailRequired')
          : !emailPattern.test(value.trim())
            ? t('validation.emailInvalid')
            : null,
      displayName: (value) => (!value.trim() ? t('validation.nameRequired') : null),
      roles: {
        role: (value) => (!value ? t('validation.roleRequired') : null),
        regionId: (value, values, path) => {
          const row = values.roles[Number(path.split('.')[1])];
          return row?.role && roleScope[row.role] === 'region' && !value
            ? t('validation.regionRequired')
            : null;
        },
        municipalityCode: (value, values, path) => {
          const row = values.roles[Number(path.split('.')[1])];
          return row?.role && roleScope[row.role] === 'municipality' && !value
            ? t('validation.municipalityRequired')
            : null;
        },
        municipalFunction: (value, values, path) => {
          const row = values.roles[Number(path.split('.')[1])];
          return row?.role && roleScope[row.role] === 'municipality' && !value
            ? t('validation.functionRequired')
            : null;
        },
        employerId: (value, values, path) => {
          const row = values.roles[Number(path.split('.')[1])];
          return row?.role && roleScope[row.role] === 'employer' && !value
            ? t('validation.employerRequired')
            : null;
        },
      },
    },
  });

  const invite = useMutation({
    mutationFn: (values: Values) =>
      api.post('/api/users', {
        body: {
          email: values.email.trim(),
          displayName: values.displayName.trim(),
          preferredLanguage: values.preferredLanguage,
          // Validation has made sure every row has its role, and the place and function that role needs.
          roles: values.roles.map((r) => {
            const role = r.role as Role;
            const scope = roleScope[role];
            return {
              role,
              ...(scope === 'region' ? { regionId: r.regionId } : {}),
              ...(scope === 'municipality'
                ? {
                    municipalityCode: r.municipalityCode,
                    municipalFunction: r.municipalFunction as MunicipalFunction,
                  }
                : {}),
              ...(scope === 'employer' ? { employerId: r.employerId } : {}),
            };
          }),
        },
      }),
  });

  const labelOf = (path: string) => {
    const [head, index, field] = path.split('.');
    if (head !== 'roles') return t(`invite.${head}`);
    const prefix = t('invite.roleNumber', { number: Number(index) + 1 });
    return field ? `${prefix}, ${t(`invite.${field}`)}` : prefix;
  };
  const items = summaryItems(formId, form.errors, labelOf, feedback.general);

  const submit = form.onSubmit(
    async (values) => {
      feedback.setGeneral(null);
      try {
        const user = await invite.mutateAsync(values);
        setSent({ email: values.email.trim(), pending: user.roles.filter((r) => !r.confirmed) });
        form.reset();
        void queryClient.invalidateQueries({ queryKey: userKeys.all });
      } catch (error) {
        // "This role needs a place" names the role row; point at the missing scope field in that row.
        if (error instanceof ApiError && error.code === 'user.scope_required') {
          const details = error.details as { field?: string; scope?: keyof typeof scopeField } | undefined;
          if (details?.field && details.scope) {
            form.setFieldError(
              `${details.field}.${scopeField[details.scope]}`,
              t('errors.user.scope_required'),
            );
            feedback.focusSummary();
            return;
          }
        }
        applyServerError(
          t,
          error,
          form,
          (path) => path === 'email' || path === 'displayName',
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

  const regionOptions = [
    { value: '', label: t('invite.choose') },
    ...(regions.data?.items ?? []).map((r) => ({ value: r.id, label: r.name })),
  ];
  const employerOptions = [
    { value: '', label: t('invite.choose') },
    ...(employers.data?.items ?? []).map((e) => ({ value: e.id, label: e.name })),
  ];
  const municipalityOptions = (municipalities.data?.items ?? []).map((m) => ({
    value: m.code,
    label: m.name,
  }));

  return (
    <Stack gap="lg" maw={720}>
      <PageTitle title={t('invite.title')} />
      <Text>{t('invite.intro')}</Text>
      {sent && (
        <SuccessMessage title={t('invite.sentTitle')}>
          <Stack gap={4}>
            <Text size="sm">{t('invite.sentText', { email: sent.email })}</Text>
            {sent.pending.length > 0 && (
              <Text size="sm">
                {t('invite.pendingRoles', { roles: sent.pending.map((r) => roleWithScope(t, r)).join('; ') })}{' '}
                {sent.pending.every((r) => confirmedBy[r.role]?.includes('regional_lead'))
                  ? t('invite.confirmByRegional')
                  : t('invite.confirmByNational')}{' '}
                {t('invite.pendingUntil')}
              </Text>
            )}
            <Anchor component={Link} to="/" size="sm" c="blue.9">
              {t('invite.backToUsers')}
            </Anchor>
          </Stack>
        </SuccessMessage>
      )}
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ErrorSummary id={feedback.summaryId} items={items} />
            <TextInput
              id={fieldId(formId, 'displayName')}
              label={t('invite.displayName')}
              autoComplete="off"
              required
              {...form.getInputProps('displayName')}
            />
            <TextInput
              id={fieldId(formId, 'email')}
              type="email"
              dir="ltr"
              label={t('invite.email')}
              autoComplete="off"
              required
              {...form.getInputProps('email')}
            />
            <NativeSelect
              id={fieldId(formId, 'preferredLanguage')}
              label={t('invite.preferredLanguage')}
              description={t('invite.preferredLanguageHelp')}
              {...form.getInputProps('preferredLanguage')}
            >
              {locales.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {languageNames[locale]}
                </option>
              ))}
            </NativeSelect>

            {form.values.roles.map((row, index) => {
              const scope = row.role ? roleScope[row.role] : 'none';
              const path = (field: string) => `roles.${index}.${field}`;
              return (
                <Fieldset key={index} legend={t('invite.roleNumber', { number: index + 1 })} radius="md">
                  <Stack gap="sm">
                    <NativeSelect
                      id={fieldId(formId, path('role'))}
                      label={t('invite.role')}
                      required
                      data={[
                        { value: '', label: t('invite.choose') },
                        ...roles.map((r) => ({ value: r, label: t(`roles.${r}`) })),
                      ]}
                      {...form.getInputProps(path('role'))}
                    />
                    {scope === 'region' && (
                      <NativeSelect
                        id={fieldId(formId, path('regionId'))}
                        label={t('invite.regionId')}
                        required
                        data={regionOptions}
                        {...form.getInputProps(path('regionId'))}
                      />
                    )}
                    {scope === 'municipality' && (
                      <>
                        <NativeSelect
                          id={fieldId(formId, path('municipalityCode'))}
                          label={t('invite.municipalityCode')}
                          required
                          data={[{ value: '', label: t('invite.choose') }, ...municipalityOptions]}
                          {...form.getInputProps(path('municipalityCode'))}
                        />
                        <NativeSelect
                          id={fieldId(formId, path('municipalFunction'))}
                          label={t('invite.municipalFunction')}
                          required
                          data={[
                            { value: '', label: t('invite.choose') },
                            ...municipalFunctions.map((f) => ({
                              value: f,
                              label: t(`municipalFunctions.${f}`),
                            })),
                          ]}
                          {...form.getInputProps(path('municipalFunction'))}
                        />
                      </>
                    )}
                    {scope === 'employer' && (
                      <NativeSelect
                        id={fieldId(formId, path('employerId'))}
                        label={t('invite.employerId')}
                        required
                        data={employerOptions}
                        {...form.getInputProps(path('employerId'))}
                      />
                    )}
                    {form.values.roles.length > 1 && (
                      <Group justify="flex-end">
                        <RemoveRowButton compact={false} onClick={() => form.removeListItem('roles', index)}>
                          {t('invite.removeRole', { number: index + 1 })}
                        </RemoveRowButton>
                      </Group>
                    )}
                  </Stack>
                </Fieldset>
              );
            })}
            {form.values.roles.length < 10 && (
              <AddRowButton onClick={() => form.insertListItem('roles', emptyRole())}>
                {t('invite.addRole')}
              </AddRowButton>
            )}
            <Group justify="space-between" mt="sm">
              <Anchor component={Link} to="/">
                {t('common.cancel')}
              </Anchor>
              <Button
                type="submit"
                loading={invite.isPending}
                leftSection={<IconSend size={18} aria-hidden="true" className="rtl-flip" />}
              >
                {t('invite.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
