import { NativeSelect, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { noteCreate } from '../../../../shared/contracts/trajectories.ts';
import { noteVisibilities } from '../../../../shared/trajectories.ts';
import { api, type BodyOf } from '../../../api.ts';
import { contractRules, useApiForm } from '../../../components/form.ts';
import { CaptureForm, type CaptureProps } from './CaptureForm.tsx';

type Note = BodyOf<'POST', '/api/trajectories/:id/notes'>;

/** A note for the team, or one the participant may read too. */
export function NoteForm({ trajectoryId, onSaved }: CaptureProps) {
  const { t } = useTranslation();
  const labelOf = (path: string) => t(`coaching.note.${path}`);
  const note = useApiForm<Note, unknown>({
    formId: 'note',
    initialValues: { body: '', visibility: 'team' },
    validate: contractRules<Note>(t, noteCreate, (values) => values, { body: t('coaching.textRequired') }),
    labelOf,
    send: (body) => api.post('/api/trajectories/:id/notes', { params: { id: trajectoryId }, body }),
    onSaved: (_, form) => {
      onSaved(t('coaching.noteSaved'));
      form.setFieldValue('body', '');
    },
  });
  return (
    <CaptureForm title={t('coaching.kind.note')} capture={note}>
      <Textarea {...note.field('body')} label={labelOf('body')} dir="auto" autosize minRows={3} />
      <NativeSelect
        {...note.field('visibility')}
        label={labelOf('visibility')}
        data={noteVisibilities.map((v) => ({ value: v, label: t(`noteVisibility.${v}`) }))}
        maw={360}
      />
    </CaptureForm>
  );
}
