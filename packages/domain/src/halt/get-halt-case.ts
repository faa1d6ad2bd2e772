// Halt's case: the facts the school shared (only the share's fields), Halt's workspace and the
// slots of the school; the look is logged as a read of the referral, in the stichting's chain.
import { schema } from '@baken/db'
import { namesInSharePayload } from '@baken/db/pseudonyms'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { recordAccess } from '../privacy/access-log.ts'
import { projectPayload } from '../sharing/create-share.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import type { ReferralRequest } from './common.ts'
import { loadHaltReferral } from './halt-referral.ts'
import { recordId } from '../input-rules.ts'

export interface HaltCase extends ReferralRequest {
  id: string
  status: string
  schoolId: string
  schoolName: string
  stichtingId: string
  incidentTypes: string[]
  createdAt: string
  decidedAt: string | null
  declineReason: string | null
  intakeAt: string | null
  outcome: string | null
  outcomeReason: string | null
  closingReport: Record<string, unknown> | null
  closedAt: string | null
  /** The referred student as the share names her (null: no name shared, or the share ended). */
  studentLabel: string | null
  /** What the school shared: the share's fields and, per incident, the minimised payload. */
  sharedFields: string[]
  shareExpiresAt: string | null
  facts: unknown[]
  appointments: { id: string; kind: string; startsAt: string; attendance: string; slotId: string | null }[]
  components: { component: string; done: boolean; note: string | null; updatedAt: string }[]
  jims: { id: string; name: string; relation: string; contact: string; agreements: string }[]
  restorativeSteps: { id: string; kind: string; on: string; note: string | null }[]
  notes: { id: string; body: string; at: string; byName: string }[]
  slots: { id: string; location: string; weekday: number; startsAt: string; endsAt: string }[]
}

export const getHaltCase = defineUseCase({
  name: 'halt/get-halt-case',
  input: z.object({ id: recordId() }),
  permission: ['read', 'HaltCase'],
  async run(tx, { ability, tenant }, { id }) {
    const r = await loadHaltReferral(tx, ability, id, 'read')
    if (!r) return refuse('not_found', 'id', 'Verwijzing niet gevonden.')
    const [school] = await tx.select({ name: schema.schools.name }).from(schema.schools).where(eq(schema.schools.id, r.schoolId))
    const [share] = await tx
      .select({ fields: schema.shares.fields, expiresAt: schema.shares.expiresAt })
      .from(schema.shares)
      .where(eq(schema.shares.id, r.shareId))
    const items = await tx.select({ payload: schema.shareItems.payload }).from(schema.shareItems).where(eq(schema.shareItems.shareId, r.shareId))
    const appointments = await tx
      .select()
      .from(schema.haltAppointments)
      .where(eq(schema.haltAppointments.referralId, r.id))
      .orderBy(asc(schema.haltAppointments.startsAt))
    const components = await tx.select().from(schema.haltComponents).where(eq(schema.haltComponents.referralId, r.id))
    const jims = await tx.select().from(schema.haltJims).where(eq(schema.haltJims.referralId, r.id)).orderBy(asc(schema.haltJims.createdAt))
    const steps = await tx
      .select()
      .from(schema.haltRestorativeSteps)
      .where(eq(schema.haltRestorativeSteps.referralId, r.id))
      .orderBy(asc(schema.haltRestorativeSteps.on))
    const notes = await tx
      .select({ id: schema.haltNotes.id, body: schema.haltNotes.body, at: schema.haltNotes.at, byName: schema.users.name })
      .from(schema.haltNotes)
      .innerJoin(schema.users, eq(schema.users.id, schema.haltNotes.byId))
      .where(eq(schema.haltNotes.referralId, r.id))
      .orderBy(asc(schema.haltNotes.at))
    const slots = await tx
      .select()
      .from(schema.haltSlots)
      .where(eq(schema.haltSlots.schoolId, r.schoolId))
      .orderBy(asc(schema.haltSlots.weekday), asc(schema.haltSlots.startsAt))
    await recordAccess(tx, tenant, {
      subjectType: 'referral',
      subjectId: r.id,
      studentId: r.studentId,
      schoolId: r.schoolId,
      stichtingId: r.stichtingId,
      reason: 'Halt-spreekuur',
    })
    const order = new Map(schema.HALT_COMPONENTS.map((c, i) => [c as string, i]))
    // Only the share's fields, even if a payload held more (second line of defence).
    const facts = items.map((i) => projectPayload(i.payload, share?.fields ?? []))
    const view: HaltCase = {
      id: r.id,
      status: r.status,
      schoolId: r.schoolId,
      schoolName: school?.name ?? '',
      stichtingId: r.stichtingId,
      reason: r.reason,
      incidentTypes: r.incidentTypes,
      schoolActions: r.schoolActions,
      contactName: r.contactName,
      contactEmail: r.contactEmail,
      contactPhone: r.contactPhone,
      studentConsentOn: r.studentConsentOn,
      parentConsentOn: r.parentConsentOn,
      reportFields: r.reportFields,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      declineReason: r.declineReason,
      intakeAt: r.intakeAt?.toISOString() ?? null,
      outcome: r.outcome,
      outcomeReason: r.outcomeReason,
      closingReport: (r.closingReport as Record<string, unknown> | null) ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
      studentLabel: [...new Set(facts.flatMap(namesInSharePayload))].join(', ') || null,
      sharedFields: share?.fields ?? [],
      shareExpiresAt: share?.expiresAt.toISOString() ?? null,
      facts,
      appointments: appointments.map((a) => ({ id: a.id, kind: a.kind, startsAt: a.startsAt.toISOString(), attendance: a.attendance, slotId: a.slotId })),
      components: components
        .map((c) => ({ component: c.component, done: c.done, note: c.note, updatedAt: c.updatedAt.toISOString() }))
        .sort((a, b) => (order.get(a.component) ?? 0) - (order.get(b.component) ?? 0)),
      jims: jims.map((j) => ({ id: j.id, name: j.name, relation: j.relation, contact: j.contact, agreements: j.agreements })),
      restorativeSteps: steps.map((s) => ({ id: s.id, kind: s.kind, on: s.on, note: s.note })),
      notes: notes.map((n) => ({ id: n.id, body: n.body, at: n.at.toISOString(), byName: n.byName })),
      slots: slots
        .filter((s) => s.partnerId === r.partnerId)
        .map((s) => ({ id: s.id, location: s.location, weekday: s.weekday, startsAt: s.startsAt, endsAt: s.endsAt })),
    }
    return { ok: true, ...view }
  },
})
