// Demo family accounts for the parents' portal (ADR 033), laid out around the seeding day:
// ouder@branding.demo is the guardian (from the roster) of a groep 6 pupil of OBS De Branding who is
// in a zeer ernstig incident; the directeur released that pupil's redacted report to the portal, and
// the incident was shared with the police (a share naming only that pupil). leerling@vakcollege.demo
// is a student of 17 at Kompas Vakcollege with an own account (from 16: AVG art. 8, UAVG art. 5).
import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type { Tx } from './client.ts'
import type { DemoDates } from './demo-dates.ts'
import { POLICE_AGREEMENT_TITLE } from './demo-sharing.ts'
import { fullName, nameRedactor, pupilLabel, type NameParts } from './pseudonyms.ts'
import * as s from './schema.ts'
import { guardianLinks, portalItems } from './schema-portal.ts'

export const DEMO_GUARDIAN_EMAIL = 'ouder@branding.demo'
export const DEMO_PUPIL_EMAIL = 'leerling@vakcollege.demo'

const DAY = 86_400_000

export interface PortalRefs {
  schools: Record<string, { id: string; stichtingId: string }>
  users: Record<string, string>
  partners: Record<string, string>
  passwordHash: string
}

const ROLE_LABEL: Record<string, string> = { dader: 'dader', slachtoffer: 'slachtoffer', getuige: 'getuige', melder: 'melder', betrokkene: 'betrokkene' }

export async function seedDemoPortal(tx: Tx, refs: PortalRefs, dates: DemoDates): Promise<void> {
  const branding = refs.schools.branding!
  const vakcollege = refs.schools.vakcollege!
  const directeur = refs.users['directeur@branding.demo']!
  const tenant = { stichtingId: branding.stichtingId, schoolId: branding.id }

  // A groep 6 pupil in a submitted, not confidential, zeer ernstig incident: the newest such incident.
  const [groep6] = await tx.select({ id: s.groups.id }).from(s.groups).where(and(eq(s.groups.schoolId, branding.id), eq(s.groups.name, 'groep 6')))
  if (!groep6) return
  const candidates = await tx
    .select({ incidentId: s.incidents.id, studentId: s.incidentPersons.studentId })
    .from(s.incidents)
    .innerJoin(s.incidentPersons, eq(s.incidentPersons.incidentId, s.incidents.id))
    .innerJoin(s.students, eq(s.students.id, s.incidentPersons.studentId))
    .where(
      and(
        eq(s.incidents.schoolId, branding.id),
        eq(s.incidents.severity, 'zeer_ernstig'),
        eq(s.incidents.status, 'submitted'),
        eq(s.incidents.confidential, false),
        eq(s.students.groupId, groep6.id),
      ),
    )
    .orderBy(desc(s.incidents.occurredAt))
  const pick = candidates[0]
  if (!pick?.studentId) return
  const [incident] = await tx.select().from(s.incidents).where(eq(s.incidents.id, pick.incidentId))
  const persons = await tx.select().from(s.incidentPersons).where(eq(s.incidentPersons.incidentId, pick.incidentId)).orderBy(asc(s.incidentPersons.position))
  const pupilIds = [...new Set(persons.map((p) => p.studentId).filter((x): x is string => !!x))]
  const pupils = await tx.select({ id: s.students.id, firstName: s.students.firstName, infix: s.students.infix, lastName: s.students.lastName }).from(s.students).where(inArray(s.students.id, pupilIds))
  const names = new Map<string, NameParts>(pupils.map((p) => [p.id, p]))
  const focal = names.get(pick.studentId)!
  const [guardian] = await tx
    .select({ id: s.guardians.id, name: s.guardians.name })
    .from(s.studentGuardians)
    .innerJoin(s.guardians, eq(s.guardians.id, s.studentGuardians.guardianId))
    .where(eq(s.studentGuardians.studentId, pick.studentId))
    .orderBy(asc(s.guardians.name))
  if (!guardian || !incident) return
  // The roster's address of this guardian is the demo account's.
  await tx.update(s.guardians).set({ email: DEMO_GUARDIAN_EMAIL }).where(eq(s.guardians.id, guardian.id))
  const [user] = await tx.insert(s.users).values({ email: DEMO_GUARDIAN_EMAIL, name: guardian.name, passwordHash: refs.passwordHash }).returning({ id: s.users.id })
  await tx.insert(s.memberships).values({ userId: user!.id, role: 'ouder', ...tenant })
  const startedAt = new Date(dates.now.getTime() - 30 * DAY)
  await tx.insert(guardianLinks).values({ ...tenant, studentId: pick.studentId, userId: user!.id, kind: 'ouder', relation: 'ouder/verzorger 1', startedAt, createdById: directeur })

  // The released report: the redacted per-participant form (other pupils as "leerling A", …).
  const labels = new Map<string, string>()
  for (const p of persons) if (p.studentId && p.studentId !== pick.studentId && !labels.has(p.studentId)) labels.set(p.studentId, pupilLabel(labels.size))
  const redact = nameRedactor(focal, [...labels].map(([id, label]) => ({ label, name: names.get(id)! })))
  const clean = (t: string | null) => (t ? redact(t) : null)
  const [school] = await tx.select({ name: s.schools.name }).from(s.schools).where(eq(s.schools.id, branding.id))
  const [dir] = await tx.select({ name: s.users.name, email: s.users.email }).from(s.users).where(eq(s.users.id, directeur))
  const [group] = await tx.select({ name: s.groups.name }).from(s.groups).where(eq(s.groups.id, groep6.id))
  const releasedAt = new Date(dates.now.getTime() - 1 * DAY)
  const behaviour: [string, string][] = []
  if (incident.verbalAggression) behaviour.push(['Verbale agressie', clean(incident.verbalForm) ?? 'ja'])
  if (incident.physicalAggression) behaviour.push(['Fysieke agressie', clean(incident.physicalForm) ?? 'ja'])
  if (incident.vandalism) behaviour.push(['Vernieling', clean(incident.vandalismForm) ?? 'ja'])
  await tx.insert(portalItems).values({
    ...tenant,
    studentId: pick.studentId,
    kind: 'incident_report',
    incidentId: incident.id,
    title: 'Verslag van een zeer ernstig incident',
    body: {
      schoolName: school?.name ?? '',
      occurredAt: incident.occurredAt.toISOString(),
      location: clean(incident.locationNote),
      types: [],
      situation: clean(incident.situation) ?? '',
      behaviour,
      persons: persons.map((p) =>
        p.kind === 'leerling' && p.studentId === pick.studentId
          ? { role: ROLE_LABEL[p.role] ?? p.role, who: `uw kind, ${fullName(focal)}`, injury: clean(p.injury), outcome: clean(p.outcome) }
          : p.kind === 'leerling'
            ? { role: ROLE_LABEL[p.role] ?? p.role, who: labels.get(p.studentId!) ?? 'een andere leerling', injury: null, outcome: null }
            : { role: ROLE_LABEL[p.role] ?? p.role, who: p.kind, injury: null, outcome: null },
      ),
      measures: [],
      analysis: clean(incident.analysis),
      agreements: clean(incident.agreements),
      parentsContacted: incident.parentsContacted ? 'Ja' : null,
      pupil: { name: fullName(focal), groupName: group?.name ?? null },
      contact: { name: dir?.name ?? 'de directeur', email: dir?.email ?? null },
      generatedAt: releasedAt.toISOString(),
      incidentRef: incident.id.slice(0, 8),
    },
    releasedById: directeur,
    releasedAt,
  })

  // The incident shared with the police, naming only this pupil (ADR 013).
  const [agreement] = await tx.select({ id: s.sharingAgreements.id }).from(s.sharingAgreements).where(eq(s.sharingAgreements.title, POLICE_AGREEMENT_TITLE))
  const politie = refs.users['politie@wijkteam.demo']!
  const wijkteam = refs.partners.wijkteam!
  if (agreement) {
    const approvedAt = new Date(dates.now.getTime() - 3 * DAY)
    const [share] = await tx
      .insert(s.shares)
      .values({
        ...tenant,
        agreementId: agreement.id,
        partnerId: wijkteam,
        recipientUserIds: [politie],
        purpose: 'strafbare_feiten',
        legalBasis: 'AVG art. 6 lid 1 sub e en art. 10 UAVG; Wpg art. 20 (samenwerkingsverband).',
        fields: ['datum', 'type', 'naam_dader'],
        origin: 'melding',
        note: 'Melding bij de wijkagent.',
        approvedById: directeur,
        approvedAt,
        expiresAt: new Date(dates.now.getTime() + 90 * DAY),
        createdById: directeur,
        createdAt: approvedAt,
      })
      .returning({ id: s.shares.id })
    await tx.insert(s.shareItems).values({
      ...tenant,
      shareId: share!.id,
      partnerId: wijkteam,
      incidentId: incident.id,
      payload: { datum: incident.occurredAt.toISOString(), type: ['zeer ernstig incident'], naam_dader: [fullName(focal)] },
    })
    await tx.insert(s.shareStudents).values({ ...tenant, shareId: share!.id, studentId: pick.studentId })
  }

  // A student of 17 at the Vakcollege with an own account.
  const [student] = await tx
    .select({ id: s.students.id, firstName: s.students.firstName, infix: s.students.infix, lastName: s.students.lastName })
    .from(s.students)
    .innerJoin(s.groups, eq(s.groups.id, s.students.groupId))
    .where(and(eq(s.students.schoolId, vakcollege.id), eq(s.groups.name, 'TE2B (Techniek)')))
    .orderBy(asc(s.students.externalId))
  if (!student) return
  // Seventeen on the seeding day: born 17 years and some months before it.
  const y = Number(dates.today.slice(0, 4)) - 17
  const born = new Date(Date.UTC(y, Number(dates.today.slice(5, 7)) - 1, Number(dates.today.slice(8, 10))) - 120 * DAY)
  await tx.update(s.students).set({ dateOfBirth: born.toISOString().slice(0, 10) }).where(eq(s.students.id, student.id))
  const [pupilUser] = await tx
    .insert(s.users)
    .values({ email: DEMO_PUPIL_EMAIL, name: fullName(student), passwordHash: refs.passwordHash })
    .returning({ id: s.users.id })
  const vakTenant = { stichtingId: vakcollege.stichtingId, schoolId: vakcollege.id }
  await tx.insert(s.memberships).values({ userId: pupilUser!.id, role: 'leerling', ...vakTenant })
  await tx.insert(guardianLinks).values({ ...vakTenant, studentId: student.id, userId: pupilUser!.id, kind: 'leerling', relation: 'zelf', startedAt, createdById: refs.users['directeur@vakcollege.demo']! })
}
