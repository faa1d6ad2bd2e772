// Demo incidents: a realistic previous school year and the current one so far at every demo school,
// on the school days of the school's calendar up to the day of seeding, generated from scenario
// templates. Each template states the severity the school safety protocol's §1.2 rules give
// it; a domain unit test checks that (the rules live in packages/domain, which depends on this one).
import { eq, inArray } from 'drizzle-orm'
import { localDate } from './calendar/dutch-date.ts'
import { plusDays, schoolYearOfDate } from './calendar/calendar-dates.ts'
import type { Tx } from './client.ts'
import type { DemoDates } from './demo-dates.ts'
import * as s from './schema.ts'

type PersonRole = (typeof s.PERSON_ROLES)[number]
type PersonKind = (typeof s.PERSON_KINDS)[number]
type Sector = (typeof s.SECTORS)[number]

export interface DemoIncidentTemplate {
  key: string
  voorval: number[]
  voorwerp?: number[]
  afhandeling: number[]
  locations: number[]
  motive?: number
  persons: { role: PersonRole; kind: PersonKind; description?: string; injury?: string }[]
  verbalAggression?: boolean
  physicalAggression?: boolean
  vandalism?: boolean
  leftPremises?: boolean
  objectThrownAtPerson?: boolean
  severity: (typeof s.SEVERITY_LEVELS)[number]
  confidential: boolean
  situation: string
  /** Relative frequency. */
  weight: number
  sectors: Sector[]
}

const ALL: Sector[] = ['po', 'so', 'vo', 'mbo']
const OLDER: Sector[] = ['vo', 'mbo']

export const DEMO_INCIDENT_TEMPLATES: DemoIncidentTemplate[] = [
  {
    key: 'schelden-plein',
    voorval: [1],
    afhandeling: [1, 2],
    locations: [21, 6],
    motive: 4,
    persons: [{ role: 'dader', kind: 'leerling' }, { role: 'slachtoffer', kind: 'leerling' }],
    verbalAggression: true,
    severity: 'ernstig',
    confidential: false,
    situation: 'Tijdens het buitenspelen scheldt een leerling een klasgenoot herhaaldelijk uit en dreigt hem na schooltijd op te wachten.',
    weight: 8,
    sectors: ALL,
  },
  {
    key: 'pesten-groep',
    voorval: [33],
    voorwerp: [8],
    afhandeling: [1, 5, 2],
    locations: [3, 21],
    motive: 9,
    persons: [
      { role: 'dader', kind: 'leerling' },
      { role: 'dader', kind: 'leerling' },
      { role: 'slachtoffer', kind: 'leerling' },
    ],
    verbalAggression: true,
    severity: 'ernstig',
    confidential: false,
    situation: 'Een groepje leerlingen sluit een klasgenoot al weken buiten en stuurt spottende berichten in de groepsapp.',
    weight: 7,
    sectors: ALL,
  },
  {
    key: 'vechtpartij',
    voorval: [3],
    afhandeling: [1, 6, 2],
    locations: [21, 6],
    motive: 4,
    persons: [
      { role: 'dader', kind: 'leerling' },
      { role: 'slachtoffer', kind: 'leerling' },
      { role: 'getuige', kind: 'medewerker', description: 'pleinwacht' },
    ],
    physicalAggression: true,
    severity: 'ernstig',
    confidential: false,
    situation: 'Na een ruzie over een voetbalspel duwt een leerling een ander tegen het hek en slaat hem. De pleinwacht grijpt in.',
    weight: 7,
    sectors: ALL,
  },
  {
    key: 'vechtpartij-letsel',
    voorval: [3, 7],
    afhandeling: [19, 6, 2, 26],
    locations: [22, 27],
    motive: 4,
    persons: [
      { role: 'dader', kind: 'leerling' },
      { role: 'dader', kind: 'leerling' },
      { role: 'slachtoffer', kind: 'leerling', injury: 'bloedneus en schaafwond aan de knie' },
    ],
    physicalAggression: true,
    severity: 'zeer_ernstig',
    confidential: false,
    situation: 'Twee leerlingen vallen samen een derde aan bij het fietsenhok; het slachtoffer heeft een bloedneus.',
    weight: 2,
    sectors: ALL,
  },
  {
    key: 'schelden-leerkracht',
    voorval: [1],
    afhandeling: [6, 2, 16],
    locations: [3],
    motive: 2,
    persons: [{ role: 'dader', kind: 'leerling' }, { role: 'slachtoffer', kind: 'medewerker', description: 'groepsleerkracht' }],
    verbalAggression: true,
    severity: 'zeer_ernstig',
    confidential: false,
    situation: 'Een leerling scheldt de leerkracht uit en vloekt hard nadat hij op zijn gedrag is aangesproken.',
    weight: 3,
    sectors: ALL,
  },
  {
    key: 'gooien-stoel',
    voorval: [11],
    voorwerp: [5],
    afhandeling: [38, 2],
    locations: [3],
    persons: [{ role: 'dader', kind: 'leerling' }, { role: 'betrokkene', kind: 'leerling' }],
    objectThrownAtPerson: true,
    severity: 'zeer_ernstig',
    confidential: false,
    situation: 'Een leerling gooit in boosheid een stoel in de richting van een medeleerling; die kan op tijd wegduiken.',
    weight: 1,
    sectors: ['po', 'so'],
  },
  {
    key: 'vernieling-toilet',
    voorval: [13],
    afhandeling: [12, 2],
    locations: [10],
    persons: [{ role: 'dader', kind: 'leerling' }, { role: 'melder', kind: 'medewerker', description: 'conciërge' }],
    vandalism: true,
    severity: 'ernstig',
    confidential: false,
    situation: 'In de toiletten is een spiegel vernield en is met stift op de muur geschreven. Camerabeelden wijzen een leerling aan.',
    weight: 4,
    sectors: ALL,
  },
  {
    key: 'diefstal-telefoon',
    voorval: [15],
    voorwerp: [8],
    afhandeling: [2, 26],
    locations: [11, 19],
    motive: 17,
    persons: [{ role: 'dader', kind: 'leerling' }, { role: 'slachtoffer', kind: 'leerling' }],
    severity: 'ernstig',
    confidential: false,
    situation: 'Een mobiele telefoon is uit een tas in de kleedkamer weggenomen en later bij een andere leerling teruggevonden.',
    weight: 3,
    sectors: ALL,
  },
  {
    key: 'weglopen',
    voorval: [32],
    afhandeling: [2, 1],
    locations: [21],
    persons: [{ role: 'dader', kind: 'leerling' }],
    leftPremises: true,
    severity: 'ernstig',
    confidential: false,
    situation: 'Een leerling loopt na een conflict boos het schoolplein af. Ouders zijn gebeld; de leerling is thuis aangetroffen.',
    weight: 2,
    sectors: ['po', 'so'],
  },
  {
    key: 'ordeverstoring',
    voorval: [11],
    afhandeling: [1, 37],
    locations: [3, 4],
    persons: [{ role: 'dader', kind: 'leerling' }],
    severity: 'overig',
    confidential: false,
    situation: 'Een leerling verstoort herhaaldelijk de les door rond te lopen en te roepen; na twee waarschuwingen volgt een adempauze.',
    weight: 8,
    sectors: ALL,
  },
  {
    key: 'ouder-bedreigt',
    voorval: [2],
    afhandeling: [16, 26],
    locations: [1, 21],
    motive: 2,
    persons: [
      { role: 'dader', kind: 'ouder', description: 'vader van een leerling' },
      { role: 'slachtoffer', kind: 'medewerker', description: 'directeur' },
    ],
    verbalAggression: true,
    severity: 'zeer_ernstig',
    confidential: false,
    situation: 'Een ouder komt verhaal halen bij de ingang, wordt luid en dreigt de directeur "wat aan te doen".',
    weight: 1,
    sectors: ALL,
  },
  {
    key: 'drugs',
    voorval: [24],
    afhandeling: [8, 25, 26],
    locations: [11, 9],
    persons: [{ role: 'dader', kind: 'leerling' }, { role: 'melder', kind: 'medewerker', description: 'mentor' }],
    severity: 'zeer_ernstig',
    confidential: false,
    situation: 'Bij een tascontrole na een melding wordt cannabis aangetroffen in de tas van een leerling.',
    weight: 2,
    sectors: OLDER,
  },
  {
    key: 'mes',
    voorval: [21],
    voorwerp: [1],
    afhandeling: [10, 26],
    locations: [6],
    persons: [{ role: 'dader', kind: 'leerling' }, { role: 'getuige', kind: 'leerling' }],
    severity: 'zeer_ernstig',
    confidential: false,
    situation: 'Een leerling laat in de gang een stiletto zien aan medeleerlingen. Het mes is ingenomen; de politie is ingelicht.',
    weight: 1,
    sectors: OLDER,
  },
  {
    key: 'sexting',
    voorval: [8],
    voorwerp: [8],
    afhandeling: [13, 2, 5],
    locations: [34, 3],
    persons: [{ role: 'dader', kind: 'leerling' }, { role: 'slachtoffer', kind: 'leerling' }],
    severity: 'zeer_ernstig',
    confidential: true,
    situation: 'Een naaktfoto van een leerling wordt zonder toestemming doorgestuurd in een klassengroep. De vertrouwenspersoon is ingeschakeld.',
    weight: 1,
    sectors: OLDER,
  },
  {
    key: 'grensoverschrijdend-aanraken',
    voorval: [8],
    afhandeling: [13, 2, 5],
    locations: [21, 10],
    persons: [{ role: 'dader', kind: 'leerling' }, { role: 'slachtoffer', kind: 'leerling' }],
    severity: 'zeer_ernstig',
    confidential: true,
    situation: 'Een leerling raakt een medeleerling herhaaldelijk ongewenst aan, ook nadat die duidelijk nee heeft gezegd.',
    weight: 1,
    sectors: ALL,
  },
]

function prng(seed: number) {
  let x = seed
  return () => {
    x = (x * 1664525 + 1013904223) % 2 ** 32
    return x / 2 ** 32
  }
}

interface SchoolForIncidents {
  stichtingId: string
  schoolId: string
  /** The demo school key (its study days) and holiday region. */
  key: string
  region: (typeof s.REGIONS)[number]
  sector: Sector
  reporters: string[]
  /** A leerkracht's drafts: [userId]. */
  draftAuthors: string[]
  pupils: { id: string; groupId: string | null }[]
}

/** '2026-2027' for a moment from 1 August 2026 on (Dutch date); the demo seeds' schooljaar of a moment. */
export function schoolYearOf(d: Date): string {
  return schoolYearOfDate(localDate(d))
}

/** A moment between 8:00 and 15:00 Dutch time on a school day of the school from `from` to `to`, never after `now`. */
function schoolMoment(rand: () => number, dates: DemoDates, school: SchoolForIncidents, from: string, to: string): Date {
  const calendar = dates.calendar(school.region, school.key)
  const days = calendar.schoolDaysBetween(from, to)
  for (;;) {
    const t = dates.at(days[Math.floor(rand() * days.length)]!, 8 + Math.floor(rand() * 7), Math.floor(rand() * 60))
    if (t.getTime() <= dates.now.getTime()) return t
  }
}

export async function seedDemoIncidents(tx: Tx, schools: SchoolForIncidents[], dates: DemoDates) {
  const today = dates.now
  const year = dates.schoolYearStart
  const rand = prng(4242)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  const incidents: (typeof s.incidents.$inferInsert)[] = []
  const codes: (typeof s.incidentCodes.$inferInsert)[] = []
  const persons: (typeof s.incidentPersons.$inferInsert)[] = []
  const versions: (typeof s.incidentVersions.$inferInsert)[] = []

  for (const school of schools) {
    const templates = DEMO_INCIDENT_TEMPLATES.filter((t) => t.sectors.includes(school.sector))
    const bag = templates.flatMap((t) => Array.from({ length: t.weight }, () => t))
    // The previous school year whole, and the current one up to today (none yet before its first school day).
    const calendar = dates.calendar(school.region, school.key)
    const periods: [string, string, number, boolean][] = [
      [`${year - 1}-08-01`, `${year}-07-31`, 180 + Math.floor(rand() * 60), false],
      [`${year}-08-01`, dates.today, 60 + Math.floor(rand() * 30), true],
    ]
    for (const [from, to, n, current] of periods) {
      if (calendar.countSchoolDays(from, to) === 0 || !calendar.schoolDaysBetween(from, to).some((d) => dates.at(d, 8) <= today)) continue
      for (let k = 0; k < n; k++) {
        const t = pick(bag)
        const id = crypto.randomUUID()
        const occurredAt = schoolMoment(rand, dates, school, from, to)
        const recent = current && occurredAt.getTime() > today.getTime() - 14 * 86400_000
        const draft = recent && school.draftAuthors.length > 0 && rand() < 0.25
        const reporter = draft ? pick(school.draftAuthors) : pick(school.reporters)
        const tenant = { stichtingId: school.stichtingId, schoolId: school.schoolId }
        incidents.push({
          id,
          ...tenant,
          status: draft ? 'draft' : 'submitted',
          schoolYear: schoolYearOf(occurredAt),
          occurredAt,
          locationCode: pick(t.locations),
          situation: t.situation,
          verbalAggression: !!t.verbalAggression,
          verbalForm: t.verbalAggression ? 'schelden en dreigen' : null,
          physicalAggression: !!t.physicalAggression,
          physicalForm: t.physicalAggression ? 'duwen en slaan' : null,
          vandalism: !!t.vandalism,
          vandalismForm: t.vandalism ? 'opzettelijke beschadiging' : null,
          leftPremises: !!t.leftPremises,
          objectThrownAtPerson: !!t.objectThrownAtPerson,
          motiveCode: t.motive ?? null,
          analysis: rand() < 0.5 ? 'Gesprek gevoerd met de betrokken leerlingen; aanleiding is in kaart gebracht.' : null,
          agreements: rand() < 0.5 ? 'Afgesproken dat de leerlingen elkaar met rust laten; over twee weken evaluatie.' : null,
          parentsContacted: !draft && rand() < 0.8,
          parentsContactedAt: null,
          suggestedSeverity: t.severity,
          severity: t.severity,
          confidential: t.confidential,
          reportedById: reporter,
          submittedAt: draft ? null : new Date(occurredAt.getTime() + 3600_000),
          createdAt: occurredAt,
          updatedAt: occurredAt,
        })
        // parents_contacted_at follows parents_contacted.
        const last = incidents[incidents.length - 1]!
        if (last.parentsContacted) last.parentsContactedAt = new Date(occurredAt.getTime() + 2 * 3600_000)
        for (const [list, values] of [['voorval', t.voorval], ['voorwerp', t.voorwerp ?? []], ['afhandeling', t.afhandeling]] as const) {
          for (const code of values) codes.push({ ...tenant, incidentId: id, list, code })
        }
        const used = new Set<string>()
        t.persons.forEach((p, position) => {
          let pupil: SchoolForIncidents['pupils'][number] | undefined
          if (p.kind === 'leerling') {
            do pupil = pick(school.pupils)
            while (used.has(pupil.id) && used.size < school.pupils.length)
            used.add(pupil.id)
          }
          persons.push({
            ...tenant,
            incidentId: id,
            role: p.role,
            kind: p.kind,
            studentId: pupil?.id ?? null,
            groupId: pupil?.groupId ?? null,
            description: p.description ?? null,
            injury: p.injury ?? null,
            position,
          })
        })
        versions.push({
          ...tenant,
          incidentId: id,
          version: 1,
          changedById: reporter,
          changedAt: occurredAt,
          changes: [{ field: 'aangemaakt', from: null, to: 'demo' }],
          snapshot: { template: t.key },
        })
      }
    }
  }
  for (const [table, rows] of [
    [s.incidents, incidents],
    [s.incidentCodes, codes],
    [s.incidentPersons, persons],
    [s.incidentVersions, versions],
  ] as const) {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(table).values(rows.slice(i, i + 500) as never)
  }
  await seedDemoFollowUp(tx, schools, incidents, persons, dates)
  return incidents.length
}

/**
 * The victim-care steps of the protocol's §4 the demo plans (keys, titles and default due days as in VICTIM_CARE_STEPS,
 * packages/domain guidance.ts; a domain unit test keeps them in step). Ernstig incidents get the
 * first group, zeer ernstige ones all of them; the normalising talk only when there is a dader.
 */
export const DEMO_VICTIM_CARE_STEPS: { key: string; title: string; dueAfterDays: number; zeerErnstigOnly?: boolean; needsDader?: boolean }[] = [
  { key: 'gesprek_slachtoffer', title: 'Gesprek met het slachtoffer', dueAfterDays: 0 },
  { key: 'ouders_slachtoffer_informeren', title: 'Ouder(s)/verzorger(s) van het slachtoffer informeren', dueAfterDays: 0 },
  { key: 'externe_hulpverlening', title: 'Externe hulpverlening overwegen', dueAfterDays: 2, zeerErnstigOnly: true },
  { key: 'gesprek_verwerking', title: 'Gesprek over de verwerking', dueAfterDays: 3, zeerErnstigOnly: true },
  { key: 'herstel_slachtoffer_volgen', title: 'Herstel van het slachtoffer volgen', dueAfterDays: 14 },
  { key: 'normaliserend_gesprek_dader', title: 'Normaliserend gesprek met de dader', dueAfterDays: 21, needsDader: true },
]

const ACK_METHODS = ['op school getekend', 'op school getekend', 'digitaal', 'per post', 'mondeling bevestigd'] as const
const DONE_NOTES = [
  'Gesprek gevoerd; de leerling voelt zich weer veilig in de klas.',
  'Ouders telefonisch geïnformeerd en uitgenodigd voor een gesprek.',
  'Afgestemd met de mentor; geen verdere hulp nodig.',
  null,
  null,
]

function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>()
  for (const x of xs) map.set(key(x), [...(map.get(key(x)) ?? []), x])
  return map
}


/**
 * Victim-care tasks for the submitted ernstig and zeer ernstige incidents with a victim in the
 * current school year (done, open and overdue relative to `today`), and the parents' "voor gezien"
 * for most zeer ernstige incidents of more than a few days ago. A separate generator, so the
 * incidents themselves stay exactly as before.
 */
async function seedDemoFollowUp(
  tx: Tx,
  schools: SchoolForIncidents[],
  incidents: (typeof s.incidents.$inferInsert)[],
  persons: (typeof s.incidentPersons.$inferInsert)[],
  dates: DemoDates,
) {
  const today = dates.now
  const rand = prng(1704)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  const todayDay = dates.today
  // The current schooljaar's incidents, and in the summer holiday (or early in a schooljaar) also
  // those of the last two months before it, whose later steps fall on the first school days after.
  const since = new Date(Math.min(Date.parse(`${dates.schoolYearStart}-08-01T00:00:00Z`), today.getTime() - 60 * 86400_000))
  const tasks: (typeof s.incidentTasks.$inferInsert)[] = []
  const acknowledgements: (typeof s.incidentAcknowledgements.$inferInsert)[] = []
  const personsOf = groupBy(persons, (p) => p.incidentId)

  for (const school of schools) {
    const staff = (await tx
      .select({ userId: s.memberships.userId, role: s.memberships.role })
      .from(s.memberships)
      .where(eq(s.memberships.schoolId, school.schoolId))) as { userId: string; role: s.Role }[]
    const withRole = (...roles: s.Role[]) => staff.filter((m) => roles.includes(m.role)).map((m) => m.userId)
    const leaders = withRole('intern_begeleider', 'directeur')
    const confidentialOwners = withRole('vertrouwenspersoon', 'directeur')
    const teachers = withRole('leerkracht')
    if (leaders.length === 0) continue
    const calendar = dates.calendar(school.region, school.key)
    const pupilIds = school.pupils.map((p) => p.id)
    const guardians = pupilIds.length
      ? ((await tx
          .select({ studentId: s.studentGuardians.studentId, name: s.guardians.name })
          .from(s.studentGuardians)
          .innerJoin(s.guardians, eq(s.guardians.id, s.studentGuardians.guardianId))
          .where(inArray(s.studentGuardians.studentId, pupilIds))) as { studentId: string; name: string }[])
      : []
    const guardiansOf = groupBy(guardians, (g) => g.studentId)

    const ofSchool = incidents.filter(
      (i) => i.schoolId === school.schoolId && i.status === 'submitted' && (i.occurredAt as Date) >= since,
    )
    for (const incident of ofSchool) {
      const involved = personsOf.get(incident.id!) ?? []
      const occurredOn = localDate(incident.occurredAt as Date)
      const tenant = { stichtingId: school.stichtingId, schoolId: school.schoolId, incidentId: incident.id! }
      const hasVictim = involved.some((p) => p.role === 'slachtoffer')
      if (hasVictim && incident.severity !== 'overig') {
        const hasDader = involved.some((p) => p.role === 'dader')
        for (const step of DEMO_VICTIM_CARE_STEPS) {
          if (step.zeerErnstigOnly && incident.severity !== 'zeer_ernstig') continue
          if (step.needsDader && !hasDader) continue
          const ownerId = incident.confidential
            ? pick(confidentialOwners)
            : step.key === 'gesprek_slachtoffer' && teachers.length > 0 && rand() < 0.6
              ? pick(teachers)
              : pick(leaders)
          // The step's default days after the incident; a due date without school moves to the next school day.
          const proposed = plusDays(occurredOn, step.dueAfterDays)
          const dueOn = calendar.isSchoolDay(proposed) ? proposed : calendar.nextSchoolDay(proposed)
          const age = (Date.parse(todayDay) - Date.parse(dueOn)) / 86400_000
          // Long past due: mostly done; recently due: half done (the rest is overdue); not yet due: open.
          const done = age > 7 ? rand() < 0.95 : age > 0 ? rand() < 0.5 : false
          const doneOn = done ? plusDays(dueOn, Math.min(Math.floor(rand() * 3), Math.max(0, age - 1))) : null
          tasks.push({
            ...tenant,
            kind: step.key,
            title: step.title,
            ownerId,
            dueOn,
            doneAt: doneOn ? new Date(`${doneOn}T14:30:00Z`) : null,
            doneById: doneOn ? ownerId : null,
            note: doneOn ? pick(DONE_NOTES) : null,
            createdById: incident.reportedById,
            createdAt: new Date((incident.occurredAt as Date).getTime() + 2 * 3600_000),
          })
        }
      }
      // "Voor gezien": for a zeer ernstig incident the parents sign the report; here the parents of the pupils involved in a zeer ernstig incident.
      const age = (Date.parse(todayDay) - Date.parse(occurredOn)) / 86400_000
      if (incident.severity === 'zeer_ernstig' && age > 3 && rand() < 0.7) {
        for (const p of involved) {
          const guardian = p.studentId ? guardiansOf.get(p.studentId)?.[0] : undefined
          if (!guardian) continue
          const acknowledgedOn = plusDays(occurredOn, 1 + Math.floor(rand() * 3))
          acknowledgements.push({
            ...tenant,
            studentId: p.studentId,
            guardianName: guardian.name,
            acknowledgedOn,
            method: pick(ACK_METHODS),
            recordedById: pick(incident.confidential ? confidentialOwners : leaders),
            recordedAt: new Date(`${acknowledgedOn}T15:00:00Z`),
            note: null,
          })
        }
      }
    }
  }
  for (let i = 0; i < tasks.length; i += 500) await tx.insert(s.incidentTasks).values(tasks.slice(i, i + 500))
  for (let i = 0; i < acknowledgements.length; i += 500) {
    await tx.insert(s.incidentAcknowledgements).values(acknowledgements.slice(i, i + 500))
  }
}
