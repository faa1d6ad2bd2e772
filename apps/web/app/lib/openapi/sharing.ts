// OpenAPI operations of the sharing area (merged into lib/openapi.ts). Paths are under /api/v1.
// Purpose-bound sharing (Wpg art. 20): agreements, shares (the school's side) and shared
// records (what a recipient — police unit, Halt — sees). Approval and ending of an agreement are
// separate POST actions (…/approve, …/end) rather than a PATCH: they are steps with their own rule
// (only the bestuurder approves), not edits of fields.
import {
  approveAgreement,
  createAgreement,
  endAgreement,
  getAgreement,
  getShare,
  getSharedRecord,
  listAgreements,
  listShares,
  listSharedRecords,
  listSharesQuery,
  revokeShare,
  shareIncidents,
} from '@baken/domain'
import { schema } from '@baken/db'
import { z } from 'zod'
import { endpoint, type Endpoint } from './endpoint.ts'

/** A step on one record: its id. */
const done = z.object({ ok: z.literal(true), id: z.uuid() })

const instant = z.iso.datetime()
const day = z.iso.date()
const labelled = z.array(z.strictObject({ key: z.string(), label: z.string() }))

const agreement = z.strictObject({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(['concept', 'goedgekeurd', 'beeindigd']),
  statusLabel: z.string(),
  active: z.boolean().meta({ description: 'Approved, not ended, today within the validity' }),
  stichtingId: z.uuid(),
  schoolId: z.uuid().nullable().meta({ description: 'null: stichting-wide' }),
  schoolName: z.string().nullable(),
  partnerId: z.uuid(),
  partnerName: z.string(),
  publicInterest: z.string(),
  partnership: z.string(),
  purposes: labelled,
  dataCategories: labelled,
  conditions: z.string(),
  recipients: z.string(),
  legalBasis: z.string(),
  validFrom: day,
  validUntil: day,
  retentionDays: z.number().int(),
  approvedAt: instant.nullable(),
  approvedByName: z.string().nullable(),
  endedAt: instant.nullable(),
  createdAt: instant,
})

const shareSummary = z.strictObject({
  id: z.uuid(),
  status: z.enum(['actief', 'verlopen', 'ingetrokken']),
  statusLabel: z.string(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  partnerId: z.uuid(),
  partnerName: z.string(),
  agreementId: z.uuid(),
  agreementTitle: z.string(),
  purpose: z.enum(schema.SHARE_PURPOSES),
  purposeLabel: z.string(),
  origin: z.enum(schema.SHARE_ORIGINS),
  originLabel: z.string(),
  fields: labelled,
  incidentCount: z.number().int(),
  approvedAt: instant,
  approvedByName: z.string().nullable(),
  expiresAt: instant,
  revokedAt: instant.nullable(),
  revokeReason: z.string().nullable(),
})

const payload = z.record(z.string(), z.unknown()).meta({
  description:
    'Only the share’s fields, keyed by field; the share’s students by name, every other pupil as "leerling A", "leerling B", … (one label per pupil throughout the share).',
})

const shareDetail = shareSummary.extend({
  legalBasis: z.string(),
  note: z.string().nullable(),
  recipients: z.array(z.strictObject({ id: z.uuid(), name: z.string() })),
  contentHidden: z.boolean().meta({ description: 'The stichting’s roles: the facts of the share, no payload and no student names' }),
  studentCount: z.number().int(),
  students: z.array(z.strictObject({ id: z.uuid(), name: z.string() })),
  items: z.array(z.strictObject({ incidentId: z.uuid(), payload })),
  revokedByName: z.string().nullable(),
  canRevoke: z.boolean(),
})

const sharedRecord = z.strictObject({
  id: z.uuid(),
  purpose: z.enum(schema.SHARE_PURPOSES),
  purposeLabel: z.string(),
  legalBasis: z.string(),
  agreementId: z.uuid(),
  agreementTitle: z.string(),
  schoolName: z.string(),
  sharedAt: instant,
  expiresAt: instant,
  fields: labelled,
  itemCount: z.number().int(),
  items: z.array(z.strictObject({ payload })),
})

/** Operations generated from their zod schemas (lib/openapi/endpoint.ts). */
export const sharingEndpoints: Endpoint[] = [
  endpoint({
    method: 'get',
    path: '/agreements',
    summary: 'Sharing agreements the caller may read: the stichting’s side its own (school staff also the stichting-wide ones); a partner the approved ones it is party to',
    useCase: listAgreements,
    responses: { 200: { description: 'The agreements', schema: z.strictObject({ items: z.array(agreement) }) } },
    errors: [403],
  }),
  endpoint({
    method: 'post',
    path: '/agreements',
    summary: 'Draft an agreement (privacyfunctionaris, bestuurder; directeur for the own school)',
    description: 'The fields Wpg art. 20(2) requires, plus validity and retention. Created as a concept; a directeur drafts for the own school only (schoolId null: stichting-wide).',
    useCase: createAgreement,
    responses: { 201: { description: 'Drafted', schema: done } },
    errors: [400, 403, 415],
  }),
  endpoint({
    method: 'get',
    path: '/agreements/{id}',
    summary: 'One agreement with all its fields and its status (geldig, concept, beëindigd); 404 for another stichting’s or, for a partner, a concept',
    useCase: getAgreement,
    responses: { 200: { description: 'The agreement', schema: agreement } },
    errors: [403, 404],
  }),
  endpoint({
    method: 'post',
    path: '/agreements/{id}/approve',
    summary: 'Approve a concept agreement: only the bevoegd gezag (bestuurder); 409 when not a concept or its validity is over',
    useCase: approveAgreement,
    body: null,
    responses: { 200: { description: 'Approved', schema: done } },
    errors: [403, 404, 409],
  }),
  endpoint({
    method: 'post',
    path: '/agreements/{id}/end',
    summary: 'End an agreement (bestuurder, privacyfunctionaris): no new shares under it',
    useCase: endAgreement,
    body: null,
    responses: { 200: { description: 'Ended', schema: done } },
    errors: [403, 404, 409],
  }),
  endpoint({
    method: 'get',
    path: '/shares',
    summary: 'The school’s shares (bestuurder and privacyfunctionaris: the stichting’s), newest first, with status actief/verlopen/ingetrokken',
    useCase: listShares,
    query: listSharesQuery,
    responses: { 200: { description: 'The shares', schema: z.strictObject({ items: z.array(shareSummary) }) } },
    errors: [400, 403],
  }),
  endpoint({
    method: 'post',
    path: '/shares',
    summary: 'Share incidents with a partner (directeur). The payload is taken now, with only the chosen fields; other pupils are never named. Logged.',
    description:
      'A disclosure under an active approved agreement with the partner that covers the school, the purpose and every field; the expiry (end of that day, Dutch time) within the agreement’s validity and retention. Without agreementId the matching active agreement is used. Refused outside an agreement (409) or with a field or purpose outside it (400). studentIds: the pupils the share is about, the only ones it names (when the name field of their role is chosen) and whose birth date, group and injury it gives. recipientUserIds: named persons at the partner; empty: all of the partner.',
    useCase: shareIncidents,
    responses: { 201: { description: 'Shared', schema: z.strictObject({ id: z.uuid() }) } },
    errors: [400, 403, 404, 409, 415],
  }),
  endpoint({
    method: 'get',
    path: '/shares/{id}',
    summary: 'One share as disclosed: agreement, purpose, fields, recipients, students, items (payload). The look is logged.',
    useCase: getShare,
    responses: { 200: { description: 'The share', schema: shareDetail } },
    errors: [403, 404],
  }),
  endpoint({
    method: 'post',
    path: '/shares/{id}/revoke',
    summary: 'Revoke a share at once with {reason} (directeur, IB, privacyfunctionaris): the recipient gets 404 from then on',
    useCase: revokeShare,
    body: revokeShare.input.omit({ id: true }),
    responses: { 200: { description: 'Revoked', schema: done } },
    errors: [400, 403, 404, 409, 415],
  }),
  endpoint({
    method: 'get',
    path: '/shared',
    summary:
      'What a recipient (politie, halt_medewerker) sees: the active shares for its organisation addressed to it, newest first, each with purpose, agreement, school, expiry and the items’ payload (only the shared fields). Every look is logged.',
    useCase: listSharedRecords,
    responses: { 200: { description: 'The shared records', schema: z.strictObject({ items: z.array(sharedRecord) }) } },
    errors: [403],
  }),
  endpoint({
    method: 'get',
    path: '/shared/{id}',
    summary: 'One shared record; 404 when expired, revoked, not addressed to the caller, or unknown. Logged.',
    useCase: getSharedRecord,
    responses: { 200: { description: 'The shared record', schema: sharedRecord } },
    errors: [403, 404],
  }),
]
