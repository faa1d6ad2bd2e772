// Halt's own session note: append-only, and never visible to the school, the board or the police
// (no RLS policy gives them a row of halt_notes).
import { schema } from '@baken/db'
import { z } from 'zod'
import { recordId, textInput } from '../input-rules.ts'
import { defineUseCase } from '../use-case.ts'
import { referralForStep } from './halt-referral.ts'

export const noteInput = z.object({
  body: textInput({ message: 'Schrijf een notitie' }).trim().min(2, 'Schrijf een notitie').max(20_000, 'Maximaal 20.000 tekens'),
})

export const addHaltNote = defineUseCase({
  name: 'halt/add-halt-note',
  input: noteInput.extend({ id: recordId() }),
  permission: ['update', 'HaltCase'],
  async run(tx, { ability, tenant }, input) {
    const step = await referralForStep(tx, ability, input.id, ['geaccepteerd', 'intake_gepland', 'lopend', 'afgesloten'])
    if (!step.ok) return step
    const r = step.referral
    const noteId = crypto.randomUUID()
    await tx.insert(schema.haltNotes).values({ id: noteId, partnerId: r.partnerId, referralId: r.id, body: input.body, byId: tenant.userId })
    return { ok: true, id: r.id, noteId }
  },
})
