// Halt records a restorative step (victim conversation, between groups, class meeting, referral to care).
import { schema } from '@baken/db'
import { z } from 'zod'
import { calendarDate, recordId } from '../input-rules.ts'
import { defineUseCase } from '../use-case.ts'
import { optionalText } from './common.ts'
import { OPEN_STATUSES, referralForStep } from './halt-referral.ts'

export const restorativeInput = z.object({
  kind: z.enum(schema.HALT_RESTORATIVE_KINDS, { message: 'Kies een herstelstap' }),
  on: calendarDate(),
  note: optionalText(10_000),
})

export const addRestorativeStep = defineUseCase({
  name: 'halt/add-restorative-step',
  input: restorativeInput.extend({ id: recordId() }),
  permission: ['update', 'HaltCase'],
  async run(tx, { ability, tenant }, input) {
    const step = await referralForStep(tx, ability, input.id, OPEN_STATUSES)
    if (!step.ok) return step
    const r = step.referral
    const stepId = crypto.randomUUID()
    await tx.insert(schema.haltRestorativeSteps).values({
      id: stepId,
      partnerId: r.partnerId,
      referralId: r.id,
      kind: input.kind,
      on: input.on,
      note: input.note ?? null,
      createdById: tenant.userId,
    })
    return { ok: true, id: r.id, stepId }
  },
})
