// Synthetic data at realistic sizes, for load tests and for trying the app with a full country:
// `npm run seed -- --scale demo|region|national`. Fictional people and employers only; municipalities are real.
//
// Everything is planned from one seeded PRNG, so a scale and seed always give the same data. Loading skips what
// is already there (accounts by e-mail, employers by KvK number, municipalities that already have a
// partnership): running it again adds nothing, and a larger scale after a smaller one tops the data up.
import { eq, like } from 'drizzle-orm';
import type { Db } from '../src/domain/db.ts';
import { appUser, hashPassword, roleAssignment } from '../src/domain/access/index.ts';
import { employer } from '../src/domain/employers/employers.table.ts';
import {
  municipality,
  partnership,
  region,
  type PartnershipContact,
} from '../src/domain/organisation/index.ts';
import { sectors, type Sector } from '../src/shared/contracts/organisation.ts';
import { municipalFunctions, type MunicipalFunction, type Role } from '../src/shared/roles.ts';

export const scales = ['demo', 'region', 'national'] as const;
export type Scale = (typeof scales)[number];
export const isScale = (value: unknown): value is Scale => scales.includes(value as Scale);

/** Shared by every synthetic account; hashed once per run, since hashing thousands of times takes minutes. */
export const syntheticPassword = 'synthetic-pass-2026';
export const syntheticDomain = 'synthetic.opstap.nl';
/** Synthetic employers get KvK numbers 99xxxxxx, apart from the demo employers (9000000x). */
const kvkPrefix = '99';

type Size = {
  /** Region codes in scope; null is all regions (and all municipalities). */
  regions: string[] | null;
  coaches: number;
  trainersPerRegion: number;
  municipalityStaff: number;
  employers: number;
};

// `region` and `demo` use Regio Midden: the region of the demo accounts (regional@demo.opstap.nl).
const sizes: Record<Scale, Size> = {
  demo: { regions: ['Midden'], coaches: 50, trainersPerRegion: 3, municipalityStaff: 10, employers: 20 },
  region: { regions: ['Midden'], coaches: 600, trainersPerRegion: 20, municipalityStaff: 35, employers: 90 },
  national: { regions: null, coaches: 3000, trainersPerRegion: 20, municipalityStaff: 150, employers: 400 },
};
/** The share of municipalities in scope that get a partnership. */
const partnershipShare = 0.6;

/** A small, fast, seedable PRNG (mulberry32); returns numbers in [0, 1). */
export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// First and family names common in the Netherlands and in the countries many refugees come from.
// Combined at random, so any resemblance to a real person is chance.
const names: Record<string, { weight: number; first: string[]; family: string[] }> = {
  nl: {
    weight: 0.55,
    first: [
      'Daan',
      'Sem',
      'Bram',
      'Thijs',
      'Joost',
      'Willem',
      'Koen',
      'Emma',
      'Julia',
      'Sanne',
      'Lotte',
      'Femke',
    ],
    family: [
      'de Jong',
      'Jansen',
      'de Vries',
      'van den Berg',
      'van Dijk',
      'Bakker',
      'Visser',
      'Smit',
      'Meijer',
      'de Boer',
    ],
  },
  sy: {
    weight: 0.1,
    first: [
      'Mohammed',
      'Ahmad',
      'Omar',
      'Khaled',
      'Rami',
      'Yousef',
      'Fatima',
      'Rasha',
      'Lina',
      'Nour',
      'Hiba',
    ],
    family: ['Haddad', 'Khalil', 'Nasser', 'Darwish', 'Hamdan', 'Khoury', 'Mansour', 'Ibrahim', 'Al-Hassan'],
  },
  er: {
    weight: 0.08,
    first: ['Yonas', 'Semere', 'Dawit', 'Mehari', 'Habtom', 'Filmon', 'Senait', 'Selam', 'Luwam', 'Rahel'],
    family: [
      'Tesfamariam',
      'Haile',
      'Tekle',
      'Berhane',
      'Kidane',
      'Asfaha',
      'Negash',
      'Gebremedhin',
      'Habte',
    ],
  },
  af: {
    weight: 0.08,
    first: ['Farid', 'Hamid', 'Jawad', 'Mahmood', 'Naweed', 'Zahra', 'Mariam', 'Parwana', 'Farzana', 'Sahar'],
    family: ['Ahmadi', 'Karimi', 'Rahimi', 'Hashimi', 'Sultani', 'Noori', 'Rezaei', 'Hakimi', 'Amiri'],
  },
  tr: {
    weight: 0.07,
    first: ['Mehmet', 'Mustafa', 'Emre', 'Burak', 'Elif', 'Zeynep', 'Ayşe', 'Merve', 'Hakan', 'Selin'],
    family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Arslan', 'Doğan'],
  },
  ye: {
    weight: 0.05,
    first: ['Abdullah', 'Ali', 'Saleh', 'Hussein', 'Nabil', 'Tariq', 'Amal', 'Huda', 'Samira', 'Arwa'],
    family: ['Al-Hakimi', 'Al-Ansi', 'Al-Sanaani', 'Shamsan', 'Al-Maqtari', 'Al-Adeni', 'Haidar', 'Ba-Wazir'],
  },
  ua: {
    weight: 0.07,
    first: [
      'Olena',
      'Oksana',
      'Iryna',
      'Kateryna',
      'Yuliia',
      'Andrii',
      'Oleksandr',
      'Dmytro',
      'Serhii',
      'Taras',
    ],
    family: ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko', 'Melnyk', 'Boiko', 'Lysenko', 'Petrenko'],
  },
};

const employerKinds = [
  'Bakkerij',
  'Zorggroep',
  'Hotel',
  'Transportbedrijf',
  'Installatietechniek',
  'Schoonmaakbedrijf',
  'Bouwbedrijf',
  'Supermarkt',
  'Kinderopvang',
  'Metaalbewerking',
  'Restaurant',
  'Distributiecentrum',
  'Kwekerij',
  'ICT-diensten',
];
const employerNames = ['De Linde', 'Het Anker', 'De Eendracht', 'Noorderlicht', 'De Zonnebloem', 'Het Baken'];

/** Random choices drawn from one PRNG stream. */
function dice(random: () => number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const origins = Object.values(names);
  function personName() {
    let r = random();
    const origin = origins.find((o) => (r -= o.weight) < 0) ?? origins[0]!;
    return `${pick(origin.first)} ${pick(origin.family)}`;
  }
  return { random, pick, int, personName };
}

/** FNV-1a: gives each municipality its own PRNG stream, so it gets the same partnership at every scale. */
function hash(text: string) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/ı/g, 'i')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

type Municipality = { code: string; name: string; regionCode: string | null };

export type PlannedUser = {
  email: string;
  displayName: string;
  role: Extract<Role, 'coach' | 'trainer' | 'regional_lead' | 'municipality_staff'>;
  regionCode: string | null;
  municipalityCode: string | null;
  municipalFunction: MunicipalFunction | null;
};

export type SyntheticPlan = {
  users: PlannedUser[];
  employers: { name: string; kvkNumber: string; municipalityCode: string }[];
  partnerships: (typeof partnership.$inferInsert & { municipalityCode: string })[];
};

/** The data for a scale, from the municipalities (ordered by code) and a seed. Pure: same input, same plan. */
export function planSynthetic(scale: Scale, allMunicipalities: Municipality[], seed: number): SyntheticPlan {
  const size = sizes[scale];
  const { random, pick, personName } = dice(mulberry32(seed));

  const municipalities = allMunicipalities.filter(
    (m) => size.regions === null || (m.regionCode !== null && size.regions.includes(m.regionCode)),
  );
  const regionCodes = [
    ...new Set(municipalities.flatMap((m) => (m.regionCode ? [m.regionCode] : []))),
  ].sort();
  if (regionCodes.length === 0)
    throw new Error(`No municipalities in scope for scale ${scale}: load the reference data first`);

  const users: PlannedUser[] = [];
  const user = (email: string, role: PlannedUser['role'], scope: Partial<PlannedUser>) =>
    users.push({
      email: `${email}@${syntheticDomain}`,
      displayName: personName(),
      role,
      regionCode: null,
      municipalityCode: null,
      municipalFunction: null,
      ...scope,
    });
  for (const regionCode of regionCodes) {
    const r = slug(regionCode);
    user(`lead.${r}`, 'regional_lead', { regionCode });
    for (let i = 1; i <= size.trainersPerRegion; i++)
      user(`trainer.${r}.${pad(i, 2)}`, 'trainer', { regionCode });
  }
  // Coaches spread over the regions in proportion to their number of municipalities.
  const inRegions = municipalities.filter((m) => m.regionCode !== null);
  for (let i = 1; i <= size.coaches; i++)
    user(`coach${pad(i, 4)}`, 'coach', { regionCode: pick(inRegions).regionCode });

  // Partnerships: mostly active, some draft, some ended.
  const partnerships: SyntheticPlan['partnerships'] = [];
  for (const m of municipalities) {
    const { random, pick, int, personName } = dice(mulberry32(seed ^ hash(m.code)));
    if (random() >= partnershipShare) continue;
    const r = random();
    const status = r < 0.75 ? 'active' : r < 0.9 ? 'draft' : 'ended';
    const startYear = status === 'ended' ? int(2022, 2024) : int(2025, 2026);
    const startsOn = status === 'draft' ? null : `${startYear}-${pad(int(1, 12), 2)}-01`;
    const endsOn = startsOn && `${startYear + (status === 'ended' ? 1 : 2)}${startsOn.slice(4)}`;
    const domain = `${slug(m.name)}.gemeente.example`;
    const contactRoles: PartnershipContact['role'][] = [
      'client_manager',
      'job_coach',
      'employer_advisor',
      'policy_officer',
    ];
    const contacts: PartnershipContact[] =
      status === 'draft'
        ? []
        : contactRoles.slice(0, int(1, 3)).map((role) => {
            const name = personName();
            return {
              role,
              name,
              email: `${slug(name)}@${domain}`,
              phone: `+31 6 0000 ${pad(int(0, 9999), 4)}`,
            };
          });
    const sectorFocus = [...new Set(Array.from({ length: int(0, 3) }, () => pick(sectors)))] as Sector[];
    partnerships.push({
      municipalityCode: m.code,
      status,
      startsOn,
      endsOn,
      contacts,
      sectorFocus,
      goals:
        status === 'draft'
          ? 'Eerste gesprek gevoerd; afspraken volgen.'
          : `${int(2, 12) * 5} deelnemers per jaar; ${int(5, 8) * 10}% werkfit na zes maanden.`,
      communication:
        status === 'draft' ? '' : pick(['Maandelijks overleg.', 'Tweewekelijks overleg met klantmanagers.']),
    });
  }

  // Municipality staff (klantmanager, jobcoach, werkgeversadviseur) where a partnership is active.
  const active = partnerships.filter((p) => p.status === 'active').map((p) => p.municipalityCode);
  for (let i = 1; i <= size.municipalityStaff; i++)
    user(`staff${pad(i, 3)}`, 'municipality_staff', {
      municipalityCode: pick(active),
      municipalFunction: pick(municipalFunctions),
    });

  // Employers, mostly in municipalities with a partnership.
  const partnerCodes = partnerships.map((p) => p.municipalityCode);
  const employers = Array.from({ length: size.employers }, (_, i) => ({
    name: `${pick(employerKinds)} ${random() < 0.5 ? pick(employerNames) : pick(names.nl!.family)}`,
    kvkNumber: `${kvkPrefix}${pad(i + 1, 6)}`,
    municipalityCode: random() < 0.8 ? pick(partnerCodes) : pick(municipalities).code,
  }));

  return { users, employers, partnerships };
}

export type SyntheticCounts = {
  regionalLeads: number;
  trainers: number;
  coaches: number;
  municipalityStaff: number;
  employers: number;
  partnerships: number;
};

// Multi-row INSERTs of up to 1,000 rows. The design asks for COPY for really big loads (hundreds of thousands
// of rows); at these sizes (a few thousand rows) batched INSERTs load in seconds, on PGlite too.
const batchSize = 1000;
function batches<T>(rows: T[]) {
  return Array.from({ length: Math.ceil(rows.length / batchSize) }, (_, i) =>
    rows.slice(i * batchSize, (i + 1) * batchSize),
  );
}

/**
 * Loads the synthetic data for `scale` in one transaction and returns what it added (zero when it is already
 * there). Needs the reference data (regions and municipalities).
 */
export async function generateSynthetic(
  db: Db,
  scale: Scale,
  options: { seed?: number } = {},
): Promise<SyntheticCounts> {
  const rows = await db
    .select({ code: municipality.code, name: municipality.name, regionCode: region.code })
    .from(municipality)
    .leftJoin(region, eq(region.id, municipality.regionId))
    .orderBy(municipality.code);
  const plan = planSynthetic(scale, rows, options.seed ?? 2026);
  const passwordHash = await hashPassword(syntheticPassword);
  const counts: SyntheticCounts = {
    regionalLeads: 0,
    trainers: 0,
    coaches: 0,
    municipalityStaff: 0,
    employers: 0,
    partnerships: 0,
  };
  const countKey = {
    regional_lead: 'regionalLeads',
    trainer: 'trainers',
    coach: 'coaches',
    municipality_staff: 'municipalityStaff',
  } as const;

  await db.transaction(async (tx) => {
    const regionIds = new Map((await tx.select().from(region)).map((r) => [r.code, r.id]));

    // Accounts: skip e-mail addresses that exist. A role is added only with a new account, so never twice.
    for (const batch of batches(plan.users)) {
      const added = await tx
        .insert(appUser)
        .values(
          batch.map((u) => ({ email: u.email, displayName: u.displayName, passwordHash, isDemo: true })),
        )
        .onConflictDoNothing()
        .returning({ id: appUser.id, email: appUser.email });
      const planned = new Map(batch.map((u) => [u.email, u]));
      if (added.length === 0) continue;
      await tx.insert(roleAssignment).values(
        added.map(({ id, email }) => {
          const u = planned.get(email)!;
          counts[countKey[u.role]]++;
          return {
            userId: id,
            role: u.role,
            regionId: u.regionCode ? regionIds.get(u.regionCode)! : null,
            municipalityCode: u.municipalityCode,
            municipalFunction: u.municipalFunction,
          };
        }),
      );
    }

    const existingKvk = new Set(
      (
        await tx
          .select({ kvk: employer.kvkNumber })
          .from(employer)
          .where(like(employer.kvkNumber, `${kvkPrefix}%`))
      ).map((e) => e.kvk),
    );
    for (const batch of batches(plan.employers.filter((e) => !existingKvk.has(e.kvkNumber)))) {
      await tx.insert(employer).values(batch);
      counts.employers += batch.length;
    }

    const withPartnership = new Set(
      (await tx.selectDistinct({ code: partnership.municipalityCode }).from(partnership)).map((p) => p.code),
    );
    for (const batch of batches(plan.partnerships.filter((p) => !withPartnership.has(p.municipalityCode)))) {
      await tx.insert(partnership).values(batch);
      counts.partnerships += batch.length;
    }
  });
  return counts;
}
