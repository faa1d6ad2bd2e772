// Demo measures (issue 4): at each school a few measures in different states of their workflow,
// including a schorsing awaiting the board, a decided schorsing of more than one day with the
// Inspectie notice due, an mbo schorsing of 8 school days, and a verwijdering in search (with two
// search attempts with notes, and its hearings) with a schorsing of the same pupil pending it; at the po schools an ended schorsing from September with a bezwaar due next week.
import { and, eq, inArray } from 'drizzle-orm'
import type { Tx } from './client.ts'
import * as s from './schema.ts'

interface SchoolForMeasures {
  stichtingId: string
  schoolId: string
  sector: (typeof s.SECTORS)[number]
  directeurId: string
  boardId: string | null
}

type Kind = (typeof s.MEASURE_KINDS)[number]
interface Plan {
  kind: Kind
  path: string[]
  startsOn?: string
  endsOn?: string
  schoolDays?: number
  reasons: string
  inspectieDue?: boolean
  /** When the case began (steps an hour apart from here); default 16 November 2026. */
  at?: string
  /** A bezwaar against the decision, after its hearing (issue 4). */
  bezwaar?: { receivedOn: string; hearingOn: string; decisionDueOn: string }
  /** Attempts to find another school (issue 4). */
  attempts?: { contactedOn: string; schoolName: string; result: string; note?: string }[]
  /** Hearings before the verwijdering (parties per the vo rule set), and the Inspectie consultation. */
  hearings?: { party: string; heardOn: string; summary: string }[]
  /** A schorsing pending the verwijdering planned just before it, of the same pupil (issue 4). */
  pendingRemoval?: boolean
}

// School days in November 2026 (no holidays in that stretch in any region).
const PLANS = (sector: string): Plan[] => [
  { kind: 'adempauze', path: ['recorded', 'parents_informed'], reasons: 'Leerling verstoorde de les herhaaldelijk; tien minuten op de gang met een opdracht.' },
  {
    kind: 'time_out',
    path: ['requested', 'approved', 'parents_informed'],
    startsOn: '2026-11-12',
    endsOn: '2026-11-12',
    schoolDays: 1,
    reasons: 'Leerling sloeg een klasgenoot en was niet tot rust te brengen; rest van de dag time-out.',
  },
  {
    kind: 'schorsing',
    path: ['proposed'],
    startsOn: '2026-11-23',
    endsOn: '2026-11-24',
    schoolDays: 2,
    reasons: 'Herhaalde fysieke agressie tegen medeleerlingen ondanks eerdere time-out en afspraken met ouders.',
  },
  sector === 'mbo'
    ? {
        kind: 'schorsing',
        path: ['proposed', 'approved', 'letter_sent', 'in_effect'],
        startsOn: '2026-11-11',
        endsOn: '2026-11-20',
        schoolDays: 8,
        reasons: 'Bedreiging van een docent met een schaar tijdens de praktijkles.',
      }
    : {
        kind: 'schorsing',
        path: ['proposed', 'approved'],
        startsOn: '2026-11-18',
        endsOn: '2026-11-20',
        schoolDays: 3,
        reasons: 'Ernstige bedreiging van een leerkracht; veiligheid in de groep in gevaar.',
        inspectieDue: true,
      },
  ...(sector === 'vo'
    ? [
        {
          kind: 'verwijdering' as Kind,
          path: ['proposed', 'hearings_recorded', 'decided', 'searching'],
          reasons: 'Herhaalde ernstige incidenten met wapenbezit; schorsingen hebben niet geholpen.',
          attempts: [
            { contactedOn: '2026-11-17', schoolName: 'Scholengemeenschap De Vaart', result: 'geen plaats', note: 'Klas vol tot de zomer; teruggebeld door de afdelingsleider.' },
            { contactedOn: '2026-11-19', schoolName: 'Duinzicht College', result: 'in behandeling', note: 'Intake gepland; dossier met toestemming van de ouders gestuurd.' },
          ],
          hearings: [
            { party: 'leraren', heardOn: '2026-11-16', summary: 'Mentor en twee vakdocenten: incidenten sinds september, afspraken niet nagekomen.' },
            { party: 'leerling', heardOn: '2026-11-16', summary: 'Leerling erkent het wapenbezit, wil op school blijven.' },
            { party: 'ouders', heardOn: '2026-11-16', summary: 'Ouders begrijpen de zorg, vragen hulp bij het vinden van een andere school.' },
            { party: 'inspectie_overleg', heardOn: '2026-11-16', summary: 'Telefonisch overleg met de inspecteur; geen bezwaren tegen de procedure.' },
          ],
        },
        // While another school is sought the pupil stays enrolled and may be suspended (rule
        // verwijdering.schorsingHangende): decided by the board, letter sent, running Thursday to Monday.
        {
          kind: 'schorsing' as Kind,
          path: ['proposed', 'approved', 'letter_sent', 'in_effect'],
          at: '2026-11-18T08:00:00Z',
          startsOn: '2026-11-19',
          endsOn: '2026-11-23',
          schoolDays: 3,
          reasons: 'Bedreigde tijdens de zoektocht naar een andere school een medeleerling met een mes; geschorst hangende de verwijdering.',
          inspectieDue: true,
          pendingRemoval: true,
        },
      ]
    : []),
  // The letter went out on Friday 18 September 2026: the objection term ran to 30 October, and in po the
  // board's 4 weeks start the day after, so the decision is due Friday 27 November (bezwaarDeadlines).
  ...(sector === 'po'
    ? [
        {
          kind: 'schorsing' as Kind,
          path: ['proposed', 'approved', 'letter_sent', 'in_effect', 'meeting_held', 'report_signed', 'ended'],
          at: '2026-09-18T06:00:00Z',
          startsOn: '2026-09-18',
          endsOn: '2026-09-18',
          schoolDays: 1,
          reasons: 'Gooide een stoel naar een klasgenoot, die daardoor gewond raakte.',
          bezwaar: { receivedOn: '2026-10-12', hearingOn: '2026-11-09', decisionDueOn: '2026-11-27' },
        },
      ]
    : []),
]

export async function seedDemoMeasures(tx: Tx, schools: SchoolForMeasures[]) {
  for (const school of schools) {
    const tenant = { stichtingId: school.stichtingId, schoolId: school.schoolId }
    // Pupils with a submitted incident as dader, so the measure can point to it.
    const involved = await tx
      .select({ studentId: s.incidentPersons.studentId, incidentId: s.incidentPersons.incidentId })
      .from(s.incidentPersons)
      .innerJoin(s.incidents, eq(s.incidents.id, s.incidentPersons.incidentId))
      .where(and(eq(s.incidentPersons.schoolId, school.schoolId), eq(s.incidentPersons.role, 'dader'), eq(s.incidents.status, 'submitted'), eq(s.incidents.confidential, false)))
      .limit(40)
    const plans = PLANS(school.sector)
    const used = new Set<string>()
    const picks = involved.filter((r) => r.studentId && !used.has(r.studentId) && used.add(r.studentId)).slice(0, plans.length)
    let lastRemoval: { id: string; studentId: string; incidentId: string } | null = null
    for (const [i, plan] of plans.entries()) {
      const pick: { studentId: string | null; incidentId: string } | null | undefined = plan.pendingRemoval ? lastRemoval : picks[i]
      if (!pick?.studentId) continue
      const id = crypto.randomUUID()
      if (plan.kind === 'verwijdering') lastRemoval = { id, studentId: pick.studentId, incidentId: pick.incidentId }
      const final = plan.path[plan.path.length - 1]!
      const decides = plan.kind === 'schorsing' || plan.kind === 'verwijdering'
      const decided = decides && plan.path.includes(plan.kind === 'schorsing' ? 'approved' : 'decided')
      await tx.insert(s.measures).values({
        id,
        ...tenant,
        studentId: pick.studentId,
        kind: plan.kind,
        state: final,
        sector: school.sector,
        ruleSetId: `wet-${school.sector}-2026`,
        reasons: plan.reasons,
        startsOn: plan.startsOn ?? null,
        endsOn: plan.endsOn ?? null,
        schoolDays: plan.schoolDays ?? null,
        pendingRemovalId: plan.pendingRemoval ? lastRemoval!.id : null,
        proposedById: school.directeurId,
        decidedById: decided ? (school.boardId ?? school.directeurId) : null,
        decidedAt: decided ? new Date(plan.at ?? '2026-11-17T10:00:00Z') : null,
        version: plan.path.length,
      })
      await tx.insert(s.measureIncidents).values({ ...tenant, measureId: id, incidentId: pick.incidentId })
      await tx.insert(s.measureTransitions).values(
        plan.path.map((to, k) => ({
          ...tenant,
          measureId: id,
          fromState: k === 0 ? null : plan.path[k - 1]!,
          toState: to,
          byId: to === 'approved' || to === 'decided' ? (school.boardId ?? school.directeurId) : school.directeurId,
          at: new Date(Date.parse(plan.at ?? '2026-11-16T09:00:00Z') + k * 3600_000),
          reason: k === 0 ? plan.reasons : null,
        })),
      )
      if (plan.kind === 'schorsing' && decided) {
        const decidedOn = plan.at?.slice(0, 10) ?? '2026-11-17'
        const done = final === 'ended' ? { doneAt: new Date(plan.at!), doneById: school.directeurId } : {}
        await tx.insert(s.measureTasks).values([
          ...(plan.inspectieDue
            ? [{ ...tenant, measureId: id, kind: 'inspectie_melding', title: 'Schorsing melden bij de Inspectie van het Onderwijs (Internet Schooldossier)', summary: plan.reasons, dueOn: decidedOn }]
            : []),
          { ...tenant, measureId: id, kind: 'leerplicht_afschrift', title: 'Afschrift van het besluit naar de leerplichtambtenaar', dueOn: decidedOn, ...done },
          { ...tenant, measureId: id, kind: 'huiswerk', title: 'Huiswerk en begeleiding tijdens de schorsing regelen', dueOn: plan.startsOn!, ...done },
        ])
      }
      if (plan.bezwaar) {
        await tx.insert(s.bezwaren).values({ ...tenant, measureId: id, ...plan.bezwaar, state: 'hearing_held', late: false, recordedById: school.directeurId })
      }
      if (plan.attempts) {
        await tx.insert(s.removalSearchAttempts).values(plan.attempts.map((a) => ({ ...tenant, measureId: id, ...a, recordedById: school.directeurId })))
      }
      if (plan.hearings) {
        await tx.insert(s.removalHearings).values(plan.hearings.map((x) => ({ ...tenant, measureId: id, ...x, recordedById: school.directeurId })))
      }
    }
  }
  // Kompas gives its directeuren no mandate for schorsingen: the board decides (the demo shows the queue).
  const stichtingen = [...new Set(schools.map((x) => x.stichtingId))]
  const existing = await tx.select().from(s.stichtingSettings).where(inArray(s.stichtingSettings.stichtingId, stichtingen))
  const missing = stichtingen.filter((id) => !existing.some((e) => e.stichtingId === id))
  if (missing.length) await tx.insert(s.stichtingSettings).values(missing.map((stichtingId) => ({ stichtingId, directeurMandateSchorsing: false })))
}
