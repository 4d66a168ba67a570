import { useState } from 'react';
import {
  Anchor,
  Button,
  Group,
  List,
  Menu,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconChevronDown,
  IconDeviceMobileOff,
  IconHistory,
  IconLogout,
  IconMail,
  IconSearch,
  IconSend,
  IconUserPlus,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roles } from '../../../shared/roles.ts';
import { api } from '../../api.ts';
import { RolePendingBadge, UserStatusBadge } from '../../components/Badges.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useDemoMode } from '../../components/DemoBanner.tsx';
import { SuccessMessage, PagedResults } from '../../components/Feedback.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Pager } from '../../components/Pager.tsx';
import { roleWithScope } from '../../components/roleText.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useDebouncedSearch, useUrlFilters } from '../../components/useUrlFilters.ts';
import { errorText } from '../../errors.ts';
import { useFormat } from '../../i18n/format.ts';
import type { Page, UserRow } from '../../queries.ts';
import type { HomeProps } from '../HomePage.tsx';

const pageSize = 50;
const statuses = ['invited', 'active', 'disabled'] as const;

/** The account actions that need a "are you sure?" first. */
type AccountAction = { kind: 'endSessions' | 'resetSecondFactor'; user: UserRow };

/** Administrators: everyone with an account, invitations, and links to the audit log, failed jobs and outbox. */
export default function AdminHome({ me, roleSwitcher }: HomeProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const demo = useDemoMode();
  const filters = useUrlFilters(['q', 'role', 'status'] as const);
  const [search, setSearch] = useDebouncedSearch(filters.values.q, (q) => filters.set({ q }));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const query = {
    q: filters.values.q || undefined,
    role: filters.values.role || undefined,
    status: filters.values.status || undefined,
    limit: pageSize,
    offset: filters.offset,
  };
  const users = useQuery({
    queryKey: ['users', query],
    queryFn: () => api<Page<UserRow>>('/api/users', { query }),
    placeholderData: (previous) => previous,
  });

  const setDisabled = useMutation({
    mutationFn: ({ user, disabled }: { user: UserRow; disabled: boolean }) =>
      api<UserRow>(`/api/users/${user.id}`, { method: 'PATCH', body: { disabled } }),
    onSuccess: (_data, { user, disabled }) => {
      setMessage({
        ok: true,
        text: disabled
          ? t('admin.disabledDone', { name: user.displayName })
          : t('admin.enabledDone', { name: user.displayName }),
      });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
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
        ? api<{ ended: number }>(`/api/users/${user.id}/sessions/end`, { method: 'POST' })
        : api<{ ok: true }>(`/api/users/${user.id}/second-factor/reset`, { method: 'POST' }),
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
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => setMessage({ ok: false, text: errorText(t, error) }),
  });
  const resend = useMutation({
    mutationFn: (user: UserRow) => api(`/api/users/${user.id}/invitation`, { method: 'POST' }),
    onSuccess: (_data, user) => setMessage({ ok: true, text: t('admin.resent', { email: user.email }) }),
    onError: (error) => setMessage({ ok: false, text: errorText(t, error) }),
  });

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
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            type="search"
            label={t('filters.searchUser')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            w={{ base: '100%', xs: 260 }}
          />
          <NativeSelect
            label={t('filters.role')}
            value={filters.values.role}
            onChange={(event) => filters.set({ role: event.currentTarget.value })}
            data={[
              { value: '', label: t('filters.allRoles') },
              ...roles.map((r) => ({ value: r, label: t(`roles.${r}`) })),
            ]}
            w={{ base: '100%', xs: 220 }}
          />
          <NativeSelect
            label={t('filters.status')}
            value={filters.values.status}
            onChange={(event) => filters.set({ status: event.currentTarget.value })}
            data={[
              { value: '', label: t('filters.all') },
              ...statuses.map((s) => ({ value: s, label: t(`userStatus.${s}`) })),
            ]}
            w={{ base: '100%', xs: 180 }}
          />
          {filters.active && (
            <Button variant="subtle" onClick={filters.clear}>
              {t('filters.clear')}
            </Button>
          )}
        </Group>

        {message &&
          (message.ok ? (
            <SuccessMessage>{message.text}</SuccessMessage>
          ) : (
            <Text c="red.9" role="alert">
              {message.text}
            </Text>
          ))}

        <PagedResults query={users} empty={t('admin.noUsers')}>
          {(data) => (
            <>
              <ScrollTable label={t('admin.usersTitle')} minWidth={900}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.name')}</Table.Th>
                    <Table.Th>{t('admin.roles')}</Table.Th>
                    <Table.Th>{t('admin.status')}</Table.Th>
                    <Table.Th>{t('admin.secondFactor')}</Table.Th>
                    <Table.Th>{t('admin.created')}</Table.Th>
                    <Table.Th>{t('admin.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Td>
                        <Text fw={600} size="sm">
                          {user.displayName}
                        </Text>
                        <Text size="sm" className="break-anywhere">
                          {user.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          {user.roles.map((r, index) => (
                            <Group gap={6} key={index}>
                              <Text size="sm">{roleWithScope(t, r)}</Text>
                              {!r.confirmed && <RolePendingBadge />}
                            </Group>
                          ))}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <UserStatusBadge status={user.status} />
                      </Table.Td>
                      <Table.Td>{user.hasSecondFactor ? t('common.yes') : t('common.no')}</Table.Td>
                      <Table.Td>{format.date(user.createdAt)}</Table.Td>
                      <Table.Td>
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
                              onClick={() =>
                                setDisabled.mutate({ user, disabled: user.status !== 'disabled' })
                              }
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
                                  loading={
                                    accountAction.isPending && accountAction.variables?.user.id === user.id
                                  }
                                >
                                  {t('admin.more')}
                                </Button>
                              </Menu.Target>
                              <Menu.Dropdown>
                                <Menu.Item
                                  leftSection={
                                    <IconLogout size={16} aria-hidden="true" className="rtl-flip" />
                                  }
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
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
              <Pager
                offset={filters.offset}
                limit={pageSize}
                total={data.total}
                onChange={(offset) => filters.set({ offset })}
              />
            </>
          )}
        </PagedResults>
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
