// Set-up for the Halt tests (issue 6): the approved agreement "Halt-spreekuur" between Kompas
// Vakcollege and Halt Noord (created as the owner when the demo seed does not have it), and a
// submitted incident at the Vakcollege with a pupil as dader that the given staff member can read.
import { schema, type Database } from '@baken/db'
import { and, eq, sql } from 'drizzle-orm'

export async function ensureHaltAgreement(owner: Database, opts: { stichtingId: string; schoolId: string; partnerId: string; createdById: string }): Promise<string> {
  const existing = await owner
    .select()
    .from(schema.sharingAgreements)
    .where(and(eq(schema.sharingAgreements.partnerId, opts.partnerId), eq(schema.sharingAgreements.status, 'goedgekeurd')))
  const found = existing.find((a) => a.purposes.includes('halt_spreekuur') && a.dataCategories.length >= 6)
  if (found) return found.id
  const [row] = await owner
    .insert(schema.sharingAgreements)
    .values({
      stichtingId: opts.stichtingId,
      schoolId: opts.schoolId,
      partnerId: opts.partnerId,
      title: 'Convenant Halt-spreekuur (test)',
      publicInterest: 'Grensoverschrijdend gedrag tegengaan en uitval voorkomen.',
      partnership: 'Halt-spreekuur op het mbo',
      purposes: ['halt_spreekuur'],
      dataCategories: [...schema.SHARE_FIELDS],
      conditions: 'Alleen voor de begeleiding op het spreekuur.',
      recipients: 'Halt-medewerkers van de regio',
      legalBasis: 'AVG art. 6 lid 1 sub e; toestemming van de student',
      validFrom: '2026-01-01',
      validUntil: '2028-12-31',
      retentionDays: 365,
      status: 'goedgekeurd',
      approvedById: opts.createdById,
      approvedAt: new Date(),
      createdById: opts.createdById,
    })
    .returning({ id: schema.sharingAgreements.id })
  return row!.id
}

/** Submitted, non-confidential incidents of the school with a pupil as dader: [incidentId, studentId]. */
export async function daderIncidents(owner: Database, schoolId: string): Promise<{ incidentId: string; studentId: string; reportedById: string }[]> {
  const rows = await owner.execute(sql`
    select i.id as incident_id, p.student_id, i.reported_by_id
      from incidents i join incident_persons p on p.incident_id = i.id
     where i.school_id = ${schoolId} and i.status = 'submitted' and not i.confidential
       and p.role = 'dader' and p.kind = 'leerling' and p.student_id is not null
     order by i.occurred_at desc`)
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { incident_id: string; student_id: string; reported_by_id: string }[]
  return list.map((r) => ({ incidentId: r.incident_id, studentId: r.student_id, reportedById: r.reported_by_id }))
}
