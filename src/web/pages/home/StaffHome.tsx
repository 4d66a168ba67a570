import {
  Badge,
  Button,
  Card,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconBuildingCommunity,
  IconCircleCheck,
  IconListCheck,
  IconMail,
  IconUser,
  IconUserPlus,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/roles.ts';
import { roleWithScope } from '../../components/roleText.ts';
import { Loading, QueryError } from '../../components/Feedback.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFormat } from '../../i18n/format.ts';
import { usePartnerships } from '../../queries.ts';
import type { HomeProps } from '../HomePage.tsx';

/**
 * How many "what Opstap does for you" points each role has in the locale files (`roleHome.<role>.pointN`). Only
 * what Opstap does today: trainers, employer contacts and evaluators get their own home with their modules
 * (the training feature replaces the trainer's).
 */
export const rolePoints: Partial<Record<Role, number>> = {
  coach: 5,
  trainer: 2,
  municipality_staff: 4,
  employer_contact: 2,
  evaluator: 1,
};

const seesPartnerships: Role[] = ['coach', 'trainer', 'municipality_staff'];

/** Coaches, trainers, municipality staff, employer contacts and evaluators: who they are and what Opstap does for them. */
export default function StaffHome({ me, role, roleSwitcher }: HomeProps) {
  const { t } = useTranslation();
  const points = rolePoints[role] ?? 0;
  const assignments = me.roles.filter((r) => r.role === role);
  const withPartnerships = seesPartnerships.includes(role);

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <PageTitle title={t('staff.welcome', { name: me.displayName })} />
        <Text size="lg">{t(`roleHome.${role}.intro`)}</Text>
        {role === 'coach' && (
          <Group>
            <Button
              component={Link}
              to="/caseload"
              size="lg"
              leftSection={<IconListCheck size={22} aria-hidden="true" />}
            >
              {t('staff.toCaseload')}
            </Button>
          </Group>
        )}
        {role === 'municipality_staff' && (
          <Group>
            <Button
              component={Link}
              to="/participants/new"
              size="lg"
              leftSection={<IconUserPlus size={22} aria-hidden="true" />}
            >
              {t('staff.newReferral')}
            </Button>
            <Button component={Link} to="/participants" size="lg" variant="default">
              {t('staff.myReferrals')}
            </Button>
          </Group>
        )}
        {roleSwitcher}
      </Stack>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="about-you">
          <Title order={2} size="h3" id="about-you" mb="sm">
            {t('staff.aboutYou')}
          </Title>
          <Stack gap="xs">
            <Group gap="xs" wrap="nowrap">
              <IconUser size={18} aria-hidden="true" />
              <Text className="break-anywhere">
                <Text span fw={600}>
                  {t('staff.name')}:
                </Text>{' '}
                {me.displayName}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <IconMail size={18} aria-hidden="true" />
              <Text className="break-anywhere">
                <Text span fw={600}>
                  {t('staff.email')}:
                </Text>{' '}
                {me.email}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <IconBuildingCommunity size={18} aria-hidden="true" />
              <div>
                <Text fw={600}>{t('staff.yourRoles')}:</Text>
                <List size="sm">
                  {assignments.map((a, index) => (
                    <List.Item key={index}>{roleWithScope(t, a)}</List.Item>
                  ))}
                </List>
              </div>
            </Group>
          </Stack>
        </Paper>

        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="for-you">
          <Title order={2} size="h3" id="for-you" mb="sm">
            {t('staff.whatForYou')}
          </Title>
          <List
            spacing="sm"
            icon={
              <ThemeIcon color="green.9" size={22} radius="xl">
                <IconCircleCheck size={16} aria-hidden="true" />
              </ThemeIcon>
            }
          >
            {Array.from({ length: points }, (_, i) => (
              <List.Item key={i}>{t(`roleHome.${role}.point${i + 1}`)}</List.Item>
            ))}
          </List>
        </Paper>
      </SimpleGrid>

      {withPartnerships && <ActivePartnerships role={role} />}
    </Stack>
  );
}

function ActivePartnerships({ role }: { role: Role }) {
  const { t } = useTranslation();
  const format = useFormat();
  const partnerships = usePartnerships({ status: 'active', limit: 100 });
  const title = role === 'municipality_staff' ? t('staff.activeInMunicipality') : t('staff.activeInRegion');
  return (
    <Stack gap="sm" component="section" aria-labelledby="active-partnerships">
      <Title order={2} id="active-partnerships">
        {title}
      </Title>
      {partnerships.isPending ? (
        <Loading />
      ) : partnerships.error ? (
        <QueryError error={partnerships.error} onRetry={() => void partnerships.refetch()} />
      ) : partnerships.data.items.length === 0 ? (
        <Text>{t('staff.noActive')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {partnerships.data.items.map((p) => (
            <Card
              key={p.id}
              withBorder
              radius="md"
              padding="md"
              component="article"
              aria-labelledby={`p-${p.id}`}
            >
              <Title order={3} size="h4" id={`p-${p.id}`}>
                {p.municipalityName}
              </Title>
              {p.regionName && <Text size="sm">{p.regionName}</Text>}
              <Text size="sm" mt="xs">
                {t('staff.period', {
                  from: format.date(p.startsOn) || '–',
                  to: format.date(p.endsOn) || '–',
                })}
              </Text>
              {p.sectorFocus.length > 0 && (
                <Group gap={6} mt="xs">
                  {p.sectorFocus.map((s) => (
                    <Badge key={s} variant="outline" color="blue.9" radius="sm">
                      {t(`sectors.${s}`)}
                    </Badge>
                  ))}
                </Group>
              )}
              {p.goals && (
                <Text size="sm" mt="xs" dir="auto">
                  {p.goals}
                </Text>
              )}
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
