import { Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconBriefcase,
  IconDevices,
  IconEye,
  IconLanguage,
  IconLock,
  IconLogout,
  IconMessageQuestion,
  IconRoute,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLogout } from '../../auth/useLogout.ts';
import { LanguageButtons } from '../../components/LanguageSwitcher.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import type { HomeProps } from '../HomePage.tsx';

function Line({ icon: IconComponent, children }: { icon: Icon; children: string }) {
  return (
    <Group gap="md" wrap="nowrap" align="center">
      <ThemeIcon size={44} radius="xl" variant="light" color="blue">
        <IconComponent size={26} aria-hidden="true" />
      </ThemeIcon>
      <Text size="lg">{children}</Text>
    </Group>
  );
}

/** Participants: phone first, short sentences, big buttons, icons beside the words. */
export default function ParticipantHome({ me, roleSwitcher }: HomeProps) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Stack gap="lg" maw={640}>
      <PageTitle title={t('participant.hello', { name: me.displayName })} />
      {roleSwitcher}

      <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="plan-title">
        <Title order={2} size="h3" id="plan-title" mb="md">
          {t('participant.planTitle')}
        </Title>
        <Stack gap="md">
          <Line icon={IconRoute}>{t('participant.plan1')}</Line>
          <Line icon={IconBriefcase}>{t('participant.plan2')}</Line>
          <Line icon={IconMessageQuestion}>{t('participant.plan3')}</Line>
        </Stack>
      </Paper>

      <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="file-title">
        <Title order={2} size="h3" id="file-title" mb="md">
          {t('participant.fileTitle')}
        </Title>
        <Stack gap="md">
          <Line icon={IconUsers}>{t('participant.file1')}</Line>
          <Line icon={IconEye}>{t('participant.file2')}</Line>
          <Line icon={IconLock}>{t('participant.file3')}</Line>
        </Stack>
      </Paper>

      <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="language-title">
        <Group gap="sm" mb="md" wrap="nowrap">
          <IconLanguage size={28} aria-hidden="true" />
          <Title order={2} size="h3" id="language-title">
            {t('participant.languageTitle')}
          </Title>
        </Group>
        <LanguageButtons />
      </Paper>

      <Stack gap="sm">
        <Button
          component={Link}
          to="/account/sessions"
          size="xl"
          variant="default"
          className="participant-action"
          leftSection={<IconDevices size={26} aria-hidden="true" />}
          fullWidth
        >
          {t('participant.devices')}
        </Button>
        <Button
          size="xl"
          variant="outline"
          className="participant-action"
          leftSection={<IconLogout size={26} aria-hidden="true" className="rtl-flip" />}
          onClick={() => void logout()}
          fullWidth
        >
          {t('nav.logout')}
        </Button>
      </Stack>
    </Stack>
  );
}
