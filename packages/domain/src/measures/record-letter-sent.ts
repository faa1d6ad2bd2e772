// Recording that a decision letter was sent (letters.ts); the decision letter of a decided schorsing
// moves it to "besluit verzonden".
import { schema } from '@baken/db'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { dutchDayName } from './bezwaar.ts'
import { calendarDate, recordId } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { LETTER_KIND_LABELS, letterKindsFor } from './letter-text.ts'
import { DECISION_LETTER, isUuid, mayMakeLetter, SEND_CHANNEL_LABELS, SEND_CHANNELS } from './letters.ts'
import { loadMeasure } from './measure-cases.ts'
import { decisionMailAddresses, queueMeasureMail } from './measure-mail.ts'
import { MEASURE_LABELS } from './rule-model.ts'
import { stateLabel, WORKFLOWS } from './workflows.ts'

/**
 * Records that a letter was sent: by e-mail through the outbox to the recipients the rule set names
 * (the parents' addresses; the mail names the letter's reference), or by post or handed over on a
 * date. Sending the decision letter of a decided schorsing moves it to "besluit verzonden" — the only
 * way there (workflows.ts, viaLetter). Every sending is a step in the history; the day counts as the
 * day the decision was made known (bezwaar.ts, decisionSentOn).
 */
export const recordLetterSent = defineUseCase({
  name: 'measures/record-letter-sent',
  input: z.strictObject({
    id: recordId(),
    letterId: recordId(),
    channel: z.enum(SEND_CHANNELS, { message: 'Kies hoe de brief is verzonden: per e-mail, per post of uitgereikt' }),
    /** The day it was posted or handed over; e-mail is sent today. */
    sentOn: calendarDate('Datum als JJJJ-MM-DD').optional(),
  }),
  permission: ['update', 'Measure'],
  async run(tx, { ability, tenant: ctx, now }, { id: measureId, letterId, ...input }) {
    const today = localDate(now)
    if (!isUuid(letterId)) return refuse('not_found', 'letterId', 'Brief niet gevonden.')
    const m = await loadMeasure(tx, ability, measureId, { lock: true })
    if (!m) return refuse('not_found', 'id', 'Maatregel niet gevonden.')
    if (!mayMakeLetter(ability, m)) return refuse('forbidden', '', 'Je mag geen brieven bij deze maatregel verzenden.')
    const [letter] = await tx
      .select({ id: schema.measureLetters.id, kind: schema.measureLetters.kind, version: schema.measureLetters.version, createdAt: schema.measureLetters.createdAt })
      .from(schema.measureLetters)
      .where(and(eq(schema.measureLetters.id, letterId), eq(schema.measureLetters.measureId, m.id)))
    if (!letter) return refuse('not_found', 'letterId', 'Brief niet gevonden.')
    if (!letterKindsFor(m.kind, m.state).includes(letter.kind)) {
      return refuse('conflict', 'letterId', `Deze ${LETTER_KIND_LABELS[letter.kind]} kan niet meer worden verzonden: de ${MEASURE_LABELS[m.kind]} is "${stateLabel(m.kind, m.state)}".`)
    }
    const decisionLetter = DECISION_LETTER[m.kind] === letter.kind
    // A decision letter made before the current decision is not the letter of that decision.
    if (decisionLetter && m.decidedAt && letter.createdAt < m.decidedAt) {
      return refuse('conflict', 'letterId', 'Deze brief is gemaakt vóór het besluit; maak een nieuwe besluitbrief en verzend die.')
    }
    let sentOn = today
    let mails = 0
    if (input.channel === 'email') {
      if (input.sentOn && input.sentOn !== today) return refuse('invalid', 'sentOn', 'Een e-mail wordt vandaag verzonden; laat de datum leeg.')
      const { facts, to, recipients } = await decisionMailAddresses(tx, m, today)
      if (!to.length) {
        const who = recipients.includes('ouders') ? 'Van de ouders is geen e-mailadres bekend' : 'De brief gaat naar de leerling zelf, van wie Baken geen e-mailadres heeft'
        return refuse('conflict', 'channel', `${who}: verzend de brief per post of reik hem uit.`)
      }
      const reference = `${m.id.slice(0, 8)}, versie ${letter.version}`
      await queueMeasureMail(tx, ctx, m, to, facts, {
        subject: (f) => `${LETTER_KIND_LABELS[letter.kind].replace(/^./, (c) => c.toUpperCase())}: ${f.pupilName}`,
        body: (f) => `Hierbij ontvangt u de ${LETTER_KIND_LABELS[letter.kind]} over ${f.pupilName} (kenmerk ${reference}). Heeft u vragen, neem dan contact op met de school.`,
      })
      mails = to.length
    } else {
      if (!input.sentOn) return refuse('invalid', 'sentOn', input.channel === 'post' ? 'Op welke dag is de brief gepost?' : 'Op welke dag is de brief uitgereikt?')
      if (input.sentOn > today) return refuse('invalid', 'sentOn', 'De datum ligt in de toekomst.')
      if (input.sentOn < localDate(letter.createdAt)) return refuse('invalid', 'sentOn', 'De brief kan niet zijn verzonden voordat hij is gemaakt.')
      sentOn = input.sentOn
    }
    const advance = WORKFLOWS[m.kind].transitions.find((t) => t.from === m.state && t.viaLetter && decisionLetter)
    const to = advance?.to ?? m.state
    if (advance) {
      const updated = await tx
        .update(schema.measures)
        .set({ state: to, version: m.version + 1, updatedAt: now })
        .where(and(eq(schema.measures.id, m.id), eq(schema.measures.state, m.state)))
        .returning({ id: schema.measures.id })
      if (updated.length !== 1) return refuse('conflict', 'expectedState', 'De maatregel is intussen gewijzigd; laad hem opnieuw.')
    }
    await tx.insert(schema.measureTransitions).values({
      stichtingId: m.stichtingId,
      schoolId: m.schoolId,
      measureId: m.id,
      fromState: m.state,
      toState: to,
      byId: ctx.userId,
      reason: `${LETTER_KIND_LABELS[letter.kind].replace(/^./, (c) => c.toUpperCase())} (versie ${letter.version}) ${SEND_CHANNEL_LABELS[input.channel]} verzonden op ${dutchDayName(sentOn)}${mails ? ` aan ${mails} adres${mails === 1 ? '' : 'sen'}` : ''}.`,
      data: { event: 'brief_verzonden', letterId: letter.id, letterKind: letter.kind, channel: input.channel, sentOn, mails },
    })
    return { ok: true, id: letter.id, version: letter.version, state: to, mails }
  },
})
