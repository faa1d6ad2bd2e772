// Sharing incidents with a partner from the form or the API (the directeur of the school: CASL
// `create Share`), then the law's checks and the minimised payload (createShareRecord). The expiry is
// a day: the share ends at the end of it, Dutch time.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { z } from 'zod'
import { calendarDate, textInput } from '../input-rules.ts'
import { oneOrMany } from './list-input.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { createShareRecord, endOfDutchDay } from './create-share.ts'

export const shareInput = z.object({
  partnerId: z.uuid({ error: 'Kies de organisatie waarmee u deelt.' }),
  agreementId: z.preprocess((v) => (v === '' ? null : v), z.uuid({ error: 'Onbekend convenant.' }).nullish()),
  purpose: z.enum(schema.SHARE_PURPOSES, { error: 'Kies het doel van het delen.' }),
  legalBasis: textInput().trim().max(2000).nullish(),
  fields: oneOrMany(z.enum(schema.SHARE_FIELDS, { error: 'Onbekend gegeven.' })).refine((a) => a.length > 0, { error: 'Kies ten minste één gegeven om te delen.' }),
  incidentIds: oneOrMany(z.uuid({ error: 'Onbekend incident.' })).refine((a) => a.length > 0, { error: 'Kies ten minste één incident.' }),
  studentIds: oneOrMany(z.uuid({ error: 'Onbekende leerling.' })),
  expiresOn: calendarDate('Vul een geldige vervaldatum in (jjjj-mm-dd).'),
  // An empty note on the form is no note.
  note: z.preprocess((v) => (v === '' ? null : v), textInput().trim().max(2000).nullish()),
  recipientUserIds: oneOrMany(z.uuid({ error: 'Onbekende ontvanger.' })),
})

export const shareIncidents = defineUseCase({
  name: 'sharing/share-incidents',
  input: shareInput,
  permission: ['create', 'Share'],
  forbidden: 'U mag geen gegevens delen met partners.',
  listErrorsOnField: true,
  async run(tx, { ability, tenant, now }, v) {
    if (!tenant.schoolId || !tenant.stichtingId || !ability.can('create', record('Share', { schoolId: tenant.schoolId, stichtingId: tenant.stichtingId }))) {
      return refuse('forbidden', '', 'U mag geen gegevens delen met partners.')
    }
    const result = await createShareRecord(
      tx,
      tenant,
      {
        partnerId: v.partnerId,
        agreementId: v.agreementId ?? null,
        purpose: v.purpose,
        legalBasis: v.legalBasis ?? null,
        fields: v.fields,
        incidentIds: v.incidentIds,
        studentIds: v.studentIds,
        expiresAt: endOfDutchDay(v.expiresOn),
        origin: 'handmatig',
        note: v.note ?? null,
        recipientUserIds: v.recipientUserIds,
      },
      { now },
    )
    if (!result.ok) return result
    return { ok: true, id: result.shareId }
  },
})
