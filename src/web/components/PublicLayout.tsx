import { Suspense } from 'react';
import { Anchor, AppShell, Box, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { DemoBanner } from './DemoBanner.tsx';
import { Loading } from './Feedback.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { SkipLink } from './SkipLink.tsx';

/** The frame for pages before login: the name, the language menu and the content. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink />
      <AppShell header={{ height: 64 }} padding={{ base: 'sm', sm: 'lg' }}>
        <AppShell.Header>
          <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap">
            <Anchor component={Link} to="/login" fw={800} fz="xl" c="blue.9" underline="never">
              {t('app.name')}
            </Anchor>
            <LanguageSwitcher />
          </Group>
        </AppShell.Header>
        <AppShell.Main id="main" tabIndex={-1}>
          <Box maw={480} mx="auto" py={{ base: 'sm', sm: 'xl' }}>
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
