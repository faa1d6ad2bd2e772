// Halt adds a weekly spreekuur at a location of a linked school.
import { schema } from '@baken/db'
import { z } from 'zod'
import { calendarDate, textInput } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { blankAsAbsent } from './common.ts'
import { linkedSchools } from './halt-referral.ts'

export const slotInput = z.object({
  schoolId: z.uuid('Kies een school'),
  location: textInput({ message: 'Vul de locatie in' }).trim().min(2, 'Vul de locatie in').max(200),
  weekday: z.coerce.number({ message: 'Kies een dag' }).int().min(1, 'Kies een dag').max(7, 'Kies een dag'),
  startsAt: textInput().regex(/^[0-2]\d:[0-5]\d$/, 'Begintijd als UU:MM'),
  endsAt: textInput().regex(/^[0-2]\d:[0-5]\d$/, 'Eindtijd als UU:MM'),
  validFrom: calendarDate(),
  validUntil: blankAsAbsent(calendarDate()),
})

export const createSlot = defineUseCase({
  name: 'halt/create-slot',
  input: slotInput,
  permission: ['update', 'HaltCase'],
  async run(tx, { tenant }, input) {
    if (!tenant.partnerId) return refuse('forbidden', '', 'Alleen Halt plant spreekuren.')
    if (input.endsAt <= input.startsAt) return refuse('invalid', 'endsAt', 'De eindtijd ligt na de begintijd.')
    if (input.validUntil && input.validUntil < input.validFrom) return refuse('invalid', 'validUntil', 'De einddatum ligt na de begindatum.')
    const school = (await linkedSchools(tx, tenant)).find((x) => x.id === input.schoolId)
    if (!school) return refuse('invalid', 'schoolId', 'Deze school is niet aan jullie Halt-regio gekoppeld.')
    const id = crypto.randomUUID()
    await tx.insert(schema.haltSlots).values({
      id,
      partnerId: tenant.partnerId,
      stichtingId: school.stichtingId,
      schoolId: school.id,
      location: input.location,
      weekday: input.weekday,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      validFrom: input.validFrom,
      validUntil: input.validUntil ?? null,
    })
    return { ok: true, id }
  },
})
