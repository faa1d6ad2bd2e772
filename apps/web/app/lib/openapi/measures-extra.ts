// OpenAPI paths of the measures area's second round (merged into lib/openapi.ts): hearings before a
// verwijdering, and recording a letter's sending. Keys are paths under /api/v1.
import type { Endpoint } from './endpoint.ts'
import { errorResponse as error, uuidSchema as uuid } from './common.ts'

const hearingBody = {
  type: 'object',
  required: ['party', 'heardOn', 'summary'],
  additionalProperties: false,
  properties: {
    party: {
      type: 'string',
      enum: ['groepsleraar', 'leraren', 'leerling', 'ouders', 'inspectie_overleg'],
      description: 'Who was heard; inspectie_overleg records the vo consultation with the Inspectie. Only parties the rule set requires for this pupil are accepted.',
    },
    heardOn: { type: 'string', format: 'date' },
    summary: { type: 'string', minLength: 10, maxLength: 10000 },
  },
} as const

const sentBody = {
  type: 'object',
  required: ['channel'],
  additionalProperties: false,
  properties: {
    channel: { type: 'string', enum: ['email', 'post', 'uitgereikt'] },
    sentOn: { type: 'string', format: 'date', description: 'Required for post and uitgereikt; e-mail is sent today.' },
  },
} as const

export const measuresExtraPaths = {
  '/measures/{id}/hearings': {
    get: {
      summary: 'The hearings of a verwijdering, who must be heard for this pupil (rule and source) and whether the board may decide',
      parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }],
      responses: { '200': { description: '{hearings, required, complete, message, mayRecord}' }, '401': error, '403': error, '404': error },
    },
    post: {
      summary: 'Record one hearing before the board decides a verwijdering (or the vo Inspectie consultation)',
      parameters: [{ name: 'id', in: 'path', required: true, schema: uuid }],
      requestBody: { required: true, content: { 'application/json': { schema: hearingBody } } },
      responses: { '201': { description: '{id, state}' }, '400': error, '401': error, '403': error, '404': error, '409': error },
    },
  },
  '/measures/{id}/letters/{letterId}/sent': {
    post: {
      summary:
        'Record that a letter was sent: by e-mail through the outbox to the recipients the rule set names, or by post / handed over on sentOn. Sending a decided schorsing’s decision letter moves it to letter_sent (besluit verzonden).',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: uuid },
        { name: 'letterId', in: 'path', required: true, schema: uuid },
      ],
      requestBody: { required: true, content: { 'application/json': { schema: sentBody } } },
      responses: { '201': { description: '{id, version, state, mails}' }, '400': error, '401': error, '403': error, '404': error, '409': error },
    },
  },
} as const

/** Operations generated from their zod schemas (lib/openapi/endpoint.ts). */
export const measuresExtraEndpoints: Endpoint[] = []
