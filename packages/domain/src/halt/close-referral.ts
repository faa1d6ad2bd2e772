// Halt closes the trajectory with an outcome and a closing report of only the agreed fields, and
// queues the mail to the school's contact in the same transaction. Neither contains Halt's notes.
import { schema } from '@baken/db'
import { enqueueMail } from '@baken/email'
import { and, asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { buildClosingReport, closeInput, closingReportText, type ClosingReport } from './closing-report.ts'
import type { HaltOutcome } from './common.ts'
import { OPEN_STATUSES, referralForStep } from './halt-referral.ts'
import { recordId } from '../input-rules.ts'

export const closeReferral = defineUseCase({
  name: 'halt/close-referral',
  input: closeInput.extend({
    id: recordId(),
    // The app's own address for the link in the mail: set by the adapter from the request (it wins
    // over anything in the body), never chosen by the caller.
    appUrl: z.string().max(500).optional(),
  }),
  permission: ['update', 'HaltCase'],
  async run(tx, { ability, tenant, now }, input) {
    const step = await referralForStep(tx, ability, input.id, OPEN_STATUSES)
    if (!step.ok) return step
    const r = step.referral
    if (input.outcome === 'voortijdig_gestopt' && (input.outcomeReason?.length ?? 0) < 5) {
      return refuse('invalid', 'outcomeReason', 'Geef de reden waarom het traject voortijdig is gestopt.')
    }
    if (input.outcome === 'afgerond' && r.status !== 'lopend') {
      return refuse('conflict', 'outcome', 'Een traject is pas afgerond na een intake waarbij de student aanwezig was.')
    }
    const components = await tx
      .select({ component: schema.haltComponents.component })
      .from(schema.haltComponents)
      .where(and(eq(schema.haltComponents.referralId, r.id), eq(schema.haltComponents.done, true)))
    const order = new Map(schema.HALT_COMPONENTS.map((c, i) => [c as string, i]))
    const steps = await tx
      .select({ kind: schema.haltRestorativeSteps.kind, on: schema.haltRestorativeSteps.on })
      .from(schema.haltRestorativeSteps)
      .where(eq(schema.haltRestorativeSteps.referralId, r.id))
      .orderBy(asc(schema.haltRestorativeSteps.on))
    const report: ClosingReport = buildClosingReport(r.reportFields, input, {
      components: components.map((c) => c.component).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
      steps,
    })
    await tx
      .update(schema.haltReferrals)
      .set({
        status: 'afgesloten',
        outcome: input.outcome as HaltOutcome,
        outcomeReason: input.outcomeReason ?? null,
        closingReport: report,
        closedById: tenant.userId,
        closedAt: now,
        updatedAt: now,
      })
      .where(eq(schema.haltReferrals.id, r.id))
    const [partner] = await tx.select({ name: schema.partnerOrganisations.name }).from(schema.partnerOrganisations).where(eq(schema.partnerOrganisations.id, r.partnerId))
    const link = input.appUrl ? `${input.appUrl.replace(/\/$/, '')}/verwijzingen/${r.id}` : `/verwijzingen/${r.id}`
    const text = [
      `Beste ${r.contactName},`,
      '',
      `${partner?.name ?? 'Halt'} heeft de verwijzing naar het Halt-spreekuur van ${localDate(r.createdAt)} afgesloten.`,
      'Hieronder staat het eindverslag met de velden die bij de verwijzing zijn afgesproken.',
      '',
      closingReportText(report),
      `U leest het verslag ook in Baken: ${link}`,
      '',
      'Met vriendelijke groet,',
      partner?.name ?? 'Halt',
    ].join('\n')
    const mail = await enqueueMail(tx, {
      stichtingId: r.stichtingId,
      schoolId: r.schoolId,
      subjectRef: `halt_referral:${r.id}`,
      to: r.contactEmail,
      subject: 'Halt-spreekuur: verwijzing afgesloten, eindverslag',
      text,
      createdById: tenant.userId,
    })
    return { ok: true, id: r.id, status: 'afgesloten', closingReport: report, mailId: mail.id }
  },
})
