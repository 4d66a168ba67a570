import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Me } from '../../shared/contracts/index.ts';
import type { Role } from '../../shared/roles.ts';
import { rolesOf, useMe } from '../auth/me.ts';
import { Loading } from '../components/Feedback.tsx';
import { PageTitle } from '../components/PageTitle.tsx';

export type HomeProps = { me: Me; role: Role; roleSwitcher?: ReactNode };

const AdminHome = lazy(() => import('./home/AdminHome.tsx'));
const LeadHome = lazy(() => import('./home/LeadHome.tsx'));
const StaffHome = lazy(() => import('./home/StaffHome.tsx'));
const ParticipantHome = lazy(() => import('./portal/PortalHome.tsx'));
// A trainer starts the day with their groups and today's session (the training feature's page).
const TrainerHome = lazy(() => import('../features/training/CohortsPage.tsx'));

const homes: Record<Role, ComponentType<HomeProps>> = {
  administrator: AdminHome,
  national_lead: LeadHome,
  regional_lead: LeadHome,
  coach: StaffHome,
  trainer: TrainerHome,
  municipality_staff: StaffHome,
  employer_contact: StaffHome,
  evaluator: StaffHome,
  participant: ParticipantHome,
};

/** The start page for the person's first role (see `rolePriority`); people with several roles can switch. */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [params, setParams] = useSearchParams();
  const roles = rolesOf(me);
  const asked = params.get('view');
  const role = roles.find((r) => r === asked) ?? roles[0];

  if (!role)
    return (
      <Stack data-testid="home" data-role="none">
        <PageTitle title={t('home.noRoleTitle')} />
        <Text>{t('home.noRoleText')}</Text>
      </Stack>
    );

  const roleSwitcher =
    roles.length > 1 ? (
      <NativeSelect
        label={t('home.viewAs')}
        value={role}
        maw={320}
        onChange={(event) => setParams({ view: event.currentTarget.value })}
        data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      />
    ) : null;
  const Home = homes[role];
  return (
    <div data-testid="home" data-role={role}>
      <Suspense fallback={<Loading />}>
        <Home me={me} role={role} roleSwitcher={roleSwitcher} />
      </Suspense>
    </div>
  );
}
