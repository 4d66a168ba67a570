import { useState } from 'react';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDeviceDesktop, IconDeviceMobile, IconLogout } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { accountKeys } from '../auth/me.ts';
import { ActionMessage, Loading, QueryError, type Message } from '../components/Feedback.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { errorText } from '../errors.ts';
import { useFormat } from '../i18n/format.ts';

/** The API names the device briefly ("Chrome · Android"); a phone or tablet system gets the phone icon. */
const isMobile = (device: string | null) => !!device && /Android|iOS|iPadOS|iPhone|Mobile/i.test(device);

/** Where the person is logged in; they can end sessions on other devices. */
export default function SessionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<Message | null>(null);
  const sessions = useQuery({
    queryKey: accountKeys.sessions,
    queryFn: () => api.get('/api/auth/sessions'),
  });
  const end = useMutation({
    mutationFn: (id: string) => api.delete('/api/auth/sessions/:id', { params: { id } }),
    onSuccess: () => {
      setMessage({ ok: true, text: t('sessions.ended') });
      void queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
    },
    onError: (error) => setMessage({ ok: false, text: errorText(t, error) }),
  });
  const endOthers = useMutation({
    mutationFn: () => api.post('/api/auth/sessions/end-others'),
    onSuccess: ({ ended }) => {
      setMessage({
        ok: true,
        text: ended > 0 ? t('sessions.othersEnded', { count: ended }) : t('sessions.noOthers'),
      });
      void queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
    },
    onError: (error) => setMessage({ ok: false, text: errorText(t, error) }),
  });
  const others = sessions.data?.items.filter((s) => !s.isCurrent).length ?? 0;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle title={t('sessions.title')} />
        <Text>{t('sessions.intro')}</Text>
      </Stack>
      {others > 0 && (
        <Button
          variant="outline"
          color="red.9"
          leftSection={<IconLogout size={18} aria-hidden="true" className="rtl-flip" />}
          loading={endOthers.isPending}
          onClick={() => {
            setMessage(null);
            endOthers.mutate();
          }}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('sessions.endOthers')}
        </Button>
      )}
      <ActionMessage message={message} />
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
            const name = s.userAgent ?? t('sessions.unknownDevice');
            const Icon = isMobile(s.userAgent) ? IconDeviceMobile : IconDeviceDesktop;
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
                    onClick={() => {
                      setMessage(null);
                      end.mutate(s.id);
                    }}
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
