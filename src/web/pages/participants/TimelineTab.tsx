import { Group, NativeSelect, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconBriefcase,
  IconCalendarEvent,
  IconLanguage,
  IconListCheck,
  IconMessageQuestion,
  IconNote,
  IconRoute,
  IconStar,
  type Icon,
  IconPoint,
} from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { timelineKinds } from '../../../shared/contracts/trajectories.ts';
import { api } from '../../api.ts';
import { Loading, QueryError } from '../../components/Feedback.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { useFormat } from '../../i18n/format.ts';
import { openKeyText } from '../../i18n/keys.ts';
import { participantKeys } from '../../participants.ts';

// Kinds other modules add (the list is open) get the point icon.
const icons: Partial<Record<string, Icon>> & Record<(typeof timelineKinds)[number], Icon> = {
  trajectory: IconRoute,
  plan: IconListCheck,
  meeting: IconCalendarEvent,
  note: IconNote,
  question: IconMessageQuestion,
  application: IconBriefcase,
  activity: IconStar,
  language: IconLanguage,
};

/** Everything that happened, newest first, filterable by kind (kept in the URL). */
export default function TimelineTab({ participantId }: { participantId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const filters = useUrlFilters(['kind'] as const);
  const kind = timelineKinds.find((k) => k === filters.values.kind);
  const timeline = useQuery({
    queryKey: participantKeys.timeline(participantId, kind ?? 'all'),
    queryFn: () =>
      api.get('/api/participants/:id/timeline', { params: { id: participantId }, query: { kind } }),
    placeholderData: keepPreviousData,
  });
  const items = [...(timeline.data?.items ?? [])].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

  const detail = (data: Record<string, unknown>, title: string) => {
    if (title === 'language.assessed')
      return t('timeline.levelDetail', {
        skill: t(`cefrSkill.${String(data.skill)}`),
        level: t(`cefrLevel.${String(data.level)}`),
        source: t(`levelSource.${String(data.source)}`),
      });
    if (title.startsWith('meeting.') && typeof data.durationMinutes === 'number')
      return t('timeline.minutes', { count: data.durationMinutes });
    if (title === 'trajectory.stopped' && typeof data.stopReason === 'string')
      return t(`stopReason.${data.stopReason}`, { defaultValue: '' });
    return null;
  };

  return (
    <Stack gap="md">
      <NativeSelect
        label={t('timeline.filter')}
        value={kind}
        onChange={(event) => filters.set({ kind: event.currentTarget.value })}
        data={[
          { value: '', label: t('filters.all') },
          ...timelineKinds.map((k) => ({ value: k, label: t(`timeline.kind.${k}`) })),
        ]}
        w={{ base: '100%', xs: 260 }}
      />
      {timeline.isPending ? (
        <Loading />
      ) : timeline.error ? (
        <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : items.length === 0 ? (
        <Text>{t('timeline.empty')}</Text>
      ) : (
        <Stack
          component="ol"
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('file.tab.timeline')}
        >
          {items.map((item, index) => {
            const KindIcon = icons[item.kind] ?? IconPoint;
            const extra = detail(item.data, item.title);
            return (
              <Paper component="li" key={index} withBorder radius="md" p="sm">
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon variant="light" size={36} radius="xl">
                    <KindIcon size={20} aria-hidden="true" />
                  </ThemeIcon>
                  <Stack gap={2} style={{ minInlineSize: 0 }}>
                    <Text fw={600}>
                      {openKeyText(t, `timelineTitle.${item.title}`, t('timeline.otherEntry'))}
                    </Text>
                    <Text size="sm">
                      {format.when(item.at)}
                      {item.byName ? ` · ${item.byName}` : ''}
                    </Text>
                    {extra && <Text size="sm">{extra}</Text>}
                    {item.text && (
                      <Text
                        size="sm"
                        dir="auto"
                        className="break-anywhere"
                        style={{ whiteSpace: 'pre-wrap' }}
                      >
                        {item.text}
                      </Text>
                    )}
                  </Stack>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
