import type { ReactNode } from 'react';
import { Button, Group, Stack, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryItem } from '../../../components/Feedback.tsx';

/** What a capture form passes to its frame (from `useApiForm`). */
type Capture = {
  onSubmit: (event?: React.FormEvent<HTMLFormElement>) => void;
  summary: { id: string; items: SummaryItem[] };
  pending: boolean;
  form: { isDirty: () => boolean };
};

/**
 * The frame of every quick-capture form: its title, the error summary, the fields, and a save button that waits
 * until something was filled in (an untouched form saved twice made two records).
 */
export function CaptureForm({
  title,
  capture,
  children,
}: {
  title: string;
  capture: Capture;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form noValidate onSubmit={capture.onSubmit}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {title}
        </Title>
        <ErrorSummary {...capture.summary} />
        {children}
        <Group>
          <Button
            type="submit"
            loading={capture.pending}
            disabled={!capture.form.isDirty()}
            leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Every capture form: where it records, and whom to tell (with a sentence) once it is saved. */
export type CaptureProps = { trajectoryId: string; onSaved: (message: string) => void };
