import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasRole, leadRoles, useMe } from '../../auth/me.ts';
import { TrajectoryStatusBadge } from '../../components/Badges.tsx';
import { DataTable } from '../../components/ListView.tsx';
import { useFormat } from '../../i18n/format.ts';
import type { ParticipantFile } from '../../participants.ts';
import { CoachPicker } from './trajectory/CoachPicker.tsx';
import { Extension } from './trajectory/Extension.tsx';
import { ExtensionHistory } from './trajectory/ExtensionHistory.tsx';
import { NewTrajectory } from './trajectory/NewTrajectory.tsx';
import { StatusActions } from './trajectory/StatusActions.tsx';

/** Phase changes, the coach, extensions, a new trajectory and earlier ones. */
export function TrajectoryTab({ file }: { file: ParticipantFile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe().data!;
  const isLead = hasRole(me, ...leadRoles);
  const trajectory = file.trajectory;
  const open = trajectory && ['referred', 'intake', 'active'].includes(trajectory.status);

  return (
    <Stack gap="xl">
      {trajectory && (
        <Stack gap="md" component="section" aria-labelledby="phase-title">
          <Title order={2} size="h3" id="phase-title">
            {t('trajectory.phaseTitle')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Dated label={t('trajectory.referredOn')} value={format.date(trajectory.referredOn)} />
            <Dated label={t('trajectory.intakeOn')} value={format.date(trajectory.intakeOn)} />
            <Dated label={t('trajectory.startedOn')} value={format.date(trajectory.startedOn)} />
            <Dated label={t('trajectory.endedOn')} value={format.date(trajectory.endedOn)} />
          </SimpleGrid>
          {trajectory.stopReason && (
            <Text>
              {t('trajectory.stoppedBecause', { reason: t(`stopReason.${trajectory.stopReason}`) })}
            </Text>
          )}
          {trajectory.referralMotivation && (
            <Text size="sm" dir="auto">
              <Text span fw={600}>
                {t('referral.motivation')}:
              </Text>{' '}
              {trajectory.referralMotivation}
            </Text>
          )}
          <StatusActions file={file} trajectory={trajectory} />
        </Stack>
      )}
      {trajectory && open && isLead && <CoachPicker file={file} trajectory={trajectory} />}
      {trajectory && isLead && trajectory.status === 'active' && (
        <Extension file={file} trajectory={trajectory} />
      )}
      {trajectory && !isLead && trajectory.extensions.length > 0 && (
        <ExtensionHistory trajectory={trajectory} />
      )}
      {!open && <NewTrajectory file={file} />}
      {file.earlierTrajectories.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="earlier-title">
          <Title order={2} size="h3" id="earlier-title">
            {t('trajectory.earlier')}
          </Title>
          <DataTable
            label={t('trajectory.earlier')}
            minWidth={600}
            rows={file.earlierTrajectories}
            rowKey={(e) => e.id}
            columns={[
              { header: t('participants.phase'), cell: (e) => <TrajectoryStatusBadge status={e.status} /> },
              { header: t('trajectory.referredOn'), cell: (e) => format.date(e.referredOn) },
              { header: t('trajectory.startedOn'), cell: (e) => format.date(e.startedOn) || '–' },
              { header: t('trajectory.endedOn'), cell: (e) => format.date(e.endedOn) || '–' },
              {
                header: t('trajectory.stopReason'),
                cell: (e) => (e.stopReason ? t(`stopReason.${e.stopReason}`) : '–'),
              },
            ]}
          />
        </Stack>
      )}
    </Stack>
  );
}

function Dated({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text>{value || '–'}</Text>
    </div>
  );
}
