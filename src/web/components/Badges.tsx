import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const partnershipColors = { draft: 'orange', active: 'green', ended: 'gray' } as const;

/** Dark text with a coloured dot: readable (AA) whatever the status colour, and the word carries the meaning. */
export function PartnershipStatusBadge({ status }: { status: 'draft' | 'active' | 'ended' | null }) {
  const { t } = useTranslation();
  if (!status)
    return (
      <Badge variant="outline" color="gray.8" radius="sm" miw="max-content">
        {t('partnershipStatus.none')}
      </Badge>
    );
  return (
    <Badge variant="dot" color={partnershipColors[status]} radius="sm" miw="max-content">
      {t(`partnershipStatus.${status}`)}
    </Badge>
  );
}

const userColors = { invited: 'orange', active: 'green', disabled: 'gray' } as const;

export function UserStatusBadge({ status }: { status: 'invited' | 'active' | 'disabled' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={userColors[status]} radius="sm" miw="max-content">
      {t(`userStatus.${status}`)}
    </Badge>
  );
}

/** A role an administrator gave that a lead has not confirmed yet: it gives no access until then. */
export function RolePendingBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color="orange" radius="sm" miw="max-content">
      {t('roleStatus.pending')}
    </Badge>
  );
}

const trajectoryColors = {
  referred: 'orange',
  intake: 'yellow',
  active: 'green',
  completed: 'blue',
  stopped: 'gray',
} as const;

/** The phase of a trajectory; `null` when there is none. */
export function TrajectoryStatusBadge({
  status,
}: {
  status: 'referred' | 'intake' | 'active' | 'completed' | 'stopped' | null;
}) {
  const { t } = useTranslation();
  if (!status)
    return (
      <Badge variant="outline" color="gray.8" radius="sm" miw="max-content">
        {t('trajectoryStatus.none')}
      </Badge>
    );
  return (
    <Badge variant="dot" color={trajectoryColors[status]} radius="sm" miw="max-content">
      {t(`trajectoryStatus.${status}`)}
    </Badge>
  );
}
