import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconMail, IconMessage } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api.ts';
import { InfoMessage, Loading, QueryError } from '../components/Feedback.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { useFormat } from '../i18n/format.ts';
import { systemKeys } from '../queries.ts';

const linkPattern = /(https?:\/\/[^\s<>"]+)/g;

/** Message text with its web links made clickable. Only http(s) links; everything else stays text. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(linkPattern);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <Anchor key={index} href={part} className="break-anywhere">
            {part}
          </Anchor>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/** Development only: e-mails and text messages that were "sent" to the outbox instead of the real world. */
export default function OutboxPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const outbox = useQuery({
    queryKey: systemKeys.outbox,
    queryFn: () => api.get('/api/outbox'),
    refetchInterval: 10_000,
  });
  const off = outbox.error instanceof ApiError && outbox.error.status === 404;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle title={t('outbox.title')} />
        <Text>{t('outbox.intro')}</Text>
      </Stack>
      {outbox.isPending ? (
        <Loading />
      ) : off ? (
        <InfoMessage>{t('outbox.off')}</InfoMessage>
      ) : outbox.error ? (
        <QueryError error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : outbox.data.items.length === 0 ? (
        <Text>{t('outbox.empty')}</Text>
      ) : (
        <Stack gap="md" component="ol" style={{ listStyle: 'none', paddingInlineStart: 0, margin: 0 }}>
          {outbox.data.items.map((m) => (
            <Card key={m.id} withBorder radius="md" padding="md" component="li">
              <Group justify="space-between" gap="xs" mb="xs">
                <Group gap="xs" wrap="nowrap">
                  {m.channel === 'email' ? (
                    <IconMail size={20} aria-hidden="true" />
                  ) : (
                    <IconMessage size={20} aria-hidden="true" />
                  )}
                  <Badge variant="outline" color="blue.9" radius="sm">
                    {t(`outbox.channel.${m.channel}`)}
                  </Badge>
                </Group>
                <Text size="sm">{format.dateTime(m.createdAt)}</Text>
              </Group>
              <Title order={2} size="h4" className="break-anywhere" dir="auto">
                {m.subject ?? t('outbox.noSubject')}
              </Title>
              <Text size="sm" mb="xs" className="break-anywhere">
                {t('outbox.to')}: <span dir="ltr">{m.recipient}</span>
              </Text>
              <pre className="message-body" dir="auto">
                <Linkified text={m.body} />
              </pre>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
