// A melding or aangifte at the police about an incident: the school records it on the
// incident (kind, date, by whom, on the victim's behalf — the school may file for the victim) and the
// matching sharing record is made under the active agreement with the police unit (origin
// 'melding'/'aangifte', purpose 'strafbare_feiten', the chosen fields, default the least). One
// transaction: without a valid agreement nothing is recorded.
import { schema, type TenantContext, type Tx } from '@baken/db'
import { record, type AppAbility } from '@baken/permissions'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { diffSnapshots, loadIncident, snapshotOf } from '../incidents/incident-record.ts'
import { createShareRecord, endOfDutchDay, OUTSIDE_AGREEMENT, type CreateShareResult, type ShareField } from './create-share.ts'
import { zodFieldErrors } from '../result.ts'
import { textInput, yesNo } from '../input-rules.ts'

const oneOrMany = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item))

export const policeReportInput = z.object({
  kind: z.enum(['melding', 'aangifte'], { error: 'Kies melding of aangifte.' }),
  reportedOn: z.iso.date({ error: 'Vul de datum van de melding of aangifte in (jjjj-mm-dd).' }),
  reportedBy: textInput({ error: 'Vul in wie de melding of aangifte deed.' }).trim().min(2, { error: 'Vul in wie de melding of aangifte deed.' }).max(200),
  onBehalfOfVictim: yesNo().default(false),
  agreementId: z.preprocess((v) => (v === '' ? null : v), z.uuid({ error: 'Kies het convenant met de politie.' }).nullish()),
  fields: oneOrMany(z.enum(schema.SHARE_FIELDS, { error: 'Onbekend gegeven.' })).refine((a) => a.length > 0, { error: 'Kies ten minste één gegeven om te delen.' }),
  studentIds: oneOrMany(z.uuid({ error: 'Onbekende leerling.' })),
  expiresOn: z.iso.date({ error: 'Vul een geldige vervaldatum in (jjjj-mm-dd).' }),
  note: textInput().trim().max(2000).nullish(),
})

export type PoliceReportResult = CreateShareResult

/** Records the melding/aangifte on the incident and shares it with the police unit. */
export async function recordPoliceReport(tx: Tx, ability: AppAbility, ctx: TenantContext, incidentId: string, raw: unknown, options: { now?: Date } = {}): Promise<PoliceReportResult> {
  const incident = await loadIncident(tx, ability, incidentId)
  if (!incident || incident.schoolId !== ctx.schoolId) return { ok: false, status: 404, errors: [{ path: 'id', message: 'Incident niet gevonden.' }] }
  if (!ability.can('update', record('Incident', { ...incident })) || !ability.can('create', record('Share', { schoolId: ctx.schoolId, stichtingId: ctx.stichtingId }))) {
    return { ok: false, status: 403, errors: [{ path: '', message: 'U mag geen melding of aangifte namens de school vastleggen.' }] }
  }
  const parsed = policeReportInput.safeParse(raw)
  if (!parsed.success) {
    return { ok: false, status: 400, errors: zodFieldErrors(parsed.error) }
  }
  const v = parsed.data
  // The police unit: the agreement named, or the school's active agreement with a police unit.
  let partnerId: string | null = null
  if (v.agreementId) {
    const [a] = await tx.select({ partnerId: schema.sharingAgreements.partnerId }).from(schema.sharingAgreements).where(eq(schema.sharingAgreements.id, v.agreementId))
    partnerId = a?.partnerId ?? null
  } else {
    const police = await tx
      .select({ partnerId: schema.sharingAgreements.partnerId })
      .from(schema.sharingAgreements)
      .innerJoin(schema.partnerOrganisations, eq(schema.partnerOrganisations.id, schema.sharingAgreements.partnerId))
      .where(and(eq(schema.partnerOrganisations.kind, 'police_unit'), eq(schema.sharingAgreements.status, 'goedgekeurd')))
    partnerId = police[0]?.partnerId ?? null
  }
  if (!partnerId) return { ok: false, status: 409, errors: [{ path: 'agreementId', message: `${OUTSIDE_AGREEMENT} Er is geen goedgekeurd convenant met de politie.` }] }

  const result = await createShareRecord(
    tx,
    ctx,
    {
      partnerId,
      agreementId: v.agreementId ?? null,
      purpose: 'strafbare_feiten',
      fields: v.fields as ShareField[],
      incidentIds: [incident.id],
      studentIds: v.studentIds,
      expiresAt: endOfDutchDay(v.expiresOn),
      origin: v.kind,
      note: v.note ?? `${v.kind === 'aangifte' ? 'Aangifte' : 'Melding'} op ${v.reportedOn} door ${v.reportedBy}${v.onBehalfOfVictim ? ', namens het slachtoffer' : ''}.`,
    },
    options,
  )
  if (!result.ok) return result
  const before = snapshotOf(incident)
  await tx
    .update(schema.incidents)
    .set({
      policeReportKind: v.kind,
      policeReportedOn: v.reportedOn,
      policeReportedBy: v.reportedBy,
      policeOnBehalfOfVictim: v.onBehalfOfVictim,
      version: incident.version + 1,
      updatedAt: options.now ?? new Date(),
    })
    .where(eq(schema.incidents.id, incident.id))
  const after = { ...before, policeReportKind: v.kind, policeReportedOn: v.reportedOn, policeReportedBy: v.reportedBy, policeOnBehalfOfVictim: v.onBehalfOfVictim, version: incident.version + 1 }
  await tx.insert(schema.incidentVersions).values({
    stichtingId: incident.stichtingId,
    schoolId: incident.schoolId,
    incidentId: incident.id,
    version: incident.version + 1,
    changedById: ctx.userId,
    changes: diffSnapshots(before, after),
    snapshot: after,
  })
  return result
}
