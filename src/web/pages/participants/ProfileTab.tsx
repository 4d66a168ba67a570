import { useState } from 'react';
import { Stack } from '@mantine/core';
import type { ParticipantFile } from '../../participants.ts';
import { IntakeForm } from './profile/IntakeForm.tsx';
import { LanguageLevels } from './profile/LanguageLevels.tsx';

/** The participant's profile: the intake form, and the level of Dutch. */
export default function ProfileTab({ file }: { file: ParticipantFile }) {
  // Saving gives a new version, which starts the form afresh; the note "saved" belongs to that version.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  return (
    <Stack gap="xl">
      <IntakeForm
        key={file.version}
        file={file}
        justSaved={savedVersion === file.version}
        onSaved={setSavedVersion}
      />
      <LanguageLevels file={file} />
    </Stack>
  );
}
