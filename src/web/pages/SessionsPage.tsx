import { useState } from 'react';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDeviceDesktop, IconDeviceMobile } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { Loading, QueryError, SuccessMessage } from '../components/Feedback.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { errorText } from '../errors.ts';
import { useFormat } from '../i18n/format.ts';

type Session = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  isCurrent: boolean;
};

/** A readable device name from a user-agent string: browser and system, nothing more. */
function deviceName(userAgent: string | null, unknown: string) {
  if (!userAgent) return unknown;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return [browser, system].filter(Boolean).join(' · ') || unknown;
}

/** Where the person is logged in; they can end sessions on other devices. */
export default function SessionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const sessions = useQuery({
    queryKey: ['sessions'],
    queryFn: () => api<{ items: Session[] }>('/api/auth/sessions'),
  });
  const end = useMutation({
    mutationFn: (id: string) => api(`/api/auth/sessions/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      setMessage({ ok: true, text: t('sessions.ended') });
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
    onError: (error) => setMessage({ ok: false, text: errorText(t, error) }),
  });

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle title={t('sessions.title')} />
        <Text>{t('sessions.intro')}</Text>
      </Stack>
      {message &&
        (message.ok ? (
          <SuccessMessage>{message.text}</SuccessMessage>
        ) : (
          <Text c="red.9" role="alert">
            {message.text}
          </Text>
        ))}
      {sessions.isPending ? (
        <Loading />
      ) : sessions.error ? (
        <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2 }}
          spacing="md"
          component="ul"
          style={{ listStyle: 'none', padding: 0 }}
        >
          {sessions.data.items.map((s) => {
            const name = deviceName(s.userAgent, t('sessions.unknownDevice'));
            const Icon =
              s.userAgent && /Mobile|Android|iPhone/.test(s.userAgent) ? IconDeviceMobile : IconDeviceDesktop;
            return (
              <Card key={s.id} withBorder radius="md" padding="md" component="li">
                <Group justify="space-between" wrap="nowrap" mb="xs">
                  <Group gap="xs" wrap="nowrap">
                    <Icon size={22} aria-hidden="true" />
                    <Title order={2} size="h4">
                      {name}
                    </Title>
                  </Group>
                  {s.isCurrent && (
                    <Badge variant="dot" color="green" radius="sm" miw="max-content">
                      {t('sessions.current')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm">{t('sessions.started', { date: format.dateTime(s.createdAt) })}</Text>
                <Text size="sm">{t('sessions.lastSeen', { date: format.dateTime(s.lastSeenAt) })}</Text>
                {!s.isCurrent && (
                  <Button
                    mt="sm"
                    variant="outline"
                    color="red.9"
                    aria-label={t('sessions.endNamed', { name, date: format.dateTime(s.lastSeenAt) })}
                    loading={end.isPending && end.variables === s.id}
                    onClick={() => end.mutate(s.id)}
                  >
                    {t('sessions.end')}
                  </Button>
                )}
              </Card>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}
