import { Suspense, useEffect, useRef } from 'react';
import { Anchor, AppShell, Box, Burger, Button, Divider, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconDevices,
  IconHistory,
  IconHome,
  IconListCheck,
  IconLogout,
  IconMail,
  IconMapPin,
  IconPlus,
  IconShieldLock,
  IconUserPlus,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import type { Me } from '../../shared/contracts/index.ts';
import type { Role } from '../../shared/roles.ts';
import { hasRole } from '../auth/me.ts';
import { useLogout } from '../auth/useLogout.ts';
import { DemoBanner, useDemoMode } from './DemoBanner.tsx';
import { Loading } from './Feedback.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { SkipLink } from './SkipLink.tsx';

type NavItem = { to: string; label: string; icon: Icon; roles?: Role[] };

const navItems: NavItem[] = [
  { to: '/', label: 'nav.home', icon: IconHome },
  {
    to: '/caseload',
    label: 'nav.caseload',
    icon: IconListCheck,
    roles: ['coach', 'regional_lead', 'national_lead'],
  },
  {
    to: '/participants',
    label: 'nav.participants',
    icon: IconUsers,
    roles: ['coach', 'regional_lead', 'national_lead', 'municipality_staff'],
  },
  {
    to: '/participants/new',
    label: 'nav.newReferral',
    icon: IconUserPlus,
    roles: ['coach', 'regional_lead', 'national_lead', 'municipality_staff'],
  },
  {
    to: '/partnerships/new',
    label: 'nav.newPartnership',
    icon: IconPlus,
    roles: ['national_lead', 'regional_lead'],
  },
  {
    to: '/municipalities',
    label: 'nav.municipalities',
    icon: IconMapPin,
    roles: ['national_lead', 'regional_lead', 'administrator'],
  },
  { to: '/users/invite', label: 'nav.inviteUser', icon: IconUserPlus, roles: ['administrator'] },
  { to: '/audit', label: 'nav.audit', icon: IconHistory, roles: ['administrator'] },
  { to: '/jobs', label: 'nav.jobs', icon: IconAlertTriangle, roles: ['administrator'] },
  { to: '/dev/outbox', label: 'nav.outbox', icon: IconMail, roles: ['administrator'] },
  { to: '/account/sessions', label: 'nav.sessions', icon: IconDevices },
  { to: '/account/security', label: 'nav.security', icon: IconShieldLock },
];

/** The page frame for signed-in users: header, menu (a burger on phones) and the main content. */
export function AppLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const location = useLocation();
  const logout = useLogout();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isMobile = useMediaQuery('(max-width: 48em)') ?? false;
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After moving to another page: close the phone menu and put focus at the start of the new content.
  useEffect(() => {
    close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [location.pathname, close]);

  const demo = useDemoMode();
  const setupOnly = me.sessionStage !== 'full';
  const allowed = setupOnly
    ? navItems.filter((item) => item.to === '/account/security')
    : navItems.filter(
        // The outbox exists only where messages are not really sent: in demo mode.
        (item) => (!item.roles || hasRole(me, ...item.roles)) && (demo || item.to !== '/dev/outbox'),
      );
  // Coaches start their day with the caseload: it comes first.
  const items = hasRole(me, 'coach')
    ? [...allowed.filter((i) => i.to === '/caseload'), ...allowed.filter((i) => i.to !== '/caseload')]
    : allowed;
  const isActive = (to: string) => {
    if (to === '/') return location.pathname === '/';
    if (to === '/participants')
      return location.pathname.startsWith(to) && !location.pathname.startsWith('/participants/new');
    return location.pathname.startsWith(to);
  };

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
                aria-expanded={opened}
                aria-controls="main-nav"
              />
              <Anchor component={Link} to="/" fw={800} fz="xl" c="blue.9" underline="never">
                {t('app.name')}
              </Anchor>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitcher />
              <Text visibleFrom="md" size="sm" fw={600} className="break-anywhere">
                {me.displayName}
              </Text>
              <Button
                visibleFrom="sm"
                variant="default"
                leftSection={<IconLogout size={18} aria-hidden="true" className="rtl-flip" />}
                onClick={() => void logout()}
              >
                {t('nav.logout')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar
          id="main-nav"
          p="sm"
          aria-label={t('nav.label')}
          inert={isMobile && !opened ? true : undefined}
        >
          <Stack gap={4}>
            {items.map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={t(item.label)}
                leftSection={<item.icon size={20} aria-hidden="true" />}
                active={isActive(item.to)}
                aria-current={isActive(item.to) ? 'page' : undefined}
                variant="light"
              />
            ))}
          </Stack>
          <Box hiddenFrom="sm" mt="md">
            <Divider mb="sm" />
            <Text size="sm" fw={600} mb="xs" className="break-anywhere">
              {me.displayName}
            </Text>
            <Button
              fullWidth
              variant="default"
              leftSection={<IconLogout size={18} aria-hidden="true" className="rtl-flip" />}
              onClick={() => void logout()}
            >
              {t('nav.logout')}
            </Button>
          </Box>
        </AppShell.Navbar>

        <AppShell.Main id="main" ref={mainRef} tabIndex={-1}>
          <Box maw={1200} mx="auto">
            <DemoBanner />
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </Box>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
