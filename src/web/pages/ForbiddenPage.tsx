import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle.tsx';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageTitle title={t('forbidden.title')} />
      <Text>{t('forbidden.text')}</Text>
      <Anchor component={Link} to="/">
        {t('common.toHome')}
      </Anchor>
    </Stack>
  );
}
