import type { ReactNode } from 'react';
import { Button, Group } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';

/** Adds a row to a list in a form: a goal, a step, an education, an agreement. */
export function AddRowButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Group>
      <Button variant="default" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={onClick}>
        {children}
      </Button>
    </Group>
  );
}

/** Removes one row of a list in a form; its text names the row ("Remove step 2"). */
export function RemoveRowButton({
  onClick,
  children,
  compact = true,
  mt,
}: {
  onClick: () => void;
  children: ReactNode;
  /** The small button inside a row's fieldset; `false` for the normal size. */
  compact?: boolean;
  mt?: string;
}) {
  return (
    <Button
      variant="subtle"
      color="red.9"
      c="red.9"
      size={compact ? 'xs' : undefined}
      mt={mt}
      leftSection={<IconTrash size={compact ? 14 : 16} aria-hidden="true" />}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}
