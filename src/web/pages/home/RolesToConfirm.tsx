import { useRef, useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type ResponseOf } from '../../api.ts';
import { ActionMessage, QueryError, type Message } from '../../components/Feedback.tsx';
import { errorText } from '../../errors.ts';
import { useAllMunicipalities, useRegions, userKeys } from '../../queries.ts';

type RoleToConfirm = ResponseOf<'GET', '/api/role-assignments/pending'>['items'][number];

/**
 * Leads: roles an administrator gave that count only once this lead confirms them (a to-do, shown only when there
 * is something to confirm). The API lists only what this lead may confirm.
 */
export function RolesToConfirm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const regions = useRegions();
  const municipalities = useAllMunicipalities();
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const pending = useQuery({
    queryKey: userKeys.rolesToConfirm,
    queryFn: () => api.get('/api/role-assignments/pending'),
  });

  /** Where the role applies: the municipality, else the region, else the whole country. */
  const scopeOf = (item: RoleToConfirm) => {
    if (item.municipalityCode)
      return (
        municipalities.data?.items.find((m) => m.code === item.municipalityCode)?.name ??
        item.municipalityCode
      );
    if (item.regionId) return regions.data?.items.find((r) => r.id === item.regionId)?.name ?? '–';
    return null;
  };
  const roleText = (item: RoleToConfirm) => {
    const scope = scopeOf(item);
    const role = t(`roles.${item.role}`);
    return scope ? `${role} – ${scope}` : role;
  };

  const confirm = useMutation({
    mutationFn: (item: RoleToConfirm) =>
      api.post('/api/role-assignments/:id/confirm', { params: { id: item.id } }),
    onSuccess: (_data, item) => {
      setMessage({
        ok: true,
        text: t('confirmRoles.done', { name: item.displayName, role: roleText(item) }),
      });
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
    onError: (error) => setMessage({ ok: false, text: errorText(t, error) }),
    // The row (or the whole list) is gone after the refresh: focus moves to the message instead of getting lost.
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.rolesToConfirm });
      messageRef.current?.focus();
    },
  });

  const items = pending.data?.items ?? [];
  return (
    <>
      <ActionMessage message={message} ref={messageRef} />
      {pending.error ? (
        <Stack gap="sm" component="section" aria-labelledby="confirm-roles-title">
          <Title order={2} id="confirm-roles-title">
            {t('confirmRoles.heading')}
          </Title>
          <QueryError error={pending.error} onRetry={() => void pending.refetch()} />
        </Stack>
      ) : (
        items.length > 0 && (
          <Stack
            gap="sm"
            component="section"
            aria-labelledby="confirm-roles-title"
            data-testid="roles-to-confirm"
          >
            <Title order={2} id="confirm-roles-title">
              {t('confirmRoles.title', { number: items.length })}
            </Title>
            <Text>{t('confirmRoles.intro')}</Text>
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', paddingInlineStart: 0, margin: 0 }}>
              {items.map((item) => {
                const scope = scopeOf(item) ?? t('confirmRoles.wholeCountry');
                const role = roleText(item);
                return (
                  <Paper key={item.id} component="li" withBorder radius="md" p="md">
                    <Group justify="space-between" align="flex-end" gap="sm">
                      <Stack gap={4} miw={0} style={{ flex: '1 1 20rem' }}>
                        <Title order={3} size="h4" className="break-anywhere">
                          {item.displayName}
                        </Title>
                        <Text size="sm" className="break-anywhere">
                          <span dir="ltr">{item.email}</span>
                        </Text>
                        <Text size="sm">
                          <Text span fw={600}>
                            {t('confirmRoles.role')}:
                          </Text>{' '}
                          {role}
                        </Text>
                        <Text size="sm" id={`confirm-explain-${item.id}`}>
                          {t('confirmRoles.explain', { name: item.displayName, scope })}
                        </Text>
                      </Stack>
                      <Button
                        leftSection={<IconUserCheck size={18} aria-hidden="true" />}
                        aria-label={t('confirmRoles.confirmFor', { role, name: item.displayName })}
                        aria-describedby={`confirm-explain-${item.id}`}
                        loading={confirm.isPending && confirm.variables?.id === item.id}
                        onClick={() => {
                          setMessage(null);
                          confirm.mutate(item);
                        }}
                      >
                        {t('confirmRoles.confirm')}
                      </Button>
                    </Group>
                  </Paper>
                );
              })}
            </Stack>
          </Stack>
        )
      )}
    </>
  );
}
