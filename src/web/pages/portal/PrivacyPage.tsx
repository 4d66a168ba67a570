import { Paper, Stack, Text } from '@mantine/core';
import { IconEye, IconEyeOff, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Loading, QueryError } from '../../components/Feedback.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { usePortal } from './portal.ts';
import { BackHome, Line } from './PortalParts.tsx';

/** Who can see my file, and how much. Read-only. */
export default function PrivacyPage() {
  const { t } = useTranslation();
  const portal = usePortal();
  if (portal.isPending) return <Loading />;
  if (portal.error) return <QueryError error={portal.error} onRetry={() => void portal.refetch()} />;
  return (
    <Stack gap="lg" maw={640}>
      <PageTitle title={t('participant.fileTitle')} />
      <Text size="lg">{t('portal.privacyIntro')}</Text>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {portal.data.whoCanSee.map((row, i) => (
          <Paper component="li" key={i} withBorder radius="lg" p="md">
            <Line icon={row.what === 'everything' ? IconEye : IconEyeOff}>
              <Text size="lg" fw={600}>
                {t(`portal.who.${row.who}`)}
                {row.name ? (
                  <>
                    {': '}
                    <span dir="auto">{row.name}</span>
                  </>
                ) : null}
              </Text>
              <Text>{t(`portal.what.${row.what}`)}</Text>
            </Line>
          </Paper>
        ))}
      </Stack>
      <Line icon={IconLock}>{t('participant.file3')}</Line>
      <BackHome />
    </Stack>
  );
}
