// Demo data for the data subject's rights and retention, relative to the day of seeding: requests (one overdue, one open,
// one closed, and one at Horizon), students who left long enough ago for the purge's dry run to have
// something to report — one alone in an incident (deleted), one in an incident with a pupil who stays
// (anonymised), one with an expired administration term (the record itself goes), one under a legal
// hold (skipped) — and that legal hold.
import { and, asc, eq } from 'drizzle-orm'
import { plusDays } from './calendar/calendar-dates.ts'
import type { Tx } from './client.ts'
import type { DemoDates } from './demo-dates.ts'
import { schoolYearOf } from './demo-incidents.ts'
import * as s from './schema.ts'

export interface PrivacyDemoRefs {
  schools: Record<string, { id: string; stichtingId: string }>
  userByEmail: Record<string, string>
}

/** The same day one calendar month later (AVG art. 12 lid 3), the last day of a shorter month. */
function oneMonthAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10)
}

export async function seedDemoPrivacy(tx: Tx, refs: PrivacyDemoRefs, dates: DemoDates): Promise<void> {
  // The leavers' dates are written as if the current schooljaar were 2026-2027 and moved by whole
  // years to the real one, so their retention terms have run out by the same margin on any day.
  const shift = dates.schoolYearStart - 2026
  const past = (iso: string) => `${Number(iso.slice(0, 4)) + shift}${iso.slice(4)}`
  const daysAgo = (n: number) => plusDays(dates.today, -n)
  const branding = refs.schools.branding!
  const lyceum = refs.schools.lyceum!
  const horizon = refs.schools['horizon-school']!
  const directeur = refs.userByEmail['directeur@branding.demo']!
  const fg = refs.userByEmail['privacy@kompas.demo']!
  const tenant = (school: { id: string; stichtingId: string }) => ({ stichtingId: school.stichtingId, schoolId: school.id })

  const leaver = async (
    school: { id: string; stichtingId: string },
    externalId: string,
    firstName: string,
    infix: string | null,
    lastName: string,
    dateOfBirth: string,
    leftOn: string,
    guardian: string | null,
  ) => {
    const [row] = await tx
      .insert(s.students)
      .values({ ...tenant(school), externalId, firstName, infix, lastName, dateOfBirth, status: 'left', enrolledOn: past('2016-08-15'), leftOn })
      .returning({ id: s.students.id })
    if (guardian) {
      const [g] = await tx.insert(s.guardians).values({ ...tenant(school), name: guardian, email: null, phone: null }).returning({ id: s.guardians.id })
      await tx.insert(s.studentGuardians).values({ ...tenant(school), studentId: row!.id, guardianId: g!.id, relation: 'ouder/verzorger 1' })
    }
    return row!.id
  }

  // Left three and four summers ago: past the 24 months of the leerlingdossier.
  const merel = await leaver(branding, 'OUD-9001', 'Merel', null, 'Oosterhuis', past('2011-03-02'), past('2023-07-14'), 'Ingrid Oosterhuis')
  const thijs = await leaver(branding, 'OUD-9002', 'Thijs', null, 'Vlasblom', past('2011-09-20'), past('2023-07-14'), 'Karin Vlasblom')
  const noor = await leaver(branding, 'OUD-9003', 'Noor', 'van', 'Zandbergen', past('2010-05-11'), past('2022-07-15'), 'Erik van Zandbergen')
  // Left six summers ago: past the 60 months of the administration too.
  const sem = await leaver(lyceum, 'OUD-9004', 'Sem', null, 'Wolters', past('2002-01-30'), past('2020-07-10'), null)

  const [present] = await tx
    .select({ id: s.students.id, firstName: s.students.firstName })
    .from(s.students)
    .where(and(eq(s.students.schoolId, branding.id), eq(s.students.status, 'active')))
    .orderBy(asc(s.students.externalId))
    .limit(1)

  const incident = async (occurredAt: string, situation: string, persons: { studentId: string; role: (typeof s.PERSON_ROLES)[number] }[]) => {
    const at = new Date(occurredAt)
    const [row] = await tx
      .insert(s.incidents)
      .values({
        ...tenant(branding),
        status: 'submitted',
        schoolYear: schoolYearOf(at),
        occurredAt: at,
        situation,
        verbalAggression: true,
        verbalForm: 'Schelden',
        reportedById: directeur,
        submittedAt: at,
      })
      .returning({ id: s.incidents.id })
    await tx.insert(s.incidentPersons).values(
      persons.map((p, position) => ({ ...tenant(branding), incidentId: row!.id, role: p.role, kind: 'leerling' as const, studentId: p.studentId, position })),
    )
    return row!.id
  }
  await incident(past('2023-03-08T10:15:00Z'), 'Merel schold een medewerker uit bij de fietsenstalling.', [{ studentId: merel, role: 'dader' }])
  if (present) {
    await incident(past('2023-05-17T12:30:00Z'), `Thijs Vlasblom en ${present.firstName} kregen ruzie op het plein; Thijs schold.`, [
      { studentId: thijs, role: 'dader' },
      { studentId: present.id, role: 'slachtoffer' },
    ])
  }
  await incident(past('2022-02-01T09:00:00Z'), 'Noor werd in de klas uitgescholden; de school deed aangifte namens haar.', [{ studentId: noor, role: 'slachtoffer' }])

  await tx.insert(s.measures).values({
    ...tenant(branding),
    studentId: merel,
    kind: 'adempauze',
    state: 'parents_informed',
    sector: 'po',
    ruleSetId: 'wet-po-2026',
    reasons: 'Merel bleef schelden na een waarschuwing; tien minuten op de gang.',
    proposedById: directeur,
  })

  await tx.insert(s.legalHolds).values({
    ...tenant(branding),
    studentId: noor,
    reason: `Strafzaak loopt nog (aangifte februari ${2022 + shift}); het dossier blijft bewaard tot de uitspraak.`,
    setById: fg,
    setAt: new Date(past('2024-06-01T09:00:00Z')),
  })

  // Data-subject requests: one overdue, one open, one closed (Kompas, De Branding), one at Horizon.
  const pupils = await tx
    .select({ id: s.students.id })
    .from(s.students)
    .where(and(eq(s.students.schoolId, branding.id), eq(s.students.status, 'active')))
    .orderBy(asc(s.students.externalId))
    .limit(3)
  const [p1, p2, p3] = pupils
  const requests: (typeof s.subjectRequests.$inferInsert)[] = []
  if (p1) {
    requests.push({
      ...tenant(branding),
      studentId: p1.id,
      kind: 'inzage',
      requestedBy: 'ouders',
      requesterName: 'Moeder van de leerling',
      receivedOn: daysAgo(51),
      dueOn: oneMonthAfter(daysAgo(51)),
      details: 'Inzage in alle incidentmeldingen over hun kind van dit schooljaar.',
      createdById: directeur,
    })
  }
  if (p2) {
    requests.push({
      ...tenant(branding),
      studentId: p2.id,
      kind: 'rectificatie',
      requestedBy: 'ouders',
      requesterName: 'Vader van de leerling',
      receivedOn: daysAgo(10),
      dueOn: oneMonthAfter(daysAgo(10)),
      details: 'De datum van het laatste incident klopt niet: het gebeurde een dag later.',
      createdById: fg,
    })
  }
  if (p3) {
    requests.push({
      ...tenant(branding),
      studentId: p3.id,
      kind: 'bezwaar',
      requestedBy: 'ouders',
      requesterName: 'Ouders van de leerling',
      receivedOn: daysAgo(87),
      dueOn: oneMonthAfter(daysAgo(87)),
      details: 'Bezwaar tegen het delen van gegevens met het wijkteam.',
      status: 'afgewezen',
      outcome: 'Afgewezen: het delen had een grondslag in het convenant (taak van algemeen belang); ouders zijn schriftelijk geïnformeerd.',
      handledById: fg,
      closedAt: dates.at(daysAgo(61), 11),
      createdById: fg,
    })
  }
  requests.push({
    ...tenant(lyceum),
    studentId: sem,
    kind: 'inzage',
    requestedBy: 'leerling',
    requesterName: 'Sem Wolters',
    receivedOn: past('2020-03-02'),
    dueOn: past('2020-04-02'),
    details: 'Inzage in het dossier.',
    status: 'afgehandeld',
    outcome: 'Export verstrekt.',
    handledById: fg,
    closedAt: new Date(past('2020-03-20T10:00:00Z')),
    createdById: fg,
  })
  const [hp] = await tx
    .select({ id: s.students.id })
    .from(s.students)
    .where(and(eq(s.students.schoolId, horizon.id), eq(s.students.status, 'active')))
    .orderBy(asc(s.students.externalId))
    .limit(1)
  const horizonDirecteur = refs.userByEmail['directeur@horizon.demo']
  if (hp && horizonDirecteur) {
    requests.push({
      ...tenant(horizon),
      studentId: hp.id,
      kind: 'inzage',
      requestedBy: 'ouders',
      requesterName: 'Ouders (Horizon)',
      receivedOn: daysAgo(18),
      dueOn: oneMonthAfter(daysAgo(18)),
      details: 'Inzage in het leerlingdossier.',
      createdById: horizonDirecteur,
    })
  }
  await tx.insert(s.subjectRequests).values(requests)
}
