import { useState } from 'react';
import { Anchor, Button, Group, List, Menu, Stack, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconChevronDown,
  IconDeviceMobileOff,
  IconHistory,
  IconLogout,
  IconMail,
  IconSend,
  IconUserPlus,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roles } from '../../../shared/roles.ts';
import { api } from '../../api.ts';
import { RolePendingBadge, UserStatusBadge } from '../../components/Badges.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useDemoMode } from '../../components/DemoBanner.tsx';
import { ActionMessage, type Message } from '../../components/Feedback.tsx';
import { ListView } from '../../components/ListView.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { roleWithScope } from '../../components/roleText.ts';
import { errorText } from '../../errors.ts';
import { useFormat } from '../../i18n/format.ts';
import { userKeys, type UserQuery, type UserRow } from '../../queries.ts';
import type { HomeProps } from '../HomePage.tsx';

const statuses = ['invited', 'active', 'disabled'] as const;

/** The account actions that need a "are you sure?" first. */
type AccountAction = { kind: 'endSessions' | 'resetSecondFactor'; user: UserRow };

/** Administrators: everyone with an account, invitations, and links to the audit log, failed jobs and outbox. */
export default function AdminHome({ me, roleSwitcher }: HomeProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const demo = useDemoMode();
  const [message, setMessage] = useState<Message | null>(null);

  const setDisabled = useMutation({
    mutationFn: ({ user, disabled }: { user: UserRow; disabled: boolean }) =>
      api.patch('/api/users/:id', { params: { id: user.id }, body: { disabled } }),
    onSuccess: (_data, { user, disabled }) => {
      setMessage({
        ok: true,
        text: disabled
          ? t('admin.disabledDone', { name: user.displayName })
          : t('admin.enabledDone', { name: user.displayName }),
      });
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
    onError: (error) => setMessage({ ok: false, text: errorText(t, error) }),
  });
  // The action stays set while the dialog closes, so its text does not change during the fade.
  const [pending, setPending] = useState<AccountAction | null>(null);
  const [confirming, setConfirming] = useState(false);
  const ask = (action: AccountAction) => {
    setPending(action);
    setConfirming(true);
  };
  // Both may first ask for the administrator's password again (the API client handles that).
  const accountAction = useMutation({
    mutationFn: ({ kind, user }: AccountAction): Promise<{ ended?: number; ok?: true }> =>
      kind === 'endSessions'
        ? api.post('/api/users/:id/sessions/end', { params: { id: user.id } })
        : api.post('/api/users/:id/second-factor/reset', { params: { id: user.id } }),
    onSuccess: (data, { kind, user }) => {
      const name = user.displayName;
      const ended = data.ended ?? 0;
      setMessage({
        ok: true,
        text:
          kind === 'resetSecondFactor'
            ? t('admin.secondFactorResetDone', { name })
            : ended > 0
              ? t('admin.sessionsEndedDone', { name, count: ended })
              : t('admin.noSessions', { name }),
      });
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
    onError: (error) => setMessage({ ok: false, text: errorText(t, error) }),
  });
  const resend = useMutation({
    mutationFn: (user: UserRow) => api.post('/api/users/:id/invitation', { params: { id: user.id } }),
    onSuccess: (_data, user) => setMessage({ ok: true, text: t('admin.resent', { email: user.email }) }),
    onError: (error) => setMessage({ ok: false, text: errorText(t, error) }),
  });

  /** What an administrator can do with one account, in the last column. */
  const actions = (user: UserRow) => (
    <Group gap="xs" wrap="nowrap">
      {user.id !== me.id && (
        <Button
          size="xs"
          variant="default"
          aria-label={
            user.status === 'disabled'
              ? t('admin.enableUser', { name: user.displayName })
              : t('admin.disableUser', { name: user.displayName })
          }
          loading={setDisabled.isPending && setDisabled.variables?.user.id === user.id}
          onClick={() => setDisabled.mutate({ user, disabled: user.status !== 'disabled' })}
        >
          {user.status === 'disabled' ? t('admin.enable') : t('admin.disable')}
        </Button>
      )}
      {user.id !== me.id && user.status !== 'invited' && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              size="xs"
              variant="default"
              rightSection={<IconChevronDown size={14} aria-hidden="true" />}
              aria-label={t('admin.moreFor', { name: user.displayName })}
              loading={accountAction.isPending && accountAction.variables?.user.id === user.id}
            >
              {t('admin.more')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconLogout size={16} aria-hidden="true" className="rtl-flip" />}
              onClick={() => ask({ kind: 'endSessions', user })}
            >
              {t('admin.endSessions')}
            </Menu.Item>
            {user.hasSecondFactor && (
              <Menu.Item
                leftSection={<IconDeviceMobileOff size={16} aria-hidden="true" />}
                onClick={() => ask({ kind: 'resetSecondFactor', user })}
              >
                {t('admin.resetSecondFactor')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      )}
      {user.status === 'invited' && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconSend size={14} aria-hidden="true" className="rtl-flip" />}
          aria-label={t('admin.resendFor', { name: user.displayName })}
          loading={resend.isPending && resend.variables?.id === user.id}
          onClick={() => resend.mutate(user)}
        >
          {t('admin.resend')}
        </Button>
      )}
    </Group>
  );

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="sm">
          <PageTitle title={t('admin.title')} />
          <Button
            component={Link}
            to="/users/invite"
            leftSection={<IconUserPlus size={18} aria-hidden="true" />}
          >
            {t('admin.invite')}
          </Button>
        </Group>
        <Text>{t('admin.intro')}</Text>
        <Group gap="lg">
          <Anchor component={Link} to="/audit">
            <Group gap={6} wrap="nowrap" component="span">
              <IconHistory size={18} aria-hidden="true" />
              {t('nav.audit')}
            </Group>
          </Anchor>
          <Anchor component={Link} to="/jobs">
            <Group gap={6} wrap="nowrap" component="span">
              <IconAlertTriangle size={18} aria-hidden="true" />
              {t('nav.jobs')}
            </Group>
          </Anchor>
          {demo && (
            <Anchor component={Link} to="/dev/outbox">
              <Group gap={6} wrap="nowrap" component="span">
                <IconMail size={18} aria-hidden="true" />
                {t('nav.outbox')}
              </Group>
            </Anchor>
          )}
        </Group>
        {roleSwitcher}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="users-title">
        <Title order={2} id="users-title">
          {t('admin.usersTitle')}
        </Title>
        <ListView
          label={t('admin.usersTitle')}
          empty={t('admin.noUsers')}
          pageSize={50}
          minWidth={900}
          filters={[
            { kind: 'search', key: 'q', label: t('filters.searchUser') },
            {
              kind: 'select',
              key: 'role',
              label: t('filters.role'),
              allLabel: t('filters.allRoles'),
              options: roles.map((r) => ({ value: r, label: t(`roles.${r}`) })),
              width: 220,
            },
            {
              kind: 'select',
              key: 'status',
              label: t('filters.status'),
              options: statuses.map((s) => ({ value: s, label: t(`userStatus.${s}`) })),
              width: 180,
            },
          ]}
          query={(filters, page) => {
            const query = { ...filters, ...page } as UserQuery;
            return { queryKey: userKeys.list(query), queryFn: () => api.get('/api/users', { query }) };
          }}
          notice={<ActionMessage message={message} />}
          rowKey={(user) => user.id}
          columns={[
            {
              header: t('admin.name'),
              cell: (user) => (
                <>
                  <Text fw={600} size="sm">
                    {user.displayName}
                  </Text>
                  <Text size="sm" className="break-anywhere">
                    {user.email}
                  </Text>
                </>
              ),
            },
            {
              header: t('admin.roles'),
              cell: (user) => (
                <Stack gap={2}>
                  {user.roles.map((r, index) => (
                    <Group gap={6} key={index}>
                      <Text size="sm">{roleWithScope(t, r)}</Text>
                      {!r.confirmed && <RolePendingBadge />}
                    </Group>
                  ))}
                </Stack>
              ),
            },
            { header: t('admin.status'), cell: (user) => <UserStatusBadge status={user.status} /> },
            {
              header: t('admin.secondFactor'),
              cell: (user) => (user.hasSecondFactor ? t('common.yes') : t('common.no')),
            },
            { header: t('admin.created'), cell: (user) => format.date(user.createdAt) },
            { header: t('admin.actions'), cell: (user) => actions(user) },
          ]}
        />
      </Stack>

      <ConfirmDialog
        opened={confirming}
        title={
          pending?.kind === 'resetSecondFactor'
            ? t('admin.resetSecondFactorTitle', { name: pending.user.displayName })
            : t('admin.endSessionsTitle', { name: pending?.user.displayName ?? '' })
        }
        confirmLabel={
          pending?.kind === 'resetSecondFactor' ? t('admin.resetSecondFactor') : t('admin.endSessions')
        }
        onConfirm={() => {
          if (!pending) return;
          // Closed first: the password dialog may follow.
          setConfirming(false);
          setMessage(null);
          accountAction.mutate(pending);
        }}
        onCancel={() => setConfirming(false)}
      >
        {pending?.kind === 'resetSecondFactor' ? (
          <Stack gap="xs">
            <Text size="sm">{t('admin.resetSecondFactorWhen', { name: pending.user.displayName })}</Text>
            <List size="sm" spacing={4}>
              <List.Item>{t('admin.resetSecondFactorEffect1')}</List.Item>
              <List.Item>{t('admin.resetSecondFactorEffect2')}</List.Item>
              <List.Item>{t('admin.resetSecondFactorEffect3')}</List.Item>
            </List>
          </Stack>
        ) : (
          <Text size="sm">{t('admin.endSessionsText', { name: pending?.user.displayName ?? '' })}</Text>
        )}
      </ConfirmDialog>
    </Stack>
  );
}
