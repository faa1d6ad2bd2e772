// Demo data: two stichtingen (so isolation is visible), four schools, two partners, 17 accounts.
// All names are fictional. Runs once, as the migration owner, on an empty database; never in
// production mode (see seedDemoData's guard).
import { count } from 'drizzle-orm'
import type { Database } from './client.ts'
import { seedDemoAccessLog } from './demo-access-log.ts'
import { seedDemoCalendar } from './demo-calendar.ts'
import { demoDates } from './demo-dates.ts'
import { seedDemoHalt } from './demo-halt.ts'
import { seedDemoIncidents } from './demo-incidents.ts'
import { seedDemoLetterTemplates } from './demo-letter-templates.ts'
import { seedDemoMeasures } from './demo-measures.ts'
import { seedDemoOutbox } from './demo-outbox.ts'
import { seedDemoPrivacy } from './demo-privacy.ts'
import { seedDemoReporting } from './demo-reporting.ts'
import { seedDemoSharing } from './demo-sharing.ts'
import { hashPassword } from './password.ts'
import { seedDemoPortal } from './demo-portal.ts'
import * as s from './tables.ts'
import type { Role, Sector } from './schema.ts'

export const DEMO_PASSWORD = 'veilig-demo-2026'

export interface DemoAccount {
  email: string
  name: string
  memberships: { role: Role; org: string }[]
}

/** Organisation keys used below: stichting, school or partner keys, or 'platform'. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'bestuur@kompas.demo', name: 'Marieke Bosman', memberships: [{ role: 'bestuurder', org: 'kompas' }] },
  { email: 'beheer@kompas.demo', name: 'Ruud Verhoef', memberships: [{ role: 'stichtingbeheerder', org: 'kompas' }] },
  { email: 'privacy@kompas.demo', name: 'Anouk de Graaf', memberships: [{ role: 'privacyfunctionaris', org: 'kompas' }] },
  { email: 'directeur@branding.demo', name: 'Henk Mulder', memberships: [{ role: 'directeur', org: 'branding' }] },
  { email: 'ib@branding.demo', name: 'Sanne Kuipers', memberships: [{ role: 'intern_begeleider', org: 'branding' }] },
  { email: 'leerkracht@branding.demo', name: 'Joyce Smit', memberships: [{ role: 'leerkracht', org: 'branding' }] },
  { email: 'leerkracht2@branding.demo', name: 'Bram van Dijk', memberships: [{ role: 'leerkracht', org: 'branding' }] },
  {
    email: 'vertrouwenspersoon@branding.demo',
    name: 'Ingrid Koster',
    memberships: [{ role: 'vertrouwenspersoon', org: 'branding' }],
  },
  {
    // A directeur of two schools: acts for the Lyceum and, ad interim, for the Vakcollege.
    email: 'directeur@lyceum.demo',
    name: 'Peter Jansen',
    memberships: [
      { role: 'directeur', org: 'lyceum' },
      { role: 'directeur', org: 'vakcollege' },
    ],
  },
  { email: 'mentor@lyceum.demo', name: 'Fatima el Amrani', memberships: [{ role: 'leerkracht', org: 'lyceum' }] },
  { email: 'directeur@vakcollege.demo', name: 'Wendy Hoekstra', memberships: [{ role: 'directeur', org: 'vakcollege' }] },
  { email: 'docent@vakcollege.demo', name: 'Kees Brouwer', memberships: [{ role: 'leerkracht', org: 'vakcollege' }] },
  { email: 'halt@haltnoord.demo', name: 'Lotte Vermeulen', memberships: [{ role: 'halt_medewerker', org: 'haltnoord' }] },
  { email: 'politie@wijkteam.demo', name: 'Agent Mark de Wit', memberships: [{ role: 'politie', org: 'wijkteam' }] },
  { email: 'directeur@horizon.demo', name: 'Gerda Visser', memberships: [{ role: 'directeur', org: 'horizon-school' }] },
  { email: 'bestuur@horizon.demo', name: 'Johan Meijer', memberships: [{ role: 'bestuurder', org: 'horizon' }] },
  { email: 'platform@baken.demo', name: 'Platformbeheer Baken', memberships: [{ role: 'platform_beheerder', org: 'platform' }] },
]

interface SchoolSpec {
  key: string
  stichting: string
  name: string
  brin: string
  sector: Sector
  region: (typeof s.REGIONS)[number]
  /** Street and number, postcode, place (fictional). */
  address: [string, string, string]
  /** group name → [students, age in years on 1 October of the current schooljaar, teacher e-mail] */
  groups: [string, number, number, string?][]
}

const SCHOOLS: SchoolSpec[] = [
  {
    key: 'branding',
    stichting: 'kompas',
    name: 'OBS De Branding',
    brin: '12AB',
    address: ['Duinweg 12', '9711 AB', 'Groningen'],
    sector: 'po',
    region: 'noord',
    groups: [
      ['groep 3', 8, 6, 'leerkracht2@branding.demo'],
      ['groep 5', 7, 8],
      ['groep 6', 9, 9, 'leerkracht@branding.demo'],
      ['groep 8', 7, 11],
    ],
  },
  {
    key: 'lyceum',
    stichting: 'kompas',
    name: 'Kompas Lyceum',
    brin: '23CD',
    address: ['Stationsplein 3', '9712 CD', 'Groningen'],
    sector: 'vo',
    region: 'noord',
    groups: [
      ['1A', 9, 12],
      ['2B', 9, 13, 'mentor@lyceum.demo'],
      ['4H', 8, 15],
      ['5V', 7, 17],
    ],
  },
  {
    key: 'vakcollege',
    stichting: 'kompas',
    name: 'Kompas Vakcollege',
    brin: '34EF',
    address: ['Werkplaatsstraat 40', '9723 EF', 'Groningen'],
    sector: 'mbo',
    region: 'noord',
    groups: [
      ['ZW1A (Zorg en welzijn)', 9, 16, 'docent@vakcollege.demo'],
      ['TE2B (Techniek)', 9, 17],
      ['EC1C (Economie)', 8, 18],
    ],
  },
  {
    key: 'horizon-school',
    stichting: 'horizon',
    name: 'CBS De Horizon',
    brin: '45GH',
    address: ['Kerkstraat 7', '5611 GH', 'Eindhoven'],
    sector: 'po',
    region: 'zuid',
    groups: [
      ['groep 4', 8, 7],
      ['groep 6', 9, 9],
      ['groep 7', 8, 10],
    ],
  },
]

const FIRST_NAMES = [
  'Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Mila', 'Finn', 'Tess', 'Levi', 'Sophie', 'Noah', 'Zoë', 'Milan',
  'Sara', 'Jesse', 'Nora', 'Bram', 'Evi', 'Luuk', 'Liv', 'Thijs', 'Fenna', 'Mohammed', 'Yara', 'Ravi', 'Aya',
  'Stijn', 'Lotte', 'Ruben', 'Isa', 'Mees', 'Anna', 'Gijs', 'Fleur', 'Omar', 'Lina', 'Jayden', 'Noor', 'Hugo',
  'Saar', 'Tygo', 'Elif', 'Cas', 'Maud', 'Siem', 'Roos', 'Adam', 'Jasmijn', 'Tim', 'Amira',
]
const LAST_NAMES: [string | null, string][] = [
  [null, 'Bakker'], ['de', 'Vries'], ['van', 'Leeuwen'], [null, 'Janssen'], ['van den', 'Berg'], [null, 'Visser'],
  [null, 'Smits'], ['de', 'Boer'], [null, 'Mulder'], ['de', 'Groot'], [null, 'Bos'], [null, 'Vos'], [null, 'Peters'],
  [null, 'Hendriks'], ['van', 'Wijk'], [null, 'Dekker'], [null, 'Brouwer'], ['de', 'Wit'], [null, 'Dijkstra'],
  [null, 'Kok'], [null, 'Yilmaz'], [null, 'Öztürk'], ['el', 'Idrissi'], [null, 'Tahiri'], [null, 'Koç'],
  ['van der', 'Meer'], [null, 'Postma'], [null, 'Kramer'], ['van', 'Dam'], [null, 'Prins'],
]
const GUARDIAN_FIRST = ['Linda', 'Mark', 'Esther', 'Dennis', 'Nadia', 'Hasan', 'Petra', 'Erik', 'Samira', 'Rob']

/** A small deterministic generator so every fresh demo database looks the same. */
function prng(seed: number) {
  let x = seed
  return () => {
    x = (x * 1664525 + 1013904223) % 2 ** 32
    return x / 2 ** 32
  }
}

export interface SeedOptions {
  /** Refuses to run in production mode. */
  mode: 'demo' | 'production'
  /** The seeding instant the demo is laid out around; default: now. */
  now?: Date
}

/** Inserts the demo data when the database has no stichting yet. Returns whether it seeded. */
export async function seedDemoData(db: Database, options: SeedOptions): Promise<boolean> {
  if (options.mode === 'production') throw new Error('Demo data is never created in production mode')
  const [existing] = await db.select({ n: count() }).from(s.stichtingen)
  if ((existing?.n ?? 0) > 0) return false

  const rand = prng(20261121)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const dates = demoDates(options.now)
  const thisYear = dates.schoolYearStart

  await db.transaction(async (tx) => {
    const years = await tx
      .insert(s.schoolYears)
      .values(
        [thisYear - 3, ...dates.schoolYears.map((name) => Number(name.slice(0, 4)))].map((y) => ({
          name: `${y}-${y + 1}`,
          startsOn: `${y}-08-01`,
          endsOn: `${y + 1}-07-31`,
        })),
      )
      .returning()
    const currentYear = years.find((y) => y.name === dates.schoolYear)!

    const [kompas, horizon] = await tx
      .insert(s.stichtingen)
      .values([
        { name: 'Stichting Kompas', kvkNumber: '41012345', bevoegdGezagNumber: '41234' },
        { name: 'Stichting Horizon', kvkNumber: '41067890', bevoegdGezagNumber: '41567' },
      ])
      .returning()
    const stichtingByKey: Record<string, string> = { kompas: kompas!.id, horizon: horizon!.id }
    // The demo accounts have no second factor, so the demo stichtingen require one of nobody
    // (ADR 024); a new stichting starts with the default: every role.
    await tx.insert(s.mfaPolicies).values([kompas!, horizon!].map((st) => ({ stichtingId: st.id, requiredRoles: [] })))

    const schoolByKey: Record<string, { id: string; stichtingId: string }> = {}
    for (const spec of SCHOOLS) {
      const [row] = await tx
        .insert(s.schools)
        .values({
          stichtingId: stichtingByKey[spec.stichting]!,
          name: spec.name,
          brin: spec.brin,
          sector: spec.sector,
          holidayRegion: spec.region,
          street: spec.address[0],
          postcode: spec.address[1],
          place: spec.address[2],
        })
        .returning()
      schoolByKey[spec.key] = { id: row!.id, stichtingId: row!.stichtingId }
    }
    // School holidays per region for both stichtingen, and each school's study days (demo data).
    await seedDemoCalendar(tx, { stichtingIds: [kompas!.id, horizon!.id], schools: schoolByKey, schoolYears: dates.schoolYears })

    const [haltNoord, wijkteam] = await tx
      .insert(s.partnerOrganisations)
      .values([
        { name: 'Halt Noord', kind: 'halt_region' },
        { name: 'Wijkteam Centrum', kind: 'police_unit' },
      ])
      .returning()
    const partnerByKey: Record<string, string> = { haltnoord: haltNoord!.id, wijkteam: wijkteam!.id }
    await tx.insert(s.partnerLinks).values([
      { partnerId: haltNoord!.id, ...pickTenant(schoolByKey.vakcollege!) },
      { partnerId: wijkteam!.id, ...pickTenant(schoolByKey.branding!) },
      { partnerId: wijkteam!.id, ...pickTenant(schoolByKey.lyceum!) },
    ])

    const userByEmail: Record<string, string> = {}
    for (const account of DEMO_ACCOUNTS) {
      const [user] = await tx
        .insert(s.users)
        .values({ email: account.email, name: account.name, passwordHash })
        .returning()
      userByEmail[account.email] = user!.id
      for (const m of account.memberships) {
        const school = schoolByKey[m.org]
        await tx.insert(s.memberships).values({
          userId: user!.id,
          role: m.role,
          stichtingId: school?.stichtingId ?? stichtingByKey[m.org] ?? null,
          schoolId: school?.id ?? null,
          partnerId: partnerByKey[m.org] ?? null,
        })
      }
    }

    let studentNumber = 100000
    const pupilsBySchool: Record<string, { id: string; groupId: string | null }[]> = {}
    for (const spec of SCHOOLS) {
      pupilsBySchool[spec.key] = []
      const tenant = pickTenant(schoolByKey[spec.key]!)
      for (const [groupName, size, age, teacher] of spec.groups) {
        const [group] = await tx
          .insert(s.groups)
          .values({ ...tenant, schoolYearId: currentYear.id, name: groupName })
          .returning()
        if (teacher) await tx.insert(s.groupTeachers).values({ ...tenant, groupId: group!.id, userId: userByEmail[teacher]! })
        for (let i = 0; i < size; i++) {
          const [infix, lastName] = pick(LAST_NAMES)
          const birthYear = thisYear - age - (rand() < 0.75 ? 1 : 0)
          const month = 1 + Math.floor(rand() * 12)
          const day = 1 + Math.floor(rand() * 28)
          const [student] = await tx
            .insert(s.students)
            .values({
              ...tenant,
              externalId: String(studentNumber++),
              firstName: pick(FIRST_NAMES),
              infix,
              lastName,
              dateOfBirth: `${birthYear}-${pad(month)}-${pad(day)}`,
              groupId: group!.id,
              enrolledOn: `${Math.max(birthYear + 4, thisYear - 7)}-08-15`,
            })
            .returning()
          pupilsBySchool[spec.key]!.push({ id: student!.id, groupId: student!.groupId })
          // Adult mbo students have no guardian on file; everyone else one or two.
          const guardianCount = spec.sector === 'mbo' && age >= 18 ? 0 : rand() < 0.6 ? 2 : 1
          for (let g = 0; g < guardianCount; g++) {
            const guardianFirst = pick(GUARDIAN_FIRST)
            const [guardian] = await tx
              .insert(s.guardians)
              .values({
                ...tenant,
                name: `${guardianFirst} ${infix ? `${infix} ` : ''}${lastName}`,
                email: `${guardianFirst.toLowerCase()}.${lastName.toLowerCase().replace(/[^a-z]/g, '')}${studentNumber}@ouders.demo`,
                phone: `06-${String(10000000 + Math.floor(rand() * 89999999))}`,
              })
              .returning()
            await tx.insert(s.studentGuardians).values({
              ...tenant,
              studentId: student!.id,
              guardianId: guardian!.id,
              relation: g === 0 ? 'ouder/verzorger 1' : 'ouder/verzorger 2',
            })
          }
        }
      }
    }

    // Incidents, reported by the school's own staff; drafts only by teachers.
    const staffOf = (schoolKey: string, roles: Role[]) =>
      DEMO_ACCOUNTS.filter((a) => a.memberships.some((m) => m.org === schoolKey && roles.includes(m.role))).map(
        (a) => userByEmail[a.email]!,
      )
    await seedDemoIncidents(
      tx,
      SCHOOLS.map((spec) => ({
        ...pickTenant(schoolByKey[spec.key]!),
        key: spec.key,
        region: spec.region,
        sector: spec.sector,
        reporters: staffOf(spec.key, ['directeur', 'intern_begeleider', 'leerkracht', 'vertrouwenspersoon']),
        draftAuthors: staffOf(spec.key, ['leerkracht']),
        pupils: pupilsBySchool[spec.key]!,
      })),
      dates,
    )
    await seedDemoLetterTemplates(tx, Object.values(stichtingByKey))
    await seedDemoMeasures(
      tx,
      SCHOOLS.map((spec) => ({
        ...pickTenant(schoolByKey[spec.key]!),
        key: spec.key,
        region: spec.region,
        sector: spec.sector,
        directeurId: staffOf(spec.key, ['directeur'])[0]!,
        boardId:
          DEMO_ACCOUNTS.filter((a) => a.memberships.some((m) => m.role === 'bestuurder' && m.org === spec.stichting)).map((a) => userByEmail[a.email]!)[0] ?? null,
      })),
      dates,
    )

    // Mail in the outbox (sent, pending, one failed), sent in the name of each school's directeur.
    await seedDemoOutbox(
      tx,
      SCHOOLS.map((spec) => {
        const directeur = DEMO_ACCOUNTS.find((a) => a.memberships.some((m) => m.org === spec.key && m.role === 'directeur'))!
        return {
          ...pickTenant(schoolByKey[spec.key]!),
          schoolName: spec.name,
          senderId: userByEmail[directeur.email]!,
          senderName: directeur.name,
        }
      }),
      dates.now,
    )

    // A break-glass opening in the access log, agreements and shares with the police (one active,
    // one expired, one revoked) and with Halt, reporting-duty cases, AVG requests, a legal hold and
    // pupils who left long ago; the Halt leaflet's three referrals.
    await seedDemoAccessLog(tx, {
      school: schoolByKey.branding!,
      directeurId: userByEmail['directeur@branding.demo']!,
      ibId: userByEmail['ib@branding.demo']!,
    })
    await seedDemoSharing(tx, { schools: schoolByKey, partners: partnerByKey, users: userByEmail, now: dates.now })
    await seedDemoHalt(tx, { schools: schoolByKey, partners: partnerByKey, users: userByEmail, now: dates.now })
    await seedDemoReporting(tx, { schools: schoolByKey, users: userByEmail, pupils: pupilsBySchool }, dates)
    await seedDemoPrivacy(tx, { schools: schoolByKey, userByEmail }, dates)
    // The parents' portal: ouder@branding.demo and leerling@vakcollege.demo (demo-portal.ts).
    await seedDemoPortal(tx, { schools: schoolByKey, users: userByEmail, partners: partnerByKey, passwordHash }, dates)
  })
  return true
}

function pickTenant(school: { id: string; stichtingId: string }) {
  return { stichtingId: school.stichtingId, schoolId: school.id }
}

function pad(n: number) {
  return String(n).padStart(2, '0')
}
