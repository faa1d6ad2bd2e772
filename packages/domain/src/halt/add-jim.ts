// Halt adds a JIM (Jouw Ingebrachte Mentor) from the student's own network.
import { schema } from '@baken/db'
import { z } from 'zod'
import { recordId, textInput } from '../input-rules.ts'
import { defineUseCase } from '../use-case.ts'
import { OPEN_STATUSES, referralForStep } from './halt-referral.ts'

export const jimInput = z.object({
  name: textInput({ message: 'Vul de naam van de JIM in' }).trim().min(2, 'Vul de naam van de JIM in').max(200),
  relation: textInput({ message: 'Vul de relatie tot de student in' }).trim().min(2, 'Vul de relatie tot de student in').max(200),
  contact: textInput({ message: 'Vul contactgegevens in' }).trim().min(3, 'Vul contactgegevens in (telefoon of e-mail)').max(300),
  agreements: textInput({ message: 'Beschrijf de afspraken' }).trim().min(5, 'Beschrijf waarbij de JIM helpt').max(10_000),
})

export const addJim = defineUseCase({
  name: 'halt/add-jim',
  input: jimInput.extend({ id: recordId() }),
  permission: ['update', 'HaltCase'],
  async run(tx, { ability }, { id, ...jim }) {
    const step = await referralForStep(tx, ability, id, OPEN_STATUSES)
    if (!step.ok) return step
    const r = step.referral
    const jimId = crypto.randomUUID()
    await tx.insert(schema.haltJims).values({ id: jimId, partnerId: r.partnerId, referralId: r.id, ...jim })
    return { ok: true, id: r.id, jimId }
  },
})
