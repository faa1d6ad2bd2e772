// Demo access log: at OBS De Branding the directeur opens a confidential case with a
// break-glass reason (recorded before the case is shown, then the read), next to a few ordinary reads
// by the intern begeleider, so the privacyfunctionaris (privacy@kompas.demo) has something to review.
// One row per look, naming every pupil of the incident (ADR 040). Inserted as the owner; the stamp
// trigger (migrations 0040, 0067) still stamps each row and the sealer chains it.
import { and, desc, eq, inArray } from 'drizzle-orm'
import type { Tx } from './client.ts'
import * as s from './schema.ts'

export interface DemoAccessLogRefs {
  /** OBS De Branding. */
  school: { id: string; stichtingId: string }
  directeurId: string
  ibId: string
}

export const DEMO_BREAK_GLASS_REASON =
  'Ouders van de betrokken leerling hebben om een gesprek gevraagd; ik bereid het gesprek voor met de vertrouwenspersoon.'

export async function seedDemoAccessLog(tx: Tx, refs: DemoAccessLogRefs): Promise<void> {
  const tenant = { stichtingId: refs.school.stichtingId, schoolId: refs.school.id }
  const [confidential] = await tx
    .select({ id: s.incidents.id })
    .from(s.incidents)
    .where(and(eq(s.incidents.schoolId, refs.school.id), eq(s.incidents.confidential, true), eq(s.incidents.status, 'submitted')))
    .orderBy(desc(s.incidents.occurredAt))
    .limit(1)
  const ordinary = await tx
    .select({ id: s.incidents.id })
    .from(s.incidents)
    .where(and(eq(s.incidents.schoolId, refs.school.id), eq(s.incidents.confidential, false), eq(s.incidents.status, 'submitted')))
    .orderBy(desc(s.incidents.occurredAt))
    .limit(2)
  const ids = [...(confidential ? [confidential.id] : []), ...ordinary.map((i) => i.id)]
  const persons = ids.length
    ? await tx
        .select({ incidentId: s.incidentPersons.incidentId, studentId: s.incidentPersons.studentId })
        .from(s.incidentPersons)
        .where(inArray(s.incidentPersons.incidentId, ids))
    : []
  const pupilsOf = (incidentId: string) => [...new Set(persons.filter((p) => p.incidentId === incidentId && p.studentId).map((p) => p.studentId!))].sort()
  const names = await tx
    .select({ id: s.users.id, name: s.users.name })
    .from(s.users)
    .where(inArray(s.users.id, [refs.directeurId, refs.ibId]))
  const nameOf = (id: string) => names.find((n) => n.id === id)?.name ?? ''

  type Row = typeof s.accessLog.$inferInsert
  const row = (userId: string, role: Row['role'], incidentId: string, extra: Partial<Row> = {}): Row => ({
    // chain_key, at and xid are stamped by the trigger; seq, prev_hash and hash by the sealer.
    chainKey: tenant.stichtingId,
    userId,
    userName: nameOf(userId),
    role,
    ...tenant,
    partnerId: null,
    action: 'read',
    subjectType: 'incident',
    subjectId: incidentId,
    studentIds: pupilsOf(incidentId),
    reason: null,
    breakGlass: false,
    ...extra,
  })

  const rows: Row[] = []
  for (const incident of ordinary) rows.push(row(refs.ibId, 'intern_begeleider', incident.id))
  if (confidential) {
    rows.push(row(refs.directeurId, 'directeur', confidential.id, { action: 'break_glass', breakGlass: true, reason: DEMO_BREAK_GLASS_REASON }))
    rows.push(row(refs.directeurId, 'directeur', confidential.id, { breakGlass: true, reason: DEMO_BREAK_GLASS_REASON }))
  }
  // One by one, in order: each insert chains onto the previous one.
  for (const r of rows) await tx.insert(s.accessLog).values(r)
}
