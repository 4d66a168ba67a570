import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';

/** Previous/next paging with "x–y of z". Chevrons flip in right-to-left languages. */
export function Pager({
  offset,
  limit,
  total,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  if (total <= limit && offset === 0) return null;
  const rtl = i18n.dir() === 'rtl';
  const Prev = rtl ? IconChevronRight : IconChevronLeft;
  const Next = rtl ? IconChevronLeft : IconChevronRight;
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Text size="sm">
        {t('pager.range', {
          from: format.number(Math.min(offset + 1, total)),
          to: format.number(Math.min(offset + limit, total)),
          total: format.number(total),
        })}
      </Text>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<Prev size={16} aria-hidden="true" />}
          disabled={offset === 0}
          onClick={() => onChange(Math.max(0, offset - limit))}
        >
          {t('pager.previous')}
        </Button>
        <Button
          variant="default"
          rightSection={<Next size={16} aria-hidden="true" />}
          disabled={offset + limit >= total}
          onClick={() => onChange(offset + limit)}
        >
          {t('pager.next')}
        </Button>
      </Group>
    </Group>
  );
}
