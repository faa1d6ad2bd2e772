// Halt records attendance; the student present at the intake starts the trajectory ('lopend').
import { schema } from '@baken/db'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { HALT_ATTENDANCE } from './common.ts'
import { OPEN_STATUSES, referralForStep } from './halt-referral.ts'
import { recordId } from '../input-rules.ts'

export const attendanceInput = z.object({
  appointmentId: z.uuid('Onbekende afspraak'),
  attendance: z.enum(HALT_ATTENDANCE, { message: 'Kies aanwezig, afwezig met bericht of afwezig zonder bericht' }),
})

export const setAttendance = defineUseCase({
  name: 'halt/set-attendance',
  input: attendanceInput.extend({ id: recordId() }),
  permission: ['update', 'HaltCase'],
  async run(tx, { ability, now }, input) {
    const step = await referralForStep(tx, ability, input.id, OPEN_STATUSES)
    if (!step.ok) return step
    const r = step.referral
    const [a] = await tx
      .update(schema.haltAppointments)
      .set({ attendance: input.attendance })
      .where(and(eq(schema.haltAppointments.id, input.appointmentId), eq(schema.haltAppointments.referralId, r.id)))
      .returning({ kind: schema.haltAppointments.kind })
    if (!a) return refuse('not_found', 'appointmentId', 'Afspraak niet gevonden.')
    let status = r.status
    if (a.kind === 'intake' && input.attendance === 'aanwezig' && status !== 'lopend') {
      status = 'lopend'
      await tx.update(schema.haltReferrals).set({ status, updatedAt: now }).where(eq(schema.haltReferrals.id, r.id))
    }
    return { ok: true, id: r.id, status }
  },
})
