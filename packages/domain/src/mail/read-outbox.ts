// The outbox as the school or stichting sees it: what Baken sent or still has to send. RLS
// decides the rows (the directeur the school's, the bestuurder and the stichtingbeheerder the
// stichting's); CASL decides who reads a message's text (not the stichtingbeheerder: only the
// envelope).
import { getOutboxMessage, listOutbox } from '@baken/email'
import { z } from 'zod'
import { textInput } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'

export const readOutbox = defineUseCase({
  name: 'mail/read-outbox',
  input: z.object({ bericht: textInput().max(100).optional() }),
  permission: ['read', 'Mail'],
  async run(tx, { ability }, { bericht }) {
    const messages = await listOutbox(tx, ability)
    const selected = bericht ? await getOutboxMessage(tx, ability, bericht) : null
    if (bericht && !selected) return refuse('not_found', 'bericht', 'Bericht niet gevonden.')
    return { ok: true, messages, selected }
  },
})
