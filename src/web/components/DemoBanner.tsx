import { Box, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { systemKeys } from '../queries.ts';

/** Whether this server runs as a demo (demo data, logins with a published password). */
export function useDemoMode() {
  const query = useQuery({
    queryKey: systemKeys.health,
    queryFn: () => api.get('/api/health'),
    staleTime: Infinity,
    retry: false,
  });
  return query.data?.mode === 'demo';
}

/**
 * On every page of a demo: nobody should type in real data. It cannot be closed; on a phone it takes two or three
 * short lines.
 */
export function DemoBanner() {
  const { t } = useTranslation();
  if (!useDemoMode()) return null;
  return (
    <Box
      component="section"
      aria-label={t('demo.label')}
      className="demo-banner"
      mb={{ base: 'sm', sm: 'md' }}
    >
      <IconAlertTriangle size={20} aria-hidden="true" className="demo-banner-icon" />
      <Text fz={{ base: 'xs', sm: 'sm' }} lh={1.4}>
        <strong>{t('demo.title')}</strong> {t('demo.text')}
      </Text>
    </Box>
  );
}
