import type { ReactNode, Ref } from 'react';
import { Alert, Anchor, Box, Button, Center, List, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UseQueryResult } from '@tanstack/react-query';
import { errorText } from '../errors.ts';
import { useFormat } from '../i18n/format.ts';

/** Shown while data loads; announced to screen readers. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader aria-hidden="true" />
        <Text size="sm">{label ?? t('common.loading')}</Text>
      </Stack>
    </Center>
  );
}

/** A failed load, with its translated reason and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden="true" />}
      title={t('common.loadFailed')}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorText(t, error)}</Text>
        {onRetry && (
          <Button size="xs" variant="outline" color="red.9" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** Mantine's green (and orange) title on its pale background stays under 4.5:1; the icon keeps the colour. */
export const darkTitle = { title: { color: 'var(--mantine-color-text)' } };

export function SuccessMessage({ children, title }: { children?: ReactNode; title?: string }) {
  return (
    <Alert
      color="green"
      variant="light"
      role="status"
      icon={<IconCircleCheck aria-hidden="true" />}
      title={title}
      styles={darkTitle}
    >
      {children}
    </Alert>
  );
}

export function InfoMessage({ children, title }: { children?: ReactNode; title?: string }) {
  return (
    <Alert
      color="blue"
      variant="light"
      role="note"
      icon={<IconInfoCircle aria-hidden="true" />}
      title={title}
    >
      {children}
    </Alert>
  );
}

/** The outcome of an action, e.g. on a row of a list: `ok` with what was done, or the problem. */
export type Message = { ok: boolean; text: string };

/**
 * Shows an action's outcome: a success note, or the translated problem as an alert. With a `ref` it can take the
 * focus, for when the row the action was on is gone after a refresh.
 */
export function ActionMessage({ message, ref }: { message: Message | null; ref?: Ref<HTMLDivElement> }) {
  if (!message) return null;
  return (
    <Box ref={ref} tabIndex={ref ? -1 : undefined}>
      {message.ok ? (
        <SuccessMessage>{message.text}</SuccessMessage>
      ) : (
        <Text c="red.9" role="alert">
          {message.text}
        </Text>
      )}
    </Box>
  );
}

export type SummaryItem = { id?: string; message: string };

/**
 * The list of problems at the top of a form. Each links to its field; the form focuses it after a failed submit,
 * so keyboard and screen-reader users land here.
 */
export function ErrorSummary({ items, id }: { items: SummaryItem[]; id: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Alert
      id={id}
      tabIndex={-1}
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden="true" />}
      title={t('form.summaryTitle')}
    >
      <List size="sm" spacing={4}>
        {items.map((item, index) => (
          <List.Item key={`${item.id ?? 'general'}-${index}`}>
            {item.id ? (
              <Anchor
                href={`#${item.id}`}
                c="red.9"
                onClick={(event) => {
                  const field = document.getElementById(item.id!);
                  if (field) {
                    event.preventDefault();
                    field.focus();
                    field.scrollIntoView({ block: 'center' });
                  }
                }}
              >
                {item.message}
              </Anchor>
            ) : (
              item.message
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

type Paged = { items: unknown[]; total: number };

/** The states of a paged list in one place: loading, failed (with retry), empty, or how many were found and the list. */
export function PagedResults<T extends Paged>({
  query,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  empty: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (query.isPending) return <Loading />;
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <Text>{empty}</Text>;
  return (
    <>
      <Text size="sm" aria-live="polite">
        {t('common.found', { count: format.number(query.data.total) })}
      </Text>
      {children(query.data)}
    </>
  );
}
