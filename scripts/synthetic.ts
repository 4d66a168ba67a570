// Synthetic data at realistic sizes, for load tests and for trying the app with a full country:
// `npm run seed -- --scale demo|region|national`. Fictional people and employers only; municipalities are real.
//
// - Accounts (coaches, trainers, regional leads, municipality staff, shared password), employers, partnerships.
// - Participants in municipalities with an active partnership (in proportion to their population), each with
//   a profile, one trajectory (some also an earlier, ended one), a coach from their region, a plan and the
//   coaching records: meetings, notes, job applications and activities. `national`: 50,000 participants and
//   about a million coaching records; `region`: 8,000 in Regio Midden; `demo`: 200.
//
// Everything is planned from one seeded PRNG, so a scale, seed and reference date (`today`) always give the
// same data, with the same ids. Dates lie before `today`, except planned meetings, follow-ups and due dates.
// Loading skips what is already there (see `generateSynthetic`): running it again adds nothing.
import { eq, getTableColumns, getTableName, like, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../src/domain/db.ts';
import { appUser, hashPassword, roleAssignment } from '../src/domain/access/index.ts';
import { employer } from '../src/domain/employers/employers.table.ts';
import {
  municipality,
  partnership,
  programme,
  region,
  type PartnershipContact,
} from '../src/domain/organisation/index.ts';
import {
  education,
  languageLevel,
  participant,
  workExperience,
} from '../src/domain/participants/participants.table.ts';
import * as rules from '../src/domain/trajectories/trajectories.rules.ts';
import {
  activity,
  coachAssignment,
  jobApplication,
  meeting,
  note,
  planVersion,
  stepProgress,
  trajectory,
  trajectoryExtension,
  type PlanGoal,
  type PlanStep,
} from '../src/domain/trajectories/trajectories.table.ts';
import { sectors, type Sector } from '../src/shared/contracts/organisation.ts';
import { nameKey } from '../src/shared/names.ts';
import {
  cefrLevels,
  cefrSkills,
  weekdays,
  type StopReason,
  type TrajectoryStatus,
} from '../src/shared/participants.ts';
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
  participants: number;
};

// `region` and `demo` use Regio Midden: the region of the demo accounts (regional@demo.opstap.nl).
const sizes: Record<Scale, Size> = {
  demo: {
    regions: ['Midden'],
    coaches: 50,
    trainersPerRegion: 3,
    municipalityStaff: 10,
    employers: 20,
    participants: 200,
  },
  region: {
    regions: ['Midden'],
    coaches: 600,
    trainersPerRegion: 20,
    municipalityStaff: 35,
    employers: 90,
    participants: 8000,
  },
  national: {
    regions: null,
    coaches: 3000,
    trainersPerRegion: 20,
    municipalityStaff: 150,
    employers: 400,
    participants: 50_000,
  },
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

// ------------------------------------------------------------------------------------------------------------
// Participants, their trajectories and the coaching records: planned one participant at a time, each from its
// own PRNG stream, so participant i is the same whatever else changes, and the load never holds them all.

/**
 * Inhabitants (thousands, rounded) of the larger municipalities; any other counts as 30. Municipalities house
 * refugees with a permit in proportion to their population (the taakstelling), so participants follow it.
 */
const inhabitants: Record<string, number> = {
  GM0363: 930,
  GM0599: 670,
  GM0518: 560,
  GM0344: 375,
  GM0772: 245,
  GM0014: 240,
  GM0855: 227,
  GM0034: 222,
  GM0758: 187,
  GM0268: 182,
  GM0200: 167,
  GM0202: 167,
  GM0392: 164,
  GM0394: 162,
  GM0153: 161,
  GM0307: 161,
  GM0479: 160,
  GM0796: 160,
  GM0193: 132,
  GM0637: 128,
  GM0546: 127,
  GM0080: 127,
  GM0228: 122,
  GM0935: 122,
  GM0505: 121,
  GM0484: 114,
  GM1783: 113,
  GM0361: 111,
  GM0114: 108,
  GM0503: 105,
  GM0983: 102,
  GM0150: 102,
  GM0794: 93,
  GM0828: 93,
  GM0439: 93,
  GM0362: 92,
  GM0402: 92,
  GM1883: 91,
  GM0917: 87,
  GM1930: 86,
  GM0995: 82,
  GM0606: 80,
  GM1674: 78,
  GM1916: 78,
  GM0513: 75,
  GM0622: 75,
  GM0405: 74,
  GM0141: 74,
  GM0106: 69,
  GM0453: 69,
  GM0502: 68,
  GM0345: 68,
  GM0355: 66,
  GM0356: 64,
};
const otherInhabitants = 30;

/** Countries many participants come from; names from the lists above, and the languages they speak. */
type Origin = { names: string; weight: number; nationality: string; languages: string[][] };
const participantOrigins: Origin[] = [
  { names: 'sy', weight: 0.36, nationality: 'SY', languages: [['ar'], ['ar', 'ku'], ['ar', 'en']] },
  { names: 'er', weight: 0.2, nationality: 'ER', languages: [['ti'], ['ti', 'ar'], ['ti', 'am']] },
  { names: 'af', weight: 0.15, nationality: 'AF', languages: [['fa'], ['prs'], ['ps', 'fa']] },
  { names: 'tr', weight: 0.13, nationality: 'TR', languages: [['tr'], ['ku', 'tr'], ['tr', 'en']] },
  { names: 'ye', weight: 0.1, nationality: 'YE', languages: [['ar'], ['ar', 'en']] },
  { names: 'ua', weight: 0.06, nationality: 'UA', languages: [['uk'], ['uk', 'ru'], ['uk', 'en']] },
];

/** Latin spellings of one name. The same person writes it differently on different forms: search finds all. */
const spellings: Record<string, string[]> = {
  Mohammed: ['Mohammed', 'Muhammad', 'Mohamed', 'Mohammad', 'Muhammed', 'Mohamad'],
  Ahmad: ['Ahmad', 'Ahmed', 'Achmed'],
  Yousef: ['Yousef', 'Youssef', 'Yusuf', 'Yosef'],
  Khaled: ['Khaled', 'Khalid'],
  Hussein: ['Hussein', 'Hussain', 'Husein'],
  Omar: ['Omar', 'Umar'],
  Fatima: ['Fatima', 'Fatma', 'Fatemeh'],
  Mariam: ['Mariam', 'Maryam', 'Meryem'],
  Mahmood: ['Mahmood', 'Mahmoud', 'Mahmud'],
  'Al-Hassan': ['Al-Hassan', 'Al Hasan', 'Alhassan', 'El-Hassan'],
  Ibrahim: ['Ibrahim', 'Ebrahim'],
  Tesfamariam: ['Tesfamariam', 'Tesfamaryam'],
  Yonas: ['Yonas', 'Yohannes'],
};
/** Often the first name of men from Syria, Yemen and Afghanistan, in one of its spellings. */
const mohammedShare = 0.15;
const femaleNames = new Set([
  'Emma',
  'Julia',
  'Sanne',
  'Lotte',
  'Femke',
  'Fatima',
  'Rasha',
  'Lina',
  'Nour',
  'Hiba',
  'Senait',
  'Selam',
  'Luwam',
  'Rahel',
  'Zahra',
  'Mariam',
  'Parwana',
  'Farzana',
  'Sahar',
  'Elif',
  'Zeynep',
  'Ayşe',
  'Merve',
  'Selin',
  'Amal',
  'Huda',
  'Samira',
  'Arwa',
  'Olena',
  'Oksana',
  'Iryna',
  'Kateryna',
  'Yuliia',
]);

/** A dream job (droombaan), a realistic first job (broodbaan) and its sector. */
const jobs: { dream: string; next: string; sector: Sector }[] = [
  { dream: 'Verpleegkundige', next: 'Helpende zorg', sector: 'care' },
  { dream: 'Apotheker', next: 'Apothekersassistent', sector: 'care' },
  { dream: 'Tandarts', next: 'Tandartsassistent', sector: 'care' },
  { dream: 'Elektricien', next: 'Monteur elektrotechniek', sector: 'technology' },
  { dream: 'Automonteur', next: 'Medewerker bandenservice', sector: 'technology' },
  { dream: 'Kok', next: 'Hulpkok', sector: 'hospitality' },
  { dream: 'Hotelmanager', next: 'Medewerker housekeeping', sector: 'hospitality' },
  { dream: 'Bouwkundig tekenaar', next: 'Timmerman', sector: 'construction' },
  { dream: 'Leraar', next: 'Onderwijsassistent', sector: 'education' },
  { dream: 'Pedagogisch medewerker', next: 'Groepshulp kinderopvang', sector: 'education' },
  { dream: 'Vrachtwagenchauffeur', next: 'Bezorger', sector: 'logistics' },
  { dream: 'Logistiek planner', next: 'Magazijnmedewerker', sector: 'logistics' },
  { dream: 'Software-ontwikkelaar', next: 'Medewerker servicedesk', sector: 'ict' },
  { dream: 'Lasser', next: 'Productiemedewerker metaal', sector: 'production' },
  { dream: 'Winkelmanager', next: 'Vakkenvuller', sector: 'retail' },
  { dream: 'Hovenier', next: 'Medewerker kwekerij', sector: 'agriculture' },
  { dream: 'Boekhouder', next: 'Administratief medewerker', sector: 'other' },
  { dream: 'Kapper', next: 'Assistent kapsalon', sector: 'other' },
  { dream: 'Schoonmaakleidinggevende', next: 'Schoonmaker', sector: 'cleaning' },
];

const motivations = [
  'Wil graag werken en heeft ervaring uit het land van herkomst.',
  'Zoekt een opleiding om het eigen vak in Nederland te kunnen doen.',
  'Heeft de inburgering bijna af en wil aan het werk.',
  'Wil eerst ervaring opdoen in een sector met veel vacatures.',
  'Klantmanager ziet kansen in de zorg; deelnemer is gemotiveerd.',
];
const meetingSummaries = [
  'Voortgang besproken.',
  'Cv aangepast en twee vacatures bekeken.',
  'Sollicitatiegesprek voorbereid.',
  'Terugblik op de open dag; volgende stappen afgesproken.',
  'Taalvoortgang besproken met het oog op werk.',
  'Netwerk in kaart gebracht.',
];
const noteBodies = [
  'Gemotiveerd; wil eerst ervaring opdoen in de sector.',
  'Afspraak verzet wegens inburgeringsexamen.',
  'Contact gehad met de klantmanager over de uitkering bij werk.',
  'Heeft zelf een vacature gevonden en gereageerd.',
  'Kinderopvang is geregeld; beschikbaar vanaf volgende maand.',
  'Telefonisch contact; gaat goed.',
  'Twijfelt tussen werk en opleiding; volgende keer verder bespreken.',
];
const extensionReasons = [
  'Proefplaatsing loopt nog; werkgever wil daarna een contract bieden.',
  'Ziekte in de familie; traject liep vertraging op.',
  'Start opleiding na de zomer; tot dan begeleiding bij werk ernaast.',
];
const goalTargets: Record<PlanGoal['kind'], (job: (typeof jobs)[number]) => string> = {
  work: (job) => `Werk als ${job.next.toLowerCase()}`,
  education: (job) => `Een opleiding gestart richting ${job.dream.toLowerCase()}`,
  dutch_language: () => 'Nederlands op niveau A2 bij spreken',
  network: () => 'Drie werkgevers in de sector gesproken',
  personal_development: () => 'Zelfstandig reizen naar werk en afspraken',
};
const stepTemplates: { text: string; owner: PlanStep['owner']; goal: PlanGoal['kind'] }[] = [
  { text: 'Cv maken met de coach', owner: 'participant', goal: 'work' },
  { text: 'Twee vacatures zoeken en bespreken', owner: 'coach', goal: 'work' },
  { text: 'Inschrijven bij een uitzendbureau', owner: 'participant', goal: 'work' },
  { text: 'Pitch oefenen voor een sollicitatiegesprek', owner: 'participant', goal: 'work' },
  { text: 'Proefplaatsing regelen', owner: 'employer', goal: 'work' },
  { text: 'Open dag van een werkgever bezoeken', owner: 'participant', goal: 'network' },
  { text: 'Netwerkbijeenkomst van de gemeente bezoeken', owner: 'participant', goal: 'network' },
  { text: 'Taalmaatje regelen via de gemeente', owner: 'municipality', goal: 'dutch_language' },
  { text: 'Taalcursus naast het werk zoeken', owner: 'coach', goal: 'dutch_language' },
  { text: 'Diploma laten waarderen (IDW)', owner: 'participant', goal: 'education' },
  { text: 'Oriëntatiegesprek bij een mbo-school', owner: 'coach', goal: 'education' },
  { text: 'Reisplan naar het werk maken', owner: 'participant', goal: 'personal_development' },
  { text: 'Kinderopvang regelen', owner: 'municipality', goal: 'personal_development' },
];

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
/** An e-mail address of a synthetic account; the load puts in its id. */
type UserRef = string;

export type PlannedTrajectory = Omit<
  Insert<typeof trajectory>,
  'participantId' | 'municipalityCode' | 'coachId' | 'referredBy'
> & {
  id: string;
  status: TrajectoryStatus;
  referredOn: string;
  coach: UserRef | null;
  referrer: UserRef | null;
  /** Coach changes, oldest first; the last one is `coach`. */
  assignments: { coach: UserRef; on: string }[];
  extension: { previousEndOn: string; newEndOn: string; reason: string; on: string } | null;
  plans: {
    version: number;
    goals: PlanGoal[];
    steps: PlanStep[];
    savedOn: string;
    agreedOn: string | null;
  }[];
  progress: { stepId: string; status: 'done' | 'dropped'; on: string }[];
};

export type PlannedParticipant = Omit<
  Insert<typeof participant>,
  'nameKey' | 'createdBy' | 'userId' | 'createdAt' | 'updatedAt'
> & {
  id: string;
  regionCode: string;
  createdBy: UserRef | null;
  /** The regional lead, who assigns coaches and approves extensions. */
  lead: UserRef;
  languageLevels: Omit<Insert<typeof languageLevel>, 'participantId'>[];
  education: Omit<Insert<typeof education>, 'participantId'>[];
  workExperience: Omit<Insert<typeof workExperience>, 'participantId'>[];
  /** Oldest first: an earlier, ended trajectory (for some), then the current one. */
  trajectories: PlannedTrajectory[];
};

/** `createdBy` holds the e-mail of the synthetic account until the load puts in its id. */
export type CoachingRecords = {
  meetings: Omit<Insert<typeof meeting>, 'trajectoryId'>[];
  notes: Omit<Insert<typeof note>, 'trajectoryId'>[];
  applications: Omit<Insert<typeof jobApplication>, 'trajectoryId'>[];
  activities: Omit<Insert<typeof activity>, 'trajectoryId'>[];
};

export type ParticipantWorld = {
  scale: Scale;
  seed: number;
  /** The reference date: nothing happens after it, except planned meetings, follow-ups and due dates. */
  today: string;
  /** Municipalities in scope with an active partnership: only there can a trajectory run. */
  municipalities: { code: string; regionCode: string }[];
  /** The synthetic accounts of the scale (`planSynthetic`): coaches, regional leads, municipality staff. */
  users: PlannedUser[];
  employerNames: string[];
  topics: string[];
};

/** A version-4-shaped UUID from the PRNG, so the same plan always has the same ids. */
function uuid(random: () => number) {
  const h = Array.from({ length: 4 }, () =>
    Math.floor(random() * 2 ** 32)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  const variant = ((parseInt(h[16]!, 16) & 3) | 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
}

/** Picks by weight with a binary search over the running totals. */
function weighted<T>(entries: [T, number][]) {
  const items = entries.map(([item]) => item);
  const totals: number[] = [];
  let sum = 0;
  for (const [, weight] of entries) totals.push((sum += weight));
  return (random: () => number) => {
    const r = random() * sum;
    let low = 0;
    let high = totals.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (totals[mid]! > r) high = mid;
      else low = mid + 1;
    }
    return items[low]!;
  };
}

// The date arithmetic of the trajectory rules, remembered: planning 50,000 participants does millions of these,
// over a few thousand distinct dates, and parsing dates is most of the planning time otherwise.
const dayNumbers = new Map<string, number>();
const dates = new Map<number, string>();
function dayNumber(date: string) {
  let n = dayNumbers.get(date);
  if (n === undefined) dayNumbers.set(date, (n = Date.parse(`${date}T00:00:00Z`) / 86_400_000));
  return n;
}
function dateOf(n: number) {
  let date = dates.get(n);
  if (date === undefined) dates.set(n, (date = new Date(n * 86_400_000).toISOString().slice(0, 10)));
  return date;
}
const addDays = (date: string, days: number) => dateOf(dayNumber(date) + days);
const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);
const monthSteps = new Map<string, string>();
function addMonths(date: string, months: number) {
  const key = `${date}/${months}`;
  let result = monthSteps.get(key);
  if (result === undefined) monthSteps.set(key, (result = rules.addMonths(date, months)));
  return result;
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
/** A moment on `date` during office hours; on `today` itself its first moment, which is never in the future. */
const at = (date: string, today: string, random: () => number) =>
  date >= today
    ? new Date(`${today}T00:00:00Z`)
    : new Date(`${date}T${pad(8 + Math.floor(random() * 9), 2)}:${pad(Math.floor(random() * 60), 2)}:00Z`);

/**
 * Plans the participants of a scale. `participant(i)` and `coaching(trajectory)` are pure: the same world and i
 * always give the same person, with the same ids.
 */
export function participantPlanner(world: ParticipantWorld) {
  const { scale, seed, today } = world;
  const count = sizes[scale].participants;
  const byRegion = <T extends { regionCode: string | null }>(list: T[], code: string) =>
    list.filter((x) => x.regionCode === code);
  const coaches = world.users.filter((u) => u.role === 'coach');
  const staff = world.users.filter((u) => u.role === 'municipality_staff');
  const regionCodes = [...new Set(world.municipalities.map((m) => m.regionCode))]
    .sort()
    .filter(
      (code) =>
        byRegion(coaches, code).length > 0 &&
        world.users.some((u) => u.role === 'regional_lead' && u.regionCode === code),
    );
  if (regionCodes.length === 0)
    throw new Error(`No municipality with an active partnership and coaches in scope for scale ${scale}`);
  const regions = new Map(
    regionCodes.map((code) => {
      const regionCoaches = byRegion(coaches, code);
      return [
        code,
        {
          municipality: weighted(
            byRegion(world.municipalities, code).map((m) => [
              m.code,
              inhabitants[m.code] ?? otherInhabitants,
            ]),
          ),
          // Part-timers and new coaches carry fewer participants: a capacity between 0.6 and 1.4.
          coach: weighted(regionCoaches.map((c) => [c.email, 0.6 + (hash(c.email) % 1000) / 1250])),
          lead: world.users.find((u) => u.role === 'regional_lead' && u.regionCode === code)!.email,
          coaches: regionCoaches.length,
        },
      ] as const;
    }),
  );
  // Foundations hire coaches for the participants they get: a region gets participants in proportion to them.
  const pickRegion = weighted(regionCodes.map((code) => [code, regions.get(code)!.coaches]));
  const pickOrigin = weighted<Origin>(participantOrigins.map((o) => [o, o.weight]));
  const staffIn = (code: string) => staff.filter((s) => s.municipalityCode === code).map((s) => s.email);

  function participantName(d: ReturnType<typeof dice>, origin: Origin) {
    const list = names[origin.names]!;
    let first = d.pick(list.first);
    const female = femaleNames.has(first);
    if (!female && ['sy', 'ye', 'af'].includes(origin.names) && d.random() < mohammedShare)
      first = 'Mohammed';
    const spell = (name: string) => {
      const variants = spellings[name];
      return variants && d.random() < 0.6 ? d.pick(variants) : name;
    };
    return { name: `${spell(first)} ${spell(d.pick(list.family))}`, female };
  }

  function planTrajectory(
    d: ReturnType<typeof dice>,
    p: { regionCode: string; municipalityCode: string; job: (typeof jobs)[number] },
    earlierThan: string | null,
  ): PlannedTrajectory {
    const { random, int, pick } = d;
    const region = regions.get(p.regionCode)!;
    const id = uuid(random);
    let status: TrajectoryStatus;
    let stopReason: StopReason | null = null;
    let intakeOn: string | null = null;
    let startedOn: string | null = null;
    let endedOn: string | null = null;
    let extended = false;
    if (earlierThan) {
      // An earlier trajectory, ended at least a month before this referral: mostly stopped.
      endedOn = addDays(earlierThan, -int(30, 400));
      if (random() < 0.2) {
        status = 'completed';
        startedOn = addMonths(endedOn, -6);
      } else {
        status = 'stopped';
        stopReason = pick(['health', 'own_choice', 'no_contact', 'other'] as const);
        startedOn = addDays(endedOn, -int(14, 150));
      }
    } else {
      const r = random();
      status =
        r < 0.1 ? 'referred' : r < 0.2 ? 'intake' : r < 0.65 ? 'active' : r < 0.9 ? 'completed' : 'stopped';
      if (status === 'intake') intakeOn = addDays(today, -int(0, 25));
      if (status === 'active') {
        // Month 1 to 6 of the trajectory.
        startedOn = addDays(today, -int(0, daysBetween(addMonths(today, -6), today) - 1));
        extended = startedOn <= addMonths(today, -4) && random() < 0.1;
      }
      if (status === 'completed') {
        startedOn = addDays(addMonths(today, -6), -int(1, 540));
        extended = addMonths(startedOn, 8) <= today && random() < 0.06;
        endedOn = addMonths(startedOn, extended ? 8 : 6);
      }
      if (status === 'stopped') {
        const s = random();
        stopReason =
          s < 0.3
            ? 'found_work'
            : s < 0.42
              ? 'started_education'
              : s < 0.54
                ? 'moved_away'
                : s < 0.64
                  ? 'health'
                  : s < 0.78
                    ? 'no_contact'
                    : s < 0.9
                      ? 'own_choice'
                      : s < 0.95
                        ? 'not_eligible'
                        : 'other';
        endedOn = addDays(today, -int(0, 540));
        if (['no_contact', 'not_eligible', 'own_choice'].includes(stopReason) && random() < 0.4)
          intakeOn = addDays(endedOn, -int(3, 30)); // stopped before the start
        else startedOn = addDays(endedOn, -int(14, 170));
      }
    }
    if (startedOn) intakeOn = addDays(startedOn, -int(7, 28));
    const referredOn = intakeOn ? addDays(intakeOn, -int(4, 25)) : addDays(today, -int(0, 20));
    const plannedEndOn = startedOn ? addMonths(startedOn, extended ? 8 : 6) : null;
    const end = endedOn ?? today;

    // The coach: from the participant's region. Four in ten fresh referrals still wait for one.
    let coach: string | null = status === 'referred' && random() < 0.4 ? null : region.coach(random);
    const assignments: PlannedTrajectory['assignments'] = [];
    if (coach) {
      const first = intakeOn ?? referredOn;
      if (startedOn && daysBetween(startedOn, end) > 70 && random() < 0.06) {
        const previous = region.coach(random);
        assignments.push({ coach: previous, on: first });
        assignments.push({ coach, on: addDays(startedOn, int(10, 60)) });
      } else assignments.push({ coach, on: first });
      coach = assignments.at(-1)!.coach;
    }

    const k = random();
    const referrerKind: PlannedTrajectory['referrerKind'] =
      k < 0.6 ? 'municipality' : k < 0.72 ? 'coach' : k < 0.84 ? 'lead' : k < 0.94 ? 'self' : 'other';
    const localStaff = staffIn(p.municipalityCode);
    const referrer =
      referrerKind === 'municipality' && localStaff.length
        ? pick(localStaff)
        : referrerKind === 'coach'
          ? (coach ?? region.coach(random))
          : region.lead;

    const extension =
      extended && plannedEndOn
        ? {
            previousEndOn: addMonths(startedOn!, 6),
            newEndOn: plannedEndOn,
            reason: pick(extensionReasons),
            on: minDate(today, addDays(addMonths(startedOn!, 4), int(0, 50))),
          }
        : null;

    // The plan: a draft during the intake for some, agreed soon after the start for most, sometimes changed.
    const plans: PlannedTrajectory['plans'] = [];
    const progress: PlannedTrajectory['progress'] = [];
    const base = startedOn ?? (intakeOn && random() < 0.4 ? intakeOn : null);
    if (base) {
      const kinds: PlanGoal['kind'][] = [random() < 0.15 ? 'education' : 'work'];
      if (random() < 0.8) kinds.push('dutch_language');
      if (random() < 0.5) kinds.push('network');
      if (random() < 0.25) kinds.push('personal_development');
      const goals: PlanGoal[] = kinds.map((kind) => ({
        id: uuid(random),
        kind,
        target: goalTargets[kind](p.job),
        dueOn: addMonths(base, int(3, 6)),
      }));
      const step = (from: string): PlanStep => {
        const template = pick(stepTemplates);
        return {
          id: uuid(random),
          goalId: goals.find((g) => g.kind === template.goal)?.id ?? null,
          text: template.text,
          owner: template.owner,
          dueOn: addDays(from, int(7, 170)),
        };
      };
      const steps = Array.from({ length: int(3, 6) }, () => step(base));
      const savedOn = startedOn ? maxDate(intakeOn!, addDays(startedOn, -int(0, 5))) : base;
      const agree = (from: string, share: number) =>
        startedOn && random() < share ? minDate(minDate(end, today), addDays(from, int(0, 7))) : null;
      plans.push({ version: 1, goals, steps, savedOn, agreedOn: agree(savedOn, 0.92) });
      const span = startedOn ? daysBetween(startedOn, end) : 0;
      if (span > 45 && random() < 0.3) {
        const changedOn = addDays(startedOn!, int(30, span));
        plans.push({
          version: 2,
          goals,
          steps: [...steps, ...Array.from({ length: int(1, 2) }, () => step(changedOn))],
          savedOn: changedOn,
          agreedOn: agree(changedOn, status === 'active' ? 0.7 : 0.95),
        });
      }
      if (startedOn) {
        const latest = plans.at(-1)!;
        const doneShare = status === 'completed' ? 0.85 : 0.72;
        for (const s of latest.steps) {
          const r = random();
          const due = s.dueOn!;
          const stepStatus =
            due <= end
              ? r < doneShare
                ? 'done'
                : r < doneShare + 0.08
                  ? 'dropped'
                  : null
              : r < 0.1
                ? 'done'
                : null;
          if (stepStatus)
            progress.push({
              stepId: s.id,
              status: stepStatus,
              on: minDate(end, maxDate(latest.savedOn, addDays(minDate(due, end), -int(0, 10)))),
            });
        }
      }
    }

    return {
      id,
      status,
      coach,
      referrer,
      referredOn,
      referrerKind,
      referralMotivation: pick(motivations),
      intakeOn,
      startedOn,
      plannedEndOn,
      endedOn,
      stopReason,
      createdAt: at(referredOn, today, random),
      assignments,
      extension,
      plans,
      progress,
    };
  }

  function participant(i: number): PlannedParticipant {
    const d = dice(mulberry32(hash(`${seed}/${scale}/participant/${i}`)));
    const { random, pick, int } = d;
    const id = uuid(random);
    const regionCode = pickRegion(random);
    const region = regions.get(regionCode)!;
    const municipalityCode = region.municipality(random);
    const origin = pickOrigin(random);
    const { name, female } = participantName(d, origin);
    const age = 18 + Math.floor(random() ** 1.5 * 45);
    const job = pick(jobs);
    const current = planTrajectory(d, { regionCode, municipalityCode, job }, null);
    const trajectories =
      random() < 0.08
        ? [planTrajectory(d, { regionCode, municipalityCode, job }, current.referredOn), current]
        : [current];
    const first = trajectories[0]!;
    const arrivalDate = addDays(first.referredOn, -int(200, 2000));
    const permitDate = minDate(first.referredOn, addDays(arrivalDate, int(90, 540)));

    // Dutch levels: assessed at the intake, and again later in the trajectory.
    const languageLevels: PlannedParticipant['languageLevels'] = [];
    const assessedOn = current.intakeOn ?? current.referredOn;
    const skills = cefrSkills.filter(() => random() < 0.5);
    if (!skills.includes('spoken_interaction')) skills.push('spoken_interaction');
    const levels = cefrLevels.slice(0, 4);
    for (const skill of skills) {
      const level = int(0, 3);
      languageLevels.push({
        skill,
        level: levels[level]!,
        assessedOn,
        source: pick(['self', 'teacher', 'teacher', 'exam'] as const),
      });
      const later = current.startedOn && addDays(current.startedOn, int(60, 150));
      if (later && later <= minDate(today, current.endedOn ?? today) && random() < 0.6)
        languageLevels.push({
          skill,
          level: levels[Math.min(level + 1, 3)]!,
          assessedOn: later,
          source: 'teacher',
        });
    }

    const educationLevel = pick([
      'none',
      'primary',
      'primary',
      'secondary',
      'secondary',
      'secondary',
      'vocational',
      'vocational',
      'bachelor',
      'bachelor',
      'master',
    ] as const);
    const studied = !['none', 'primary'].includes(educationLevel);
    return {
      id,
      regionCode,
      lead: region.lead,
      name,
      permitName: '',
      dateOfBirth: addDays(addMonths(today, -12 * age), -int(0, 364)),
      gender: random() < 0.03 ? 'not_given' : female ? 'female' : 'male',
      nationality: origin.nationality,
      countryOfBirth: origin.nationality,
      languages: [...pick(origin.languages)],
      preferredLanguage: random() < 0.8 ? origin.languages[0]![0]! : 'nl',
      contactChannel: pick(['phone', 'phone', 'whatsapp', 'whatsapp', 'sms', 'email', 'in_person'] as const),
      phone: `+31 6 0000 ${pad(int(0, 9999), 4)}`,
      email: random() < 0.4 ? `${slug(name).replace(/-/g, '.')}${int(1, 99)}@mail.example` : '',
      municipalityCode,
      arrivalDate,
      permitDate,
      integrationRoute: pick(['b1', 'b1', 'b1', 'b1', 'education', 'z', 'z', 'none', 'unknown'] as const),
      pipDate: random() < 0.8 ? minDate(first.referredOn, addDays(permitDate, int(30, 120))) : null,
      hasDrivingLicence: random() < 0.25,
      availability: {
        days: weekdays.slice(0, 5).filter(() => random() < 0.7),
        hoursPerWeek: pick([16, 20, 24, 24, 32, 32, 36, 40, null]),
      },
      constraints: ((health) => ({
        childcare: random() < 0.2,
        healthLimitsAvailability: health,
        healthHoursPerWeek: health ? pick([8, 12, 16, 20]) : null,
      }))(random() < 0.08),
      ambitions: {
        dreamJob: { escoUri: null, text: job.dream },
        nextStep: { escoUri: null, text: job.next },
        sectors: [job.sector],
      },
      createdBy: first.referrer,
      languageLevels,
      education: [
        {
          country: origin.nationality,
          level: educationLevel,
          field: studied ? job.dream : '',
          years: { none: 0, primary: 6, secondary: 12, vocational: 14, bachelor: 16, master: 18 }[
            educationLevel
          ],
          hasDiploma: educationLevel !== 'none' && random() < 0.75,
          valuation: ['bachelor', 'master'].includes(educationLevel)
            ? pick(['not_requested', 'requested', 'done'] as const)
            : 'not_requested',
          valuationResult: '',
        },
      ],
      workExperience: Array.from({ length: int(1, 2) }, (_, w) => ({
        escoUri: null,
        occupation: w === 0 ? job.dream : pick(jobs).next,
        years: int(1, 12),
        country: w === 0 ? origin.nationality : pick([origin.nationality, 'NL']),
      })),
      trajectories,
    };
  }

  /** Meetings, notes, job applications and activities of one trajectory, up to today (and a planned meeting). */
  function coaching(p: PlannedParticipant, t: PlannedTrajectory): CoachingRecords {
    const { random, pick, int } = dice(mulberry32(hash(`${seed}/${scale}/coaching/${t.id}`)));
    const records: CoachingRecords = { meetings: [], notes: [], applications: [], activities: [] };
    const end = t.endedOn ?? today;
    const coachOn = (date: string) => {
      for (let i = t.assignments.length - 1; i >= 0; i--)
        if (t.assignments[i]!.on <= date) return t.assignments[i]!.coach;
      return t.coach ?? t.referrer;
    };
    const between = (from: string, to: string) => addDays(from, int(0, Math.max(0, daysBetween(from, to))));
    const perMonth = (rate: number, from: string, to: string) =>
      Math.round((Math.max(0, daysBetween(from, to)) / 30.4) * rate * (0.5 + random()));

    if (random() < 0.5)
      records.notes.push({
        body: t.referralMotivation ?? '',
        visibility: 'team',
        createdBy: t.referrer,
        createdAt: at(t.referredOn, today, random),
      });
    if (!t.intakeOn) return records;
    const meet = (heldOn: string, planned = false) =>
      records.meetings.push({
        heldOn,
        durationMinutes: pick([30, 45, 60, 60, 60, 90]),
        mode: pick(['in_person', 'in_person', 'in_person', 'phone', 'phone', 'video', 'chat'] as const),
        topics: [...new Set(Array.from({ length: int(1, 3) }, () => pick(world.topics)))],
        summary: planned ? '' : pick(meetingSummaries),
        createdBy: coachOn(heldOn),
        createdAt: planned ? at(addDays(today, -int(0, 7)), today, random) : at(heldOn, today, random),
      });
    meet(t.intakeOn);
    if (t.startedOn)
      for (let day = t.startedOn; day <= end; day = addDays(day, int(9, 19))) if (day <= today) meet(day);
    if ((t.status === 'active' || t.status === 'intake') && random() < 0.8)
      meet(addDays(today, int(1, 14)), true);

    for (let n = perMonth(0.55, t.referredOn, end); n > 0; n--) {
      const on = between(t.referredOn, end);
      const visibility = random() < 0.8 ? 'team' : 'participant';
      records.notes.push({
        body: pick(noteBodies),
        visibility,
        createdBy: coachOn(on),
        createdAt: at(on, today, random),
      });
    }
    if (!t.startedOn) return records;

    const activityKinds = [
      'open_day',
      'temp_agency_visit',
      'company_visit',
      'accompanied_interview',
      'other',
    ] as const;
    const activities = perMonth(1.42, t.startedOn, end);
    for (let n = 0; n < activities; n++) {
      const happenedOn =
        n === 0 ? between(t.startedOn, minDate(end, addDays(t.startedOn, 30))) : between(t.startedOn, end);
      records.activities.push({
        kind: n === 0 ? 'cv_made' : pick(activityKinds),
        happenedOn,
        note: '',
        createdBy: coachOn(happenedOn),
        createdAt: at(happenedOn, today, random),
      });
    }
    const foundWork = t.stopReason === 'found_work' || (t.status === 'completed' && random() < 0.45);
    if (foundWork) {
      const happenedOn = addDays(end, -int(0, 7));
      records.activities.push({
        kind: 'contract_read',
        happenedOn,
        note: 'Arbeidscontract samen doorgenomen.',
        createdBy: coachOn(happenedOn),
        createdAt: at(happenedOn, today, random),
      });
    }

    const from = addDays(t.startedOn, 14);
    const applications = perMonth(1.0, from, end);
    for (let n = 0; n < applications; n++) {
      // With work found, the last application is the one that led to the job offer.
      const offer = foundWork && n === applications - 1;
      const appliedOn = offer ? maxDate(from, addDays(end, -int(10, 40))) : between(from, end);
      const age = daysBetween(appliedOn, today);
      const r = random();
      const status = offer
        ? 'offer'
        : age > 28
          ? r < 0.65
            ? 'rejected'
            : r < 0.75
              ? 'interview'
              : 'sent'
          : r < 0.8
            ? 'sent'
            : 'interview';
      records.applications.push({
        vacancy: random() < 0.7 ? p.ambitions!.nextStep.text : pick(jobs).next,
        employerName: pick(world.employerNames),
        appliedOn,
        status,
        followUpOn: status === 'sent' || status === 'interview' ? addDays(appliedOn, int(7, 21)) : null,
        createdBy: coachOn(appliedOn),
        createdAt: at(appliedOn, today, random),
      });
    }
    return records;
  }

  return { count, participant, coaching };
}

export type SyntheticCounts = {
  regionalLeads: number;
  trainers: number;
  coaches: number;
  municipalityStaff: number;
  employers: number;
  partnerships: number;
  participants: number;
  languageLevels: number;
  educations: number;
  workExperiences: number;
  trajectories: number;
  coachAssignments: number;
  trajectoryExtensions: number;
  planVersions: number;
  stepProgress: number;
  meetings: number;
  notes: number;
  jobApplications: number;
  activities: number;
};
/** How long the rows of one table took to load: building the parameters plus the database's work. */
export type TableLoad = { table: string; rows: number; seconds: number };
export type SyntheticLoad = SyntheticCounts & { tables: TableLoad[] };

// Accounts, employers and partnerships (a few thousand rows): multi-row INSERTs of up to 1,000 rows.
const batchSize = 1000;
function batches<T>(rows: T[]) {
  return Array.from({ length: Math.ceil(rows.length / batchSize) }, (_, i) =>
    rows.slice(i * batchSize, (i + 1) * batchSize),
  );
}

// Participants and their records (about 1.3 million rows at `national`): `INSERT ... SELECT FROM unnest(...)`
// with one array parameter per column, 10,000 rows a round trip. It works the same on PGlite and node-postgres
// (which has no COPY FROM STDIN without pg-copy-streams). Measured on 2 cores: COPY on PGlite was only ~25%
// faster, since checking the foreign keys and updating the indexes is most of the work; so no COPY.
const bulkBatchSize = 10_000;

type AnyTable = PgTable & { $inferInsert: Record<string, unknown> };
const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const quoted = (text: string) => `"${text.replace(/[\\"]/g, '\\$&')}"`;
/** A Postgres array literal, {"a","b",NULL}; elements that are arrays become array literals themselves. */
function arrayLiteral(values: unknown[], element: (value: unknown) => string): string {
  const parts = values.map((v) => (v === null || v === undefined ? 'NULL' : quoted(element(v))));
  return `{${parts.join(',')}}`;
}
const asText = (v: unknown): string =>
  v instanceof Date ? v.toISOString() : Array.isArray(v) ? arrayLiteral(v, asText) : String(v);

/** Buffers rows of one table and sends them as one `INSERT ... SELECT FROM unnest(...)` per batch. */
class BulkInsert<T extends AnyTable> {
  rows = 0;
  seconds = 0;
  buffer: T['$inferInsert'][] = [];
  private readonly columns;
  readonly name: string;

  private readonly tx: Tx;

  constructor(tx: Tx, table: T, keys: (keyof T['$inferInsert'] & string)[]) {
    this.tx = tx;
    this.name = getTableName(table);
    const all = getTableColumns(table) as Record<string, { getSQLType(): string }>;
    this.columns = keys.map((key) => {
      const type = all[key]!.getSQLType();
      const isArray = type.endsWith('[]');
      return {
        key,
        name: snakeCase(key),
        // Arrays travel as a text[] of array literals and are cast back per row: unnest would flatten them.
        paramType: isArray ? 'text[]' : `${type}[]`,
        select: isArray ? `::${type}` : '',
        element: type === 'jsonb' ? (v: unknown) => JSON.stringify(v) : asText,
      };
    });
  }

  add(row: T['$inferInsert']) {
    this.buffer.push(row);
  }

  async flush() {
    if (this.buffer.length === 0) return;
    const start = performance.now();
    const rows = this.buffer;
    this.buffer = [];
    const alias = (i: number) => `c${i}`;
    await this.tx.execute(
      sql.join([
        sql.raw(
          `insert into "${this.name}" (${this.columns.map((c) => `"${c.name}"`).join(', ')}) select ` +
            `${this.columns.map((c, i) => `${alias(i)}${c.select}`).join(', ')} from unnest(`,
        ),
        sql.join(
          this.columns.map(
            (c) =>
              sql`${arrayLiteral(
                rows.map((r) => r[c.key]),
                c.element,
              )}::${sql.raw(c.paramType)}`,
          ),
          sql.raw(', '),
        ),
        sql.raw(`) as u(${this.columns.map((_, i) => alias(i)).join(', ')})`),
      ]),
    );
    this.rows += rows.length;
    this.seconds += (performance.now() - start) / 1000;
  }
}

/** The tables of one transaction. A full buffer flushes them all, in order, so parents go in before children. */
function tableGroup(tx: Tx) {
  const sinks: BulkInsert<AnyTable>[] = [];
  return {
    table<T extends AnyTable>(table: T, keys: (keyof T['$inferInsert'] & string)[]) {
      const sink = new BulkInsert(tx, table, keys);
      sinks.push(sink as unknown as BulkInsert<AnyTable>);
      return sink;
    },
    async flushIfFull() {
      if (sinks.some((s) => s.buffer.length >= bulkBatchSize)) for (const s of sinks) await s.flush();
    },
    async flush() {
      for (const s of sinks) await s.flush();
      return sinks.map((s): TableLoad => ({ table: s.name, rows: s.rows, seconds: s.seconds }));
    },
  };
}

/** What the participant plan needs from the database: active partnerships, topics, the account ids. */
async function participantWorld(db: Db, scale: Scale, plan: SyntheticPlan, seed: number, today: string) {
  const regions = sizes[scale].regions;
  const active = await db
    .selectDistinct({ code: partnership.municipalityCode, regionCode: region.code })
    .from(partnership)
    .innerJoin(municipality, eq(municipality.code, partnership.municipalityCode))
    .innerJoin(region, eq(region.id, municipality.regionId))
    .where(eq(partnership.status, 'active'))
    .orderBy(partnership.municipalityCode);
  const [programmeRow] = await db.select({ topics: programme.topics }).from(programme).limit(1);
  const accounts = await db
    .select({ id: appUser.id, email: appUser.email })
    .from(appUser)
    .where(like(appUser.email, `%@${syntheticDomain}`));
  const world: ParticipantWorld = {
    scale,
    seed,
    today,
    municipalities: active.filter((m) => regions === null || regions.includes(m.regionCode)),
    users: plan.users,
    employerNames: plan.employers.map((e) => e.name),
    topics: programmeRow?.topics.length ? programmeRow.topics : ['Cv', 'Solliciteren'],
  };
  return { world, userIds: new Map(accounts.map((a) => [a.email, a.id])) };
}

/**
 * Loads the synthetic data for `scale` and returns what it added (zero when it is already there). Needs the
 * reference data (regions and municipalities).
 *
 * Accounts, employers and partnerships go in one transaction and skip what exists (by e-mail, KvK number,
 * municipality). Participants and their records go in three more, one per table group: participants and their
 * profile; trajectories with coaches, plans and progress; coaching records. Their ids come from the seeded
 * PRNG and differ per scale, so a group is skipped when its first planned row is there: loading a scale again
 * adds nothing, and another scale adds its own participants beside those of the first.
 */
export async function generateSynthetic(
  db: Db,
  scale: Scale,
  options: { seed?: number; today?: string; log?: (line: string) => void } = {},
): Promise<SyntheticLoad> {
  const seed = options.seed ?? 2026;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const log = options.log ?? console.log;
  const rows = await db
    .select({ code: municipality.code, name: municipality.name, regionCode: region.code })
    .from(municipality)
    .leftJoin(region, eq(region.id, municipality.regionId))
    .orderBy(municipality.code);
  const plan = planSynthetic(scale, rows, seed);
  const passwordHash = await hashPassword(syntheticPassword);
  const counts: SyntheticCounts = {
    regionalLeads: 0,
    trainers: 0,
    coaches: 0,
    municipalityStaff: 0,
    employers: 0,
    partnerships: 0,
    participants: 0,
    languageLevels: 0,
    educations: 0,
    workExperiences: 0,
    trajectories: 0,
    coachAssignments: 0,
    trajectoryExtensions: 0,
    planVersions: 0,
    stepProgress: 0,
    meetings: 0,
    notes: 0,
    jobApplications: 0,
    activities: 0,
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

  const { world, userIds } = await participantWorld(db, scale, plan, seed, today);
  const planner = participantPlanner(world);
  const userId = (email: string | null | undefined) => (email ? userIds.get(email)! : null);
  const stamp = (date: string) => new Date(date >= today ? `${today}T00:00:00Z` : `${date}T09:00:00Z`);
  const tables: TableLoad[] = [];
  const each = async (group: ReturnType<typeof tableGroup>, fill: (p: PlannedParticipant) => void) => {
    for (let i = 0; i < planner.count; i++) {
      fill(planner.participant(i));
      await group.flushIfFull();
    }
    return group.flush();
  };
  /** Runs one table group in its own transaction, unless `check` finds its first row. */
  const load = async (
    label: string,
    check: SQL,
    fill: (group: ReturnType<typeof tableGroup>) => Promise<TableLoad[]>,
  ) => {
    const start = performance.now();
    const loaded = await db.transaction(async (tx) => {
      const found = (await tx.execute(check)) as unknown as { rows: unknown[] };
      if (found.rows.length > 0) return null;
      return fill(tableGroup(tx));
    });
    if (!loaded) return log(`${label}: already there for scale ${scale}`);
    tables.push(...loaded);
    const seconds = (performance.now() - start) / 1000;
    log(
      `${label}: ${loaded.reduce((n, t) => n + t.rows, 0).toLocaleString('en')} rows in ${seconds.toFixed(1)} s`,
    );
    for (const t of loaded)
      log(
        `  ${t.table.padEnd(20)} ${t.rows.toLocaleString('en').padStart(9)} rows  ${t.seconds.toFixed(1).padStart(6)} s  ` +
          `${Math.round(t.rows / Math.max(t.seconds, 0.001))
            .toLocaleString('en')
            .padStart(8)} rows/s`,
      );
  };

  const first = planner.participant(0);
  await load(
    'Participants',
    sql`select 1 from ${participant} where ${participant.id} = ${first.id}`,
    (group) => {
      const participants = group.table(participant, [
        'id',
        'name',
        'permitName',
        'nameKey',
        'dateOfBirth',
        'gender',
        'nationality',
        'countryOfBirth',
        'languages',
        'preferredLanguage',
        'contactChannel',
        'phone',
        'email',
        'municipalityCode',
        'arrivalDate',
        'permitDate',
        'integrationRoute',
        'pipDate',
        'hasDrivingLicence',
        'availability',
        'constraints',
        'ambitions',
        'createdAt',
        'createdBy',
        'updatedAt',
      ]);
      const levels = group.table(languageLevel, [
        'participantId',
        'skill',
        'level',
        'assessedOn',
        'source',
        'createdAt',
      ]);
      const educations = group.table(education, [
        'participantId',
        'country',
        'level',
        'field',
        'years',
        'hasDiploma',
        'valuation',
        'valuationResult',
      ]);
      const work = group.table(workExperience, [
        'participantId',
        'escoUri',
        'occupation',
        'years',
        'country',
      ]);
      return each(group, (p) => {
        // The sinks take only the columns they list: the plan's other fields stay behind.
        const createdAt = p.trajectories[0]!.createdAt!;
        participants.add({
          ...p,
          nameKey: nameKey(p.name),
          createdBy: userId(p.createdBy),
          createdAt,
          updatedAt: createdAt,
        });
        for (const l of p.languageLevels)
          levels.add({ ...l, participantId: p.id, createdAt: stamp(l.assessedOn) });
        for (const x of p.education) educations.add({ ...x, participantId: p.id });
        for (const x of p.workExperience) work.add({ ...x, participantId: p.id });
      });
    },
  );

  await load(
    'Trajectories',
    sql`select 1 from ${trajectory} where ${trajectory.id} = ${first.trajectories[0]!.id}`,
    (group) => {
      const trajectories = group.table(trajectory, [
        'id',
        'participantId',
        'status',
        'municipalityCode',
        'coachId',
        'referredOn',
        'referredBy',
        'referrerKind',
        'referralMotivation',
        'intakeOn',
        'startedOn',
        'plannedEndOn',
        'endedOn',
        'stopReason',
        'createdAt',
      ]);
      const assignments = group.table(coachAssignment, [
        'trajectoryId',
        'coachId',
        'assignedBy',
        'assignedAt',
      ]);
      const extensions = group.table(trajectoryExtension, [
        'trajectoryId',
        'previousEndOn',
        'newEndOn',
        'reason',
        'approvedBy',
        'createdAt',
      ]);
      const plans = group.table(planVersion, [
        'trajectoryId',
        'version',
        'goals',
        'steps',
        'savedBy',
        'savedAt',
        'agreedAt',
        'agreedBy',
      ]);
      const progress = group.table(stepProgress, [
        'trajectoryId',
        'stepId',
        'status',
        'changedBy',
        'changedAt',
      ]);
      return each(group, (p) => {
        const lead = userId(p.lead);
        for (const t of p.trajectories) {
          const trajectoryId = t.id;
          const coachId = userId(t.coach);
          trajectories.add({
            ...t,
            participantId: p.id,
            municipalityCode: p.municipalityCode,
            coachId,
            referredBy: userId(t.referrer),
          });
          for (const a of t.assignments)
            assignments.add({
              trajectoryId,
              coachId: userId(a.coach)!,
              assignedBy: lead,
              assignedAt: stamp(a.on),
            });
          if (t.extension)
            extensions.add({
              trajectoryId,
              ...t.extension,
              approvedBy: lead!,
              createdAt: stamp(t.extension.on),
            });
          for (const v of t.plans)
            plans.add({
              trajectoryId,
              version: v.version,
              goals: v.goals,
              steps: v.steps,
              savedBy: coachId ?? lead,
              savedAt: stamp(v.savedOn),
              agreedAt: v.agreedOn ? stamp(v.agreedOn) : null,
              agreedBy: null,
            });
          for (const s of t.progress)
            progress.add({
              trajectoryId,
              stepId: s.stepId,
              status: s.status,
              changedBy: coachId,
              changedAt: stamp(s.on),
            });
        }
      });
    },
  );

  // Every trajectory past the referral has an intake meeting: the first one tells whether the records are in.
  let withIntake: PlannedTrajectory | undefined;
  for (let i = 0; !withIntake && i < planner.count; i++)
    withIntake = planner.participant(i).trajectories.find((t) => t.intakeOn);
  await load(
    'Coaching records',
    sql`select 1 from ${meeting} where ${meeting.trajectoryId} = ${withIntake?.id ?? first.trajectories[0]!.id} limit 1`,
    (group) => {
      const meetings = group.table(meeting, [
        'trajectoryId',
        'heldOn',
        'durationMinutes',
        'mode',
        'topics',
        'summary',
        'createdBy',
        'createdAt',
      ]);
      const notes = group.table(note, [
        'trajectoryId',
        'body',
        'visibility',
        'isQuestion',
        'createdBy',
        'createdAt',
      ]);
      const applications = group.table(jobApplication, [
        'trajectoryId',
        'vacancy',
        'employerName',
        'appliedOn',
        'status',
        'followUpOn',
        'createdBy',
        'createdAt',
      ]);
      const activities = group.table(activity, [
        'trajectoryId',
        'kind',
        'happenedOn',
        'note',
        'createdBy',
        'createdAt',
      ]);
      return each(group, (p) => {
        for (const t of p.trajectories) {
          const trajectoryId = t.id;
          const records = planner.coaching(p, t);
          for (const m of records.meetings)
            meetings.add({ ...m, trajectoryId, createdBy: userId(m.createdBy) });
          for (const n of records.notes)
            notes.add({ ...n, trajectoryId, isQuestion: false, createdBy: userId(n.createdBy) });
          for (const a of records.applications)
            applications.add({ ...a, trajectoryId, createdBy: userId(a.createdBy) });
          for (const a of records.activities)
            activities.add({ ...a, trajectoryId, createdBy: userId(a.createdBy) });
        }
      });
    },
  );

  const key: Record<string, keyof SyntheticCounts> = {
    participant: 'participants',
    language_level: 'languageLevels',
    education: 'educations',
    work_experience: 'workExperiences',
    trajectory: 'trajectories',
    coach_assignment: 'coachAssignments',
    trajectory_extension: 'trajectoryExtensions',
    plan_version: 'planVersions',
    step_progress: 'stepProgress',
    meeting: 'meetings',
    note: 'notes',
    job_application: 'jobApplications',
    activity: 'activities',
  };
  for (const t of tables) counts[key[t.table]!] += t.rows;
  if (tables.length > 0) {
    // Fresh statistics, so the planner knows the tables are big now (autovacuum would come to it later).
    const start = performance.now();
    await db.execute(sql.raw(`analyze ${[...new Set(tables.map((t) => t.table))].join(', ')}`));
    log(`Statistics updated (analyze) in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  return { ...counts, tables };
}
