// Demo measures: at each school a few measures in different states of their workflow, laid out
// around the day of seeding on the school's own calendar: a schorsing proposed this week and
// awaiting the board, a schorsing decided on the last school day whose Inspectie notice is due on
// the next one, an mbo schorsing in effect, a time-out of last week, and in vo a verwijdering in search (its
// hearings, then two search attempts with notes, after the decision) with a schorsing of the same
// pupil pending it; at the po schools an ended schorsing whose bezwaar the board decides next week;
// at the mbo school an ended schorsing of last spring whose objection term ended on Goede Vrijdag.
import { and, eq, inArray } from 'drizzle-orm'
import { plusDays } from './calendar/calendar-dates.ts'
import { localDate } from './calendar/dutch-date.ts'
import { easterSunday } from './calendar/national-holidays.ts'
import { termijnenwetEnd } from './calendar/termijnenwet.ts'
import type { Tx } from './client.ts'
import type { DemoDates } from './demo-dates.ts'
import * as s from './schema.ts'

interface SchoolForMeasures {
  stichtingId: string
  schoolId: string
  key: string
  region: (typeof s.REGIONS)[number]
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
  /** The Inspectie notice and the day it is due (po, so, vo: a schorsing of more than one day). */
  inspectieDueOn?: string
  /** When the case began; its steps follow an hour apart. */
  at: Date
  /** When it was decided (default: the last step). */
  decidedAt?: Date
  /** A bezwaar against the decision, after its hearing. */
  bezwaar?: { receivedOn: string; hearingOn: string; decisionDueOn: string }
  /** Attempts to find another school. */
  attempts?: { contactedOn: string; schoolName: string; result: string; note?: string }[]
  /** Hearings before the verwijdering (parties per the vo rule set), and the Inspectie consultation. */
  hearings?: { party: string; heardOn: string; summary: string }[]
  /** A schorsing pending the verwijdering planned just before it, of the same pupil. */
  pendingRemoval?: boolean
  /** When the case was created, for a case of an earlier month (default: the seeding moment). */
  createdAt?: Date
}

const minDay = (a: string, b: string) => (a < b ? a : b)

const PLANS = (school: SchoolForMeasures, dates: DemoDates): Plan[] => {
  const day = (n: number) => dates.schoolDay(school.region, n, school.key)
  const days = (from: string, to: string) => dates.calendar(school.region, school.key).countSchoolDays(from, to)
  const morning = (n: number, hh = 9) => dates.at(day(n), hh)
  // Decided on the last school day before today, in the afternoon.
  const decidedLately = morning(-1, 14)
  // A schorsing decided the school day before its first day, letter sent, running from school day `first` to `last`.
  const inEffect = (first: number, last: number, reasons: string): Plan => ({
    kind: 'schorsing',
    path: ['proposed', 'approved', 'letter_sent', 'in_effect'],
    at: morning(first - 1, 8),
    startsOn: day(first),
    endsOn: day(last),
    schoolDays: days(day(first), day(last)),
    reasons,
  })
  const proposedStart = day(2)
  const decidedStart = day(1)
  const decidedEnd = day(3)
  const plans: Plan[] = [
    { kind: 'adempauze', path: ['recorded', 'parents_informed'], at: morning(-1, 10), reasons: 'Leerling verstoorde de les herhaaldelijk; tien minuten op de gang met een opdracht.' },
    {
      kind: 'time_out',
      path: ['requested', 'approved', 'parents_informed'],
      at: morning(-5, 10),
      startsOn: day(-5),
      endsOn: day(-5),
      schoolDays: 1,
      reasons: 'Leerling sloeg een klasgenoot en was niet tot rust te brengen; rest van de dag time-out.',
    },
    // Proposed on the last school day: it waits in the board's queue this week.
    {
      kind: 'schorsing',
      path: ['proposed'],
      at: morning(-1, 11),
      startsOn: proposedStart,
      endsOn: day(3),
      schoolDays: days(proposedStart, day(3)),
      reasons: 'Herhaalde fysieke agressie tegen medeleerlingen ondanks eerdere time-out en afspraken met ouders.',
    },
    school.sector === 'mbo'
      ? inEffect(-3, 1, 'Bedreiging van een docent met een schaar tijdens de praktijkles.')
      : {
          kind: 'schorsing',
          path: ['proposed', 'approved'],
          at: new Date(decidedLately.getTime() - 3600_000),
          decidedAt: decidedLately,
          startsOn: decidedStart,
          endsOn: decidedEnd,
          schoolDays: days(decidedStart, decidedEnd),
          reasons: 'Ernstige bedreiging van een leerkracht; veiligheid in de groep in gevaar.',
          // Without delay: the school files the notice no later than the next school day.
          inspectieDueOn: day(1),
        },
  ]
  if (school.sector === 'vo') {
    plans.push(
      {
        kind: 'verwijdering',
        path: ['proposed', 'hearings_recorded', 'decided', 'searching'],
        at: morning(-12, 9),
        decidedAt: morning(-12, 11),
        reasons: 'Herhaalde ernstige incidenten met wapenbezit; schorsingen hebben niet geholpen.',
        // The search for another school starts after the decision; only attempts from then on count.
        attempts: [
          { contactedOn: day(-8), schoolName: 'Scholengemeenschap De Vaart', result: 'geen plaats', note: 'Klas vol tot de zomer; teruggebeld door de afdelingsleider.' },
          { contactedOn: day(-4), schoolName: 'Duinzicht College', result: 'in behandeling', note: 'Intake gepland; dossier met toestemming van de ouders gestuurd.' },
        ],
        hearings: [
          { party: 'leraren', heardOn: day(-13), summary: 'Mentor en twee vakdocenten: incidenten sinds september, afspraken niet nagekomen.' },
          { party: 'leerling', heardOn: day(-13), summary: 'Leerling erkent het wapenbezit, wil op school blijven.' },
          { party: 'ouders', heardOn: day(-13), summary: 'Ouders begrijpen de zorg, vragen hulp bij het vinden van een andere school.' },
          { party: 'inspectie_overleg', heardOn: day(-13), summary: 'Telefonisch overleg met de inspecteur; geen bezwaren tegen de procedure.' },
        ],
      },
      // While another school is sought the pupil stays enrolled and may be suspended (rule
      // verwijdering.schorsingHangende): decided by the board, letter sent, in effect now.
      {
        ...inEffect(-1, 1, 'Bedreigde tijdens de zoektocht naar een andere school een medeleerling met een mes; geschorst hangende de verwijdering.'),
        inspectieDueOn: day(-2),
        pendingRemoval: true,
      },
    )
  }
  if (school.sector === 'mbo') {
    // The letter went out six weeks before the latest Goede Vrijdag whose Easter Tuesday has passed,
    // so the objection term ended on Goede Vrijdag and runs on over Easter to the Tuesday (Algemene
    // termijnenwet art. 1 and 3 lid 2). No bezwaar yet: one received on that Tuesday was on time.
    const calendar = dates.calendar(school.region, school.key)
    let year = Number(dates.today.slice(0, 4))
    if (plusDays(easterSunday(year), 2) > dates.today) year -= 1
    const letterDay = plusDays(easterSunday(year), -2 - 42)
    const first = calendar.addSchoolDays(letterDay, 1)
    plans.push({
      kind: 'schorsing',
      path: ['proposed', 'approved', 'letter_sent', 'in_effect', 'meeting_held', 'report_signed', 'ended'],
      at: dates.at(letterDay, 8),
      createdAt: dates.at(letterDay, 8),
      startsOn: first,
      endsOn: first,
      schoolDays: 1,
      reasons: 'Vernielde opzettelijk gereedschap in de praktijkruimte en bedreigde de docent die hem aansprak.',
    })
  }
  if (school.sector === 'po') {
    // The letter went out on the day of a one-day schorsing, about twelve weeks ago. The objection
    // term is 6 weeks from the letter; the bevoegd gezag decides on an objection to a schorsing within
    // 6 weeks of the day after that term ends (Awb art. 7:10 lid 1); each term that ends on a weekend
    // or Atw feestdag runs on (Algemene termijnenwet art. 1 and 3). The letter day is the latest
    // school day whose decision falls due within the coming week, or, when twelve weeks ago was a
    // holiday, within the one after.
    const calendar = dates.calendar(school.region, school.key)
    const decisionDue = (letter: string) => termijnenwetEnd(plusDays(termijnenwetEnd(plusDays(letter, 42)), 42))
    const dueWithin = (from: number, to: number, days: number) =>
      Array.from({ length: to - from + 1 }, (_, k) => plusDays(dates.today, -(from + k))).find(
        (d) => calendar.isSchoolDay(d) && decisionDue(d) > dates.today && decisionDue(d) <= plusDays(dates.today, days),
      )
    const letterDay = dueWithin(77, 83, 7) ?? dueWithin(70, 76, 14) ?? calendar.addSchoolDays(plusDays(dates.today, -77), 1)
    plans.push({
      kind: 'schorsing',
      path: ['proposed', 'approved', 'letter_sent', 'in_effect', 'meeting_held', 'report_signed', 'ended'],
      at: dates.at(letterDay, 8),
      startsOn: letterDay,
      endsOn: letterDay,
      schoolDays: 1,
      reasons: 'Gooide een stoel naar een klasgenoot, die daardoor gewond raakte.',
      // Heard before today, never in the future.
      bezwaar: { receivedOn: plusDays(letterDay, 24), hearingOn: minDay(plusDays(letterDay, 52), plusDays(dates.today, -1)), decisionDueOn: decisionDue(letterDay) },
    })
  }
  return plans
}

export async function seedDemoMeasures(tx: Tx, schools: SchoolForMeasures[], dates: DemoDates) {
  for (const school of schools) {
    const tenant = { stichtingId: school.stichtingId, schoolId: school.schoolId }
    // Pupils with a submitted incident as dader, so the measure can point to it.
    const involved = await tx
      .select({ studentId: s.incidentPersons.studentId, incidentId: s.incidentPersons.incidentId })
      .from(s.incidentPersons)
      .innerJoin(s.incidents, eq(s.incidents.id, s.incidentPersons.incidentId))
      .where(and(eq(s.incidentPersons.schoolId, school.schoolId), eq(s.incidentPersons.role, 'dader'), eq(s.incidents.status, 'submitted'), eq(s.incidents.confidential, false)))
      .limit(40)
    const plans = PLANS(school, dates)
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
      const decisionStep = plan.path.indexOf(plan.kind === 'schorsing' ? 'approved' : 'decided')
      const decided = decides && decisionStep >= 0
      const stepAt = (k: number) => new Date(plan.at.getTime() + k * 3600_000)
      const decidedAt = decided ? (plan.decidedAt ?? stepAt(decisionStep)) : null
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
        decidedAt,
        version: plan.path.length,
        ...(plan.createdAt ? { createdAt: plan.createdAt } : {}),
      })
      await tx.insert(s.measureIncidents).values({ ...tenant, measureId: id, incidentId: pick.incidentId })
      await tx.insert(s.measureTransitions).values(
        plan.path.map((to, k) => ({
          ...tenant,
          measureId: id,
          fromState: k === 0 ? null : plan.path[k - 1]!,
          toState: to,
          byId: to === 'approved' || to === 'decided' ? (school.boardId ?? school.directeurId) : school.directeurId,
          at: k === decisionStep && decidedAt ? decidedAt : stepAt(k),
          reason: k === 0 ? plan.reasons : null,
        })),
      )
      if (plan.kind === 'schorsing' && decided) {
        const decidedOn = localDate(decidedAt!)
        const done = final === 'ended' ? { doneAt: stepAt(plan.path.length - 1), doneById: school.directeurId } : {}
        await tx.insert(s.measureTasks).values([
          ...(plan.inspectieDueOn
            ? [{ ...tenant, measureId: id, kind: 'inspectie_melding', title: 'Schorsing melden bij de Inspectie van het Onderwijs (Internet Schooldossier)', summary: plan.reasons, dueOn: plan.inspectieDueOn }]
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
  // Kompas gives its directeuren no mandate for schorsingen (no school_mandates row): the board decides
  // (the demo shows the queue). The settings row holds the stichting's other choices, at their defaults.
  const stichtingen = [...new Set(schools.map((x) => x.stichtingId))]
  const existing = await tx.select().from(s.stichtingSettings).where(inArray(s.stichtingSettings.stichtingId, stichtingen))
  const missing = stichtingen.filter((id) => !existing.some((e) => e.stichtingId === id))
  if (missing.length) await tx.insert(s.stichtingSettings).values(missing.map((stichtingId) => ({ stichtingId })))
}
