// Halt plans an appointment; an intake sets the referral's intake date (the school sees that date).
import { schema } from '@baken/db'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { parseDateTime, recordId, textInput } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { blankAsAbsent, HALT_APPOINTMENT_KINDS } from './common.ts'
import { OPEN_STATUSES, referralForStep } from './halt-referral.ts'

/** 'YYYY-MM-DDTHH:MM' as Dutch local time, or a full ISO timestamp with offset; null unless a real date and time. */
export const parseLocalDateTime = parseDateTime

const dateTime = textInput({ message: 'Geef datum en tijd' }).max(40, 'Geef datum en tijd (JJJJ-MM-DDTUU:MM)').refine((v) => parseLocalDateTime(v) !== null, 'Geef datum en tijd (JJJJ-MM-DDTUU:MM)')

export const appointmentInput = z.object({
  kind: z.enum(HALT_APPOINTMENT_KINDS, { message: 'Kies het soort afspraak' }),
  startsAt: dateTime,
  slotId: blankAsAbsent(z.uuid('Ongeldig spreekuur')),
})

export const addAppointment = defineUseCase({
  name: 'halt/add-appointment',
  input: appointmentInput.extend({ id: recordId() }),
  permission: ['update', 'HaltCase'],
  async run(tx, { ability, tenant, now }, input) {
    const step = await referralForStep(tx, ability, input.id, OPEN_STATUSES)
    if (!step.ok) return step
    const r = step.referral
    const startsAt = parseLocalDateTime(input.startsAt)!
    if (input.slotId) {
      const [slot] = await tx
        .select({ id: schema.haltSlots.id })
        .from(schema.haltSlots)
        .where(and(eq(schema.haltSlots.id, input.slotId), eq(schema.haltSlots.schoolId, r.schoolId)))
      if (!slot) return refuse('invalid', 'slotId', 'Onbekend spreekuur voor deze school.')
    }
    const appointmentId = crypto.randomUUID()
    await tx.insert(schema.haltAppointments).values({
      id: appointmentId,
      partnerId: r.partnerId,
      referralId: r.id,
      kind: input.kind,
      startsAt,
      slotId: input.slotId ?? null,
      createdById: tenant.userId,
    })
    let status = r.status
    if (input.kind === 'intake') {
      if (status === 'geaccepteerd') status = 'intake_gepland'
      await tx.update(schema.haltReferrals).set({ intakeAt: startsAt, status, updatedAt: now }).where(eq(schema.haltReferrals.id, r.id))
    }
    return { ok: true, id: r.id, appointmentId, status }
  },
})
