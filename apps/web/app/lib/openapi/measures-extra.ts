// OpenAPI operations of the measures area's second round (merged into lib/openapi.ts): hearings
// before a verwijdering, and recording a letter's sending. Paths are under /api/v1.
import { getMeasureHearings, HEARING_PARTIES, recordLetterSent, recordRemovalHearing } from '@baken/domain'
import { z } from 'zod'
import { endpoint, type Endpoint } from './endpoint.ts'

/** The errors of a step on a record: invalid input, the role, no such record, the state, no JSON. */
export const WRITE_ERRORS = [400, 403, 404, 405, 409, 415] as const

const hearing = z.strictObject({
  id: z.uuid(),
  party: z.enum(HEARING_PARTIES),
  partyLabel: z.string(),
  heardOn: z.iso.date(),
  summary: z.string(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
})

/** The hearings of a verwijdering as GET …/hearings and the measure's detail give them. */
export const hearingsView = z.strictObject({
  hearings: z.array(hearing).describe('Oldest first'),
  required: z.array(z.strictObject({ party: z.enum(HEARING_PARTIES), label: z.string(), source: z.string(), heard: z.boolean() })).describe('Who must be heard for this pupil today, with the rule’s source'),
  complete: z.boolean(),
  message: z.string().nullable().describe('The refusal the board would get now, or null'),
  mayRecord: z.boolean(),
})

/** Operations generated from their zod schemas (lib/openapi/endpoint.ts). */
export const measuresExtraEndpoints: Endpoint[] = [
  endpoint({
    method: 'get',
    path: '/measures/{id}/hearings',
    summary: 'The hearings of a verwijdering, who must be heard for this pupil (rule and source) and whether the board may decide',
    useCase: getMeasureHearings,
    responses: { 200: { description: 'The hearings', schema: hearingsView } },
    errors: [403, 404],
  }),
  endpoint({
    method: 'post',
    path: '/measures/{id}/hearings',
    summary: 'Record one hearing before the board decides a verwijdering (or the vo Inspectie consultation)',
    description: 'party inspectie_overleg records the vo consultation with the Inspectie. Only parties the rule set requires for this pupil are accepted.',
    useCase: recordRemovalHearing,
    body: recordRemovalHearing.input.omit({ id: true }),
    responses: { 201: { description: 'The hearing and the measure’s state', schema: z.strictObject({ id: z.uuid(), state: z.string() }) } },
    errors: WRITE_ERRORS,
  }),
  endpoint({
    method: 'post',
    path: '/measures/{id}/letters/{letterId}/sent',
    summary:
      'Record that a letter was sent: by e-mail through the outbox to the recipients the rule set names, or by post / handed over on sentOn (required for post and uitgereikt; e-mail is sent today). Sending a decided schorsing’s decision letter moves it to letter_sent (besluit verzonden).',
    useCase: recordLetterSent,
    body: recordLetterSent.input.omit({ id: true, letterId: true }),
    responses: {
      201: { description: 'The letter, the measure’s state and the number of mails queued', schema: z.strictObject({ id: z.uuid(), version: z.number().int(), state: z.string(), mails: z.number().int() }) },
    },
    errors: WRITE_ERRORS,
  }),
]
