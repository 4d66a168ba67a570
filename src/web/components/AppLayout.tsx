import { Suspense, useEffect, useRef } from 'react';
import { Anchor, AppShell, Box, Burger, Button, Divider, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import type { Me } from '../../shared/contracts/index.ts';
import { hasRole } from '../auth/me.ts';
import { useLogout } from '../auth/useLogout.ts';
import type { MenuEntry } from '../features/feature.ts';
import { menuEntries } from '../features/registry.ts';
import { DemoBanner, useDemoMode } from './DemoBanner.tsx';
import { Loading } from './Feedback.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { SkipLink } from './SkipLink.tsx';

/**
 * The menu entries this person sees, in order: every feature's entries for their roles (while a new staff member
 * still sets up their second factor, only what that needs). Entries a role starts the day with come first.
 */
function menuFor(me: Me, demo: boolean): MenuEntry[] {
  const allowed = menuEntries.filter(
    (item) =>
      (me.sessionStage === 'full' || item.duringSetup) &&
      (!item.roles || hasRole(me, ...item.roles)) &&
      (demo || !item.demoOnly),
  );
  const first = allowed.filter((item) => item.firstFor && hasRole(me, ...item.firstFor));
  return [...first, ...allowed.filter((item) => !first.includes(item))];
}

/** The entry of this page: the longest `to` the path is or starts with (`/participants/new` is not the list). */
function activeEntry(items: MenuEntry[], pathname: string) {
  const matches = items.filter((item) =>
    item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`),
  );
  return matches.sort((a, b) => b.to.length - a.to.length)[0]?.to;
}

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
  const items = menuFor(me, demo);
  const active = activeEntry(items, location.pathname);
  const isActive = (to: string) => to === active;

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
