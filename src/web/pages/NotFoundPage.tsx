import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle.tsx';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="not-found">
      <PageTitle title={t('notFound.title')} />
      <Text>{t('notFound.text')}</Text>
      <Anchor component={Link} to="/">
        {t('common.toHome')}
      </Anchor>
    </Stack>
  );
}
