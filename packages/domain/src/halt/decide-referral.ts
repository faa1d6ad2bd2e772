// Halt accepts or declines a new referral; a decline needs a reason (it goes back to the school).
import { schema } from '@baken/db'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { optionalText } from './common.ts'
import { referralForStep } from './halt-referral.ts'
import { recordId } from '../input-rules.ts'

export const decisionInput = z.object({
  decision: z.enum(['accept', 'decline'], { message: 'Kies accepteren of afwijzen' }),
  reason: optionalText(5000),
})

export const decideReferral = defineUseCase({
  name: 'halt/decide-referral',
  input: decisionInput.extend({ id: recordId() }),
  permission: ['update', 'HaltCase'],
  async run(tx, { ability, tenant, now }, { id, decision, reason }) {
    const step = await referralForStep(tx, ability, id, ['aangemeld'])
    if (!step.ok) return step
    const r = step.referral
    if (decision === 'decline' && (reason?.length ?? 0) < 5) return refuse('invalid', 'reason', 'Geef een reden voor de afwijzing; de school ziet die.')
    const status = decision === 'accept' ? 'geaccepteerd' : 'afgewezen'
    await tx
      .update(schema.haltReferrals)
      .set({ status, decidedById: tenant.userId, decidedAt: now, declineReason: decision === 'decline' ? reason! : null, updatedAt: now })
      .where(eq(schema.haltReferrals.id, r.id))
    return { ok: true, id: r.id, status }
  },
})
