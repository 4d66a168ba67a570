import { useState } from 'react';
import { Anchor, Button, Fieldset, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { languageLevelCreate } from '../../../../shared/contracts/participants.ts';
import { cefrLevels, cefrSkills, levelSources } from '../../../../shared/participants.ts';
import type { BodyOf } from '../../../api.ts';
import { api } from '../../../api.ts';
import { DateField } from '../../../components/DateField.tsx';
import { ErrorSummary } from '../../../components/Feedback.tsx';
import { contractRules, useApiForm } from '../../../components/form.ts';
import { DataTable } from '../../../components/ListView.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { participantKeys, todayIso, type ParticipantFile } from '../../../participants.ts';

type Assessment = BodyOf<'POST', '/api/participants/:id/language-levels'>;

/** The level of Dutch per skill (CEFR): the latest, or every assessment; and a form to add one. */
export function LanguageLevels({ file }: { file: ParticipantFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [showHistory, setShowHistory] = useState(false);
  const rows = showHistory ? file.languageLevels.history : file.languageLevels.current;
  return (
    <Stack gap="sm" component="section" aria-labelledby="dutch-title">
      <Title order={2} size="h3" id="dutch-title">
        {t('profile.dutchTitle')}
      </Title>
      {rows.length === 0 ? (
        <Text>{t('profile.noLevels')}</Text>
      ) : (
        <DataTable
          label={t('profile.dutchTitle')}
          minWidth={520}
          rows={rows}
          rowKey={(_, index) => index}
          columns={[
            { header: t('profile.skill'), cell: (r) => t(`cefrSkill.${r.skill}`) },
            { header: t('profile.level'), cell: (r) => t(`cefrLevel.${r.level}`) },
            { header: t('profile.assessedOn'), cell: (r) => format.date(r.assessedOn) },
            { header: t('profile.source'), cell: (r) => t(`levelSource.${r.source}`) },
          ]}
        />
      )}
      <Anchor component="button" type="button" onClick={() => setShowHistory(!showHistory)} w="fit-content">
        {showHistory ? t('profile.showCurrent') : t('profile.showHistory')}
      </Anchor>
      <AssessmentForm file={file} />
    </Stack>
  );
}

/** A new assessment of one skill: it becomes the current level when it is the latest. */
function AssessmentForm({ file }: { file: ParticipantFile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const labels: Record<string, string> = {
    skill: t('profile.skill'),
    level: t('profile.level'),
    assessedOn: t('profile.assessedOn'),
    source: t('profile.source'),
  };
  const assessment = useApiForm<Assessment, unknown>({
    formId: 'language-level',
    initialValues: { skill: 'spoken_interaction', level: 'a1', assessedOn: todayIso(), source: 'teacher' },
    validate: contractRules<Assessment>(t, languageLevelCreate, (values) => values, {
      assessedOn: t('validation.dateRequired'),
    }),
    labelOf: (path) => labels[path] ?? path,
    send: (body) => api.post('/api/participants/:id/language-levels', { params: { id: file.id }, body }),
    onSaved: (data) => queryClient.setQueryData(participantKeys.file(file.id), data),
  });
  const { field } = assessment;
  return (
    <form noValidate onSubmit={assessment.onSubmit}>
      <Fieldset legend={t('profile.addLevel')} radius="md">
        <ErrorSummary {...assessment.summary} />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <NativeSelect
            {...field('skill')}
            label={labels.skill}
            data={cefrSkills.map((s) => ({ value: s, label: t(`cefrSkill.${s}`) }))}
          />
          <NativeSelect
            {...field('level')}
            label={labels.level}
            data={cefrLevels.map((l) => ({ value: l, label: t(`cefrLevel.${l}`) }))}
          />
          <DateField {...field('assessedOn')} label={labels.assessedOn} />
          <NativeSelect
            {...field('source')}
            label={labels.source}
            data={levelSources.map((s) => ({ value: s, label: t(`levelSource.${s}`) }))}
          />
        </SimpleGrid>
        <Button
          mt="sm"
          type="submit"
          loading={assessment.pending}
          leftSection={<IconPlus size={16} aria-hidden="true" />}
        >
          {t('profile.addLevelSubmit')}
        </Button>
      </Fieldset>
    </form>
  );
}
