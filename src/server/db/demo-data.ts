import { eq } from 'drizzle-orm';
import type { Db } from '../../domain/db.ts';
import { appUser, hashPassword, roleAssignment } from '../../domain/access/index.ts';
import { employer } from '../../domain/employers/employers.table.ts';
import { partnership, region } from '../../domain/organisation/index.ts';
import { loadDemoParticipants } from './demo-participants.ts';
import { loadDemoTraining } from './demo-training.ts';
import type { Role, MunicipalFunction } from '../../shared/roles.ts';
import type { Sector } from '../../shared/contracts/organisation.ts';

export const demoPassword = 'opstap-demo';

type DemoUser = {
  email: string;
  displayName: string;
  role: Role;
  scope?: 'region' | 'municipality' | 'employer';
  municipalFunction?: MunicipalFunction;
  preferredLanguage?: 'nl' | 'en' | 'ar';
};

// Fictional people and employers only. Municipality names are real.
export const demoUsers: DemoUser[] = [
  { email: 'admin@demo.opstap.nl', displayName: 'Sanne Bakker', role: 'administrator' },
  { email: 'national@demo.opstap.nl', displayName: 'Pieter van Dam', role: 'national_lead' },
  { email: 'regional@demo.opstap.nl', displayName: 'Hanna de Graaf', role: 'regional_lead', scope: 'region' },
  { email: 'coach@demo.opstap.nl', displayName: 'Joost Verhoeven', role: 'coach', scope: 'region' },
  { email: 'coach2@demo.opstap.nl', displayName: 'Mirjam Kok', role: 'coach', scope: 'region' },
  { email: 'trainer@demo.opstap.nl', displayName: 'Ruben Smit', role: 'trainer', scope: 'region' },
  {
    email: 'participant@demo.opstap.nl',
    displayName: 'Yonas Tesfay',
    role: 'participant',
    preferredLanguage: 'ar',
  },
  {
    email: 'municipality@demo.opstap.nl',
    displayName: 'Linda Jansen',
    role: 'municipality_staff',
    scope: 'municipality',
    municipalFunction: 'client_manager',
  },
  {
    email: 'employer@demo.opstap.nl',
    displayName: 'Erik Mulder',
    role: 'employer_contact',
    scope: 'employer',
  },
  { email: 'evaluator@demo.opstap.nl', displayName: 'Noor Hendriks', role: 'evaluator' },
];

/** The demo region and municipality: Utrecht, in Regio Midden. */
export const demoMunicipality = 'GM0344';

const partnerships: {
  code: string;
  status: 'draft' | 'active' | 'ended';
  sectors: Sector[];
  goals: string;
}[] = [
  {
    code: 'GM0344',
    status: 'active',
    sectors: ['care', 'hospitality'],
    goals: '40 deelnemers per jaar; 60% werkfit na zes maanden.',
  },
  {
    code: 'GM0307',
    status: 'active',
    sectors: ['logistics'],
    goals: 'Samen met het Werkgevers ServicePunt 20 plaatsen in de logistiek.',
  },
  {
    code: 'GM0034',
    status: 'active',
    sectors: ['care'],
    goals: 'Sectorgerichte route in de zorg, met taalstage.',
  },
  {
    code: 'GM0014',
    status: 'active',
    sectors: ['production', 'cleaning'],
    goals: 'Eén bericht aan de deelnemer: coach, klantmanager en jobcoach stemmen af.',
  },
  {
    code: 'GM0599',
    status: 'active',
    sectors: ['hospitality'],
    goals: 'Proefplaatsingen in de horeca, uren rustig opbouwen.',
  },
  {
    code: 'GM0268',
    status: 'active',
    sectors: ['technology'],
    goals: 'Techniek en productie; BBL-route waar het kan.',
  },
  { code: 'GM0355', status: 'draft', sectors: [], goals: 'Eerste gesprek gevoerd; afspraken volgen.' },
  { code: 'GM0321', status: 'draft', sectors: ['retail'], goals: '' },
  { code: 'GM0153', status: 'draft', sectors: [], goals: '' },
  { code: 'GM0363', status: 'ended', sectors: ['hospitality'], goals: 'Pilot 2024 afgerond.' },
];

/**
 * Demo logins (one per role, password `opstap-demo`), a demo employer and partnerships.
 * Demo accounts skip the second factor so a newcomer can look around. Loading twice changes nothing.
 */
export async function loadDemoData(db: Db, today = new Date().toISOString().slice(0, 10)) {
  const [already] = await db
    .select({ id: appUser.id })
    .from(appUser)
    .where(eq(appUser.email, demoUsers[0]!.email));
  if (already) return false;
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction(async (tx) => {
    const [midden] = await tx.select().from(region).where(eq(region.code, 'Midden'));
    const [bakery] = await tx
      .insert(employer)
      .values({ name: 'Bakkerij De Korenschoof', kvkNumber: '90000001', municipalityCode: demoMunicipality })
      .returning();
    await tx.insert(employer).values([
      { name: 'Zorggroep Lindehof', kvkNumber: '90000002', municipalityCode: demoMunicipality },
      { name: 'Logistiek Centrum Eemland', kvkNumber: '90000003', municipalityCode: 'GM0307' },
    ]);
    for (const u of demoUsers) {
      const [user] = await tx
        .insert(appUser)
        .values({
          email: u.email,
          displayName: u.displayName,
          preferredLanguage: u.preferredLanguage ?? 'nl',
          passwordHash,
          isDemo: true,
        })
        .returning();
      await tx.insert(roleAssignment).values({
        userId: user!.id,
        role: u.role,
        regionId: u.scope === 'region' ? midden!.id : null,
        municipalityCode: u.scope === 'municipality' ? demoMunicipality : null,
        municipalFunction: u.municipalFunction ?? null,
        employerId: u.scope === 'employer' ? bakery!.id : null,
      });
    }
    const taken = new Set(
      (await tx.select({ code: partnership.municipalityCode }).from(partnership)).map((p) => p.code),
    );
    await tx.insert(partnership).values(
      partnerships
        .filter((p) => !taken.has(p.code))
        .map((p) => ({
          municipalityCode: p.code,
          status: p.status,
          startsOn: p.status === 'draft' ? null : p.status === 'ended' ? '2024-01-01' : '2026-01-01',
          endsOn: p.status === 'ended' ? '2024-12-31' : p.status === 'active' ? '2027-12-31' : null,
          goals: p.goals,
          communication:
            p.status === 'draft' ? '' : 'Maandelijks overleg; korte lijnen via e-mail en telefoon.',
          sectorFocus: p.sectors,
          contacts:
            p.status === 'draft'
              ? []
              : [
                  {
                    role: 'client_manager' as const,
                    name: 'Klantmanager Team Statushouders',
                    email: 'statushouders@gemeente.example',
                  },
                  {
                    role: 'employer_advisor' as const,
                    name: 'Werkgevers ServicePunt',
                    phone: '+31 30 000 0000',
                  },
                ],
        })),
    );
    await loadDemoParticipants(tx, today);
    await loadDemoTraining(tx, today);
  });
  return true;
}
