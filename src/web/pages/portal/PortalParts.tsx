import type { ReactNode } from 'react';
import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowBack, IconLanguage, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isLocale, languageNames } from '../../i18n/languages.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';

/** An icon beside a short sentence. */
export function Line({ icon: IconComponent, children }: { icon: Icon; children: ReactNode }) {
  return (
    <Group gap="md" wrap="nowrap" align="center">
      <ThemeIcon size={44} radius="xl" variant="light" color="blue">
        <IconComponent size={26} aria-hidden="true" />
      </ThemeIcon>
      <Text size="lg" component="div" style={{ minInlineSize: 0 }}>
        {children}
      </Text>
    </Group>
  );
}

/** A part of the portal home with its heading, holding a list (`items`, each an `li`). */
export function PortalList({
  id,
  title,
  testId,
  children,
}: {
  id: string;
  title: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="md">
        {title}
      </Title>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid={testId}>
        {children}
      </Stack>
    </Paper>
  );
}

/** One tap to Dutch, and one tap back to the participant's own language. */
export function DutchToggle({ own }: { own: string }) {
  const { language, setLanguage } = useLanguage();
  const home = isLocale(own) && own !== 'nl' ? own : language === 'nl' ? 'ar' : language;
  const target = language === 'nl' ? home : 'nl';
  if (!isLocale(target)) return null;
  return (
    <Button
      variant="outline"
      size="md"
      lang={target}
      leftSection={<IconLanguage size={22} aria-hidden="true" />}
      onClick={() => void setLanguage(target)}
      data-testid="language-toggle"
    >
      {languageNames[target]}
    </Button>
  );
}

export function BackHome() {
  const { t } = useTranslation();
  return (
    <Button
      component={Link}
      to="/"
      variant="subtle"
      size="md"
      leftSection={<IconArrowBack size={22} aria-hidden="true" className="rtl-flip" />}
      w="fit-content"
    >
      {t('portal.backHome')}
    </Button>
  );
}
