import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A table that scrolls sideways inside its own box on small screens, so the page itself never does.
 * The box is a labelled, focusable region, so keyboard users can scroll it too.
 */
export function ScrollTable({
  label,
  minWidth = 640,
  children,
}: {
  label: string;
  minWidth?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={t('common.table', { name: label })}
      className="table-scroll"
    >
      <Table striped highlightOnHover verticalSpacing="sm">
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}
