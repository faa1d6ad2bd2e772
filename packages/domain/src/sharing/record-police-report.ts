// A melding or aangifte at the police about an incident: the school records it on the
// incident (kind, date, by whom, on the victim's behalf — the school may file for the victim) and the
// matching sharing record is made under the active agreement with the police unit (origin
// 'melding'/'aangifte', purpose 'strafbare_feiten', the chosen fields, default the least). One
// transaction: without a valid agreement nothing is recorded.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { diffSnapshots, loadIncident, snapshotOf } from '../incidents/incident-record.ts'
import { calendarDate, recordId, textInput, yesNo } from '../input-rules.ts'
import { oneOrMany } from './list-input.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { createShareRecord, endOfDutchDay, OUTSIDE_AGREEMENT } from './create-share.ts'

export const policeReportInput = z.object({
  /** The incident. */
  id: recordId(),
  kind: z.enum(['melding', 'aangifte'], { error: 'Kies melding of aangifte.' }),
  reportedOn: calendarDate('Vul de datum van de melding of aangifte in (jjjj-mm-dd).'),
  reportedBy: textInput({ error: 'Vul in wie de melding of aangifte deed.' }).trim().min(2, { error: 'Vul in wie de melding of aangifte deed.' }).max(200),
  onBehalfOfVictim: yesNo().default(false),
  agreementId: z.preprocess((v) => (v === '' ? null : v), z.uuid({ error: 'Kies het convenant met de politie.' }).nullish()),
  fields: oneOrMany(z.enum(schema.SHARE_FIELDS, { error: 'Onbekend gegeven.' })).refine((a) => a.length > 0, { error: 'Kies ten minste één gegeven om te delen.' }),
  studentIds: oneOrMany(z.uuid({ error: 'Onbekende leerling.' })),
  expiresOn: calendarDate('Vul een geldige vervaldatum in (jjjj-mm-dd).'),
  note: textInput().trim().max(2000).nullish(),
})

/** Records the melding/aangifte on the incident and shares it with the police unit. */
export const recordPoliceReport = defineUseCase({
  name: 'sharing/record-police-report',
  input: policeReportInput,
  permission: ['create', 'Share'],
  forbidden: 'U mag geen melding of aangifte namens de school vastleggen.',
  listErrorsOnField: true,
  async run(tx, { ability, tenant: ctx, now }, v) {
    const incident = await loadIncident(tx, ability, v.id)
    if (!incident || incident.schoolId !== ctx.schoolId) return refuse('not_found', 'id', 'Incident niet gevonden.')
    if (!ability.can('update', record('Incident', { ...incident })) || !ability.can('create', record('Share', { schoolId: ctx.schoolId, stichtingId: ctx.stichtingId }))) {
      return refuse('forbidden', '', 'U mag geen melding of aangifte namens de school vastleggen.')
    }
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
    if (!partnerId) return refuse('conflict', 'agreementId', `${OUTSIDE_AGREEMENT} Er is geen goedgekeurd convenant met de politie.`)

    const result = await createShareRecord(
      tx,
      ctx,
      {
        partnerId,
        agreementId: v.agreementId ?? null,
        purpose: 'strafbare_feiten',
        fields: v.fields,
        incidentIds: [incident.id],
        studentIds: v.studentIds,
        expiresAt: endOfDutchDay(v.expiresOn),
        origin: v.kind,
        note: v.note ?? `${v.kind === 'aangifte' ? 'Aangifte' : 'Melding'} op ${v.reportedOn} door ${v.reportedBy}${v.onBehalfOfVictim ? ', namens het slachtoffer' : ''}.`,
      },
      { now },
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
        updatedAt: now,
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
    return { ok: true, shareId: result.shareId }
  },
})
