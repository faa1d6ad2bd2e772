// The OpenAPI 3.1 description of /api/v1. Kept beside the routes; the HTTP tests check that every
// documented path answers and that every API route is documented.
import { uuidSchema as uuid } from './openapi/common.ts'
import { accessLogEndpoints, accessLogPaths } from './openapi/access-log.ts'
import { mergePaths, pathsOf } from './openapi/endpoint.ts'
import { haltEndpoints, haltPaths } from './openapi/halt.ts'
import { incidentsEndpoints, incidentsPaths } from './openapi/incidents.ts'
import { measuresEndpoints } from './openapi/measures.ts'
import { measuresExtraEndpoints } from './openapi/measures-extra.ts'
import { privacyEndpoints, privacyPaths } from './openapi/privacy.ts'
import { reportingEndpoints, reportingPaths } from './openapi/reporting.ts'
import { sharingEndpoints, sharingPaths } from './openapi/sharing.ts'
const student = {
  type: 'object',
  required: ['id', 'firstName', 'lastName', 'displayName', 'dateOfBirth', 'status', 'schoolId'],
  properties: {
    id: uuid,
    externalId: { type: ['string', 'null'], description: 'Number in the student administration' },
    firstName: { type: 'string' },
    infix: { type: ['string', 'null'], description: 'tussenvoegsel' },
    lastName: { type: 'string' },
    displayName: { type: 'string' },
    dateOfBirth: { type: 'string', format: 'date' },
    status: { type: 'string', enum: ['active', 'left'] },
    groupId: { type: ['string', 'null'], format: 'uuid' },
    groupName: { type: ['string', 'null'] },
    schoolId: uuid,
  },
} as const

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Baken API',
    version: '1.0.0',
    description:
      'JSON API over the same domain functions as the Baken web pages. Authenticate with the session cookie or a personal API token (Authorization: Bearer bkn_…), which is scoped to one membership. Ids are UUIDs; an id of another tenant answers 404. Errors: {"errors":[{"path","message"}]}. A request body is JSON sent as Content-Type: application/json (another type: 415). Text may hold tab, line feed and carriage return but no other control character (400 at the field). Dates are real calendar dates (YYYY-MM-DD; 2026-02-30 is refused); date-times are RFC 3339, or YYYY-MM-DDTHH:MM without a zone as Dutch local time; booleans are true or false. Writes (POST, PUT, PATCH, DELETE) are limited per user, by default 30 in a row and 60 a minute: 429 with Retry-After.',
  },
  servers: [{ url: '/api/v1' }],
  security: [{ bearer: [] }, { cookie: [] }],
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (bkn_…), created at /account' },
      cookie: { type: 'apiKey', in: 'cookie', name: 'baken_session' },
    },
    schemas: {
      Errors: {
        type: 'object',
        required: ['errors'],
        properties: {
          errors: {
            type: 'array',
            items: {
              type: 'object',
              required: ['path', 'message'],
              properties: { path: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
      Student: student,
      IncidentInput: {
        type: 'object',
        description: 'Every coded field takes an IRIS code (shared/reference/iris-codes.csv). Dutch error messages.',
        required: ['occurredAt', 'voorval', 'situation', 'persons'],
        properties: {
          occurredAt: { type: 'string', format: 'date-time' },
          locationCode: { type: ['integer', 'null'], description: 'IRIS locatie' },
          locationNote: { type: ['string', 'null'] },
          voorval: { type: 'array', items: { type: 'integer' }, minItems: 1, description: 'IRIS voorval (incident types)' },
          voorwerp: { type: 'array', items: { type: 'integer' }, description: 'IRIS voorwerp (objects used)' },
          afhandeling: { type: 'array', items: { type: 'integer' }, description: 'IRIS afhandeling (actions taken)' },
          situation: { type: 'string', maxLength: 10000 },
          verbalAggression: { type: 'boolean' },
          verbalForm: { type: ['string', 'null'] },
          verbalAgainst: { type: ['string', 'null'] },
          physicalAggression: { type: 'boolean' },
          physicalForm: { type: ['string', 'null'] },
          physicalAgainst: { type: ['string', 'null'] },
          vandalism: { type: 'boolean' },
          vandalismForm: { type: ['string', 'null'] },
          vandalismAgainst: { type: ['string', 'null'] },
          leftPremises: { type: 'boolean' },
          objectThrownAtPerson: { type: 'boolean' },
          motiveCode: { type: ['integer', 'null'], description: 'IRIS motief' },
          motiveNote: { type: ['string', 'null'] },
          analysis: { type: ['string', 'null'] },
          agreements: { type: ['string', 'null'] },
          parentsContacted: { type: 'boolean' },
          parentsContactedAt: { type: ['string', 'null'], format: 'date-time' },
          parentsContactedBy: { type: ['string', 'null'] },
          severity: { type: ['string', 'null'], enum: ['overig', 'ernstig', 'zeer_ernstig', null], description: 'Omitted: the suggested level' },
          severityReason: { type: ['string', 'null'], description: 'Required when lower than the suggestion' },
          confidential: { type: 'boolean', description: 'Forced true for sexual intimidation, abuse and loverboy cases' },
          policeReportKind: { type: ['string', 'null'], enum: ['melding', 'aangifte', null] },
          policeReportedOn: { type: ['string', 'null'], format: 'date' },
          policeReportedBy: { type: ['string', 'null'] },
          policeOnBehalfOfVictim: { type: ['boolean', 'null'] },
          persons: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['role', 'kind'],
              properties: {
                role: { type: 'string', enum: ['dader', 'slachtoffer', 'getuige', 'melder', 'betrokkene'] },
                kind: { type: 'string', enum: ['leerling', 'medewerker', 'ouder', 'externe'] },
                studentId: { type: ['string', 'null'], format: 'uuid', description: 'Required for a leerling; a pupil of this school' },
                description: { type: ['string', 'null'], description: 'Required for others (no name needed)' },
                injury: { type: ['string', 'null'] },
                outcome: { type: ['string', 'null'] },
              },
            },
          },
          submit: { type: 'boolean', default: false },
          expectedVersion: { type: 'integer', description: 'PATCH only: refuse with 409 if the incident changed meanwhile' },
        },
      },
      StudentDetail: {
        allOf: [
          { $ref: '#/components/schemas/Student' },
          {
            type: 'object',
            properties: {
              enrolledOn: { type: ['string', 'null'], format: 'date' },
              leftOn: { type: ['string', 'null'], format: 'date' },
              guardians: {
                type: ['array', 'null'],
                description: 'Only for roles that may read guardians (directeur, intern_begeleider); otherwise null',
                items: {
                  type: 'object',
                  properties: {
                    id: uuid,
                    name: { type: 'string' },
                    email: { type: ['string', 'null'] },
                    phone: { type: ['string', 'null'] },
                    relation: { type: 'string' },
                  },
                },
              },
            },
          },
        ],
      },
    },
  },
  paths: mergePaths(
    {
    '/openapi.json': {
      get: { summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.1 document' } } },
    },
    ...incidentsPaths,
    ...accessLogPaths,
    ...sharingPaths,
    ...privacyPaths,
    ...reportingPaths,
    ...haltPaths,
    },
    pathsOf([
      ...incidentsEndpoints,
      ...measuresEndpoints,
      ...measuresExtraEndpoints,
      ...accessLogEndpoints,
      ...sharingEndpoints,
      ...privacyEndpoints,
      ...reportingEndpoints,
      ...haltEndpoints,
    ]),
  ),
} as const
