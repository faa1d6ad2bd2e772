// OpenAPI operations of the parents' portal (ADR 033; merged into lib/openapi.ts). The /portal
// paths answer only a family membership (ouder, leerling); staff get 404 there, as the family does
// on every staff path. The release, the invitation and the end of a link are the school's.
import { acknowledgePortalItem, endGuardianLink, filePortalBezwaar, getPortalLetterPdf, inviteGuardian, listMeasureAcknowledgements, listChildShares, listPortal, readPortalItem, releaseIncidentReport, releaseMeasureLetter, recordMeasureAcknowledgement, releaseMeasureReport, releaseStudentFile, submitPortalRequest } from '@baken/domain'
import { z } from 'zod'
import { endpoint, type Endpoint } from './endpoint.ts'

const instant = z.iso.datetime()
const day = z.iso.date()

const child = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  groupName: z.string().nullable(),
  schoolName: z.string(),
  kind: z.enum(['ouder', 'leerling']).meta({ description: 'How the caller is linked: as a guardian, or as the pupil (from 16)' }),
  rightsHolder: z.enum(['ouders', 'leerling']).meta({ description: 'Who exercises the pupil’s AVG rights today (AVG art. 8, UAVG art. 5)' }),
  dateOfBirth: day,
})

const report = z.looseObject({
  schoolName: z.string(),
  occurredAt: instant,
  situation: z.string(),
  persons: z.array(z.strictObject({ role: z.string(), who: z.string().meta({ description: 'The own child by name; every other pupil as "leerling A", "leerling B", …' }), injury: z.string().nullable(), outcome: z.string().nullable() })),
  pupil: z.strictObject({ name: z.string(), groupName: z.string().nullable() }),
})

export const portalEndpoints: Endpoint[] = [
  endpoint({
    method: 'get',
    path: '/portal',
    summary: 'The family’s portal: the linked children, the items the school released about them (newest first, with the caller’s "voor gezien"), and the caller’s AVG requests',
    useCase: listPortal,
    responses: {
      200: {
        description: 'The portal',
        schema: z.strictObject({
          children: z.array(child),
          items: z.array(z.strictObject({ id: z.uuid(), studentId: z.uuid(), kind: z.string(), title: z.string(), releasedAt: instant, occurredAt: instant.nullable(), acknowledgedAt: instant.nullable() })),
          requests: z.array(z.strictObject({ id: z.uuid(), studentId: z.uuid(), kind: z.string(), receivedOn: day, dueOn: day, status: z.string() })),
        }),
      },
    },
    errors: [403, 404],
  }),
  endpoint({
    method: 'get',
    path: '/portal/items/{id}',
    summary: 'One released report as the family reads it (redacted at release), with the caller’s own acknowledgements; 404 for another child’s, a withdrawn one, or an ended link',
    useCase: readPortalItem,
    responses: {
      200: {
        description: 'The item',
        schema: z.strictObject({
          item: z.strictObject({
            id: z.uuid(),
            studentId: z.uuid(),
            kind: z.string(),
            title: z.string(),
            releasedAt: instant,
            report: report.nullable(),
            file: z.looseObject({ incidents: z.array(z.unknown()), measures: z.array(z.unknown()), referrals: z.array(z.unknown()), shares: z.array(z.unknown()) }).nullable().meta({ description: 'The pupil’s file as the AVG export builds it, without staff names' }),
            letter: z
              .looseObject({ measureKind: z.string(), letterKind: z.string(), letterLabel: z.string(), decisionSentOn: day, objectable: z.boolean() })
              .nullable()
              .meta({ description: 'A decision letter as sent (the PDF at /portal/items/{id}/pdf); objectable: a bezwaar can be filed on it' }),
            measureReport: z
              .looseObject({ measureKind: z.string(), state: z.string(), reasons: z.string(), steps: z.array(z.strictObject({ at: instant, label: z.string() })) })
              .nullable()
              .meta({ description: 'The report of a time-out or schorsing: reasons with other pupils and staff redacted, steps without who took them' }),
          }),
          acknowledgements: z.array(z.strictObject({ id: z.uuid(), acknowledgedOn: day, recordedAt: instant, reaction: z.string().nullable(), method: z.string() })),
          bezwaren: z.array(z.strictObject({ id: z.uuid(), receivedOn: day, state: z.string(), decisionDueOn: day, late: z.boolean() })).meta({ description: 'The caller’s bezwaren on this decision letter' }),
        }),
      },
    },
    errors: [403, 404],
  }),
  endpoint({
    method: 'post',
    path: '/portal/items/{id}/acknowledgements',
    summary: '"Voor gezien", given digitally, with an optional reaction the school reads; append-only (the school safety protocol §3.1)',
    useCase: acknowledgePortalItem,
    body: acknowledgePortalItem.input.omit({ id: true }),
    responses: { 201: { description: 'Recorded', schema: z.strictObject({ id: z.uuid() }) } },
    errors: [400, 403, 404, 409, 415],
  }),
  endpoint({
    method: 'get',
    path: '/portal/items/{id}/pdf',
    summary: 'A released decision letter as PDF, as sent; 404 for another child’s, a withdrawn one, or another kind',
    useCase: getPortalLetterPdf,
    responses: { 200: { description: 'The letter', mediaType: 'application/pdf' } },
    errors: [403, 404],
  }),
  endpoint({
    method: 'post',
    path: '/portal/items/{id}/bezwaren',
    summary: 'A bezwaar against the released decision to suspend or remove (Awb art. 6:4), with its grounds (art. 6:5): received today, into the school’s bezwaar workflow with the decision deadline it computes; after the six weeks only with a reason (Awb art. 6:11); 409 while one runs or on another kind of item',
    useCase: filePortalBezwaar,
    body: filePortalBezwaar.input.omit({ id: true }),
    responses: { 201: { description: 'Received', schema: z.strictObject({ id: z.uuid(), receivedOn: day, objectionDeadline: day, decisionDueOn: day, late: z.boolean(), decisionTerm: z.looseObject({}) }) } },
    errors: [400, 403, 404, 409, 415],
  }),
  endpoint({
    method: 'post',
    path: '/measures/{id}/portal-letter',
    summary: 'Release the measure’s decision letter (latest version, as sent) to the portal (directeur, IB); the guardians get a mail without content; 409 before a decision or a letter, or for a second live release',
    useCase: releaseMeasureLetter,
    body: null,
    responses: { 201: { description: 'Released', schema: z.strictObject({ id: z.uuid(), notified: z.number().int() }) } },
    errors: [403, 404, 409],
  }),
  endpoint({
    method: 'get',
    path: '/measures/{id}/acknowledgements',
    summary: '"Voor gezien" on the measure’s released decision letter and report, with the guardians’ reactions, oldest first; and the items released for the measure',
    useCase: listMeasureAcknowledgements,
    responses: {
      200: {
        description: 'Oldest first',
        schema: z.strictObject({
          items: z.array(
            z.strictObject({
              id: z.uuid(),
              portalItemId: z.uuid().nullable(),
              kind: z.string().nullable(),
              guardianName: z.string(),
              acknowledgedOn: day,
              method: z.string(),
              reaction: z.string().nullable(),
              recordedAt: instant,
            }),
          ),
          released: z.array(z.strictObject({ id: z.uuid(), kind: z.string(), releasedAt: instant, withdrawnAt: instant.nullable() })),
        }),
      },
    },
    errors: [403, 404],
  }),
  endpoint({
    method: 'post',
    path: '/measures/{id}/acknowledgements',
    summary: 'Record a paper, at-school or spoken "voor gezien" on an item released for the measure (whoever may update the measure; never "digitaal", the family’s own); dated between the release and today',
    useCase: recordMeasureAcknowledgement,
    body: recordMeasureAcknowledgement.input.omit({ id: true }),
    responses: { 201: { description: 'Recorded', schema: z.strictObject({ id: z.uuid() }) } },
    errors: [400, 403, 404, 415],
  }),
  endpoint({
    method: 'post',
    path: '/measures/{id}/portal-report',
    summary: 'Release the report of a time-out or schorsing (reasons redacted, steps without names) to the portal for "voor gezien" (directeur, IB); 409 before the talk with the parents or for a second live release',
    useCase: releaseMeasureReport,
    body: null,
    responses: { 201: { description: 'Released', schema: z.strictObject({ id: z.uuid(), notified: z.number().int() }) } },
    errors: [403, 404, 409],
  }),
  endpoint({
    method: 'get',
    path: '/portal/students/{id}/shares',
    summary: 'Who received the child’s data (every share naming it: recipient, purpose, legal basis, fields, until when) and which organisations looked at it per month, without staff names (AVG art. 15 lid 1 c)',
    useCase: listChildShares,
    responses: {
      200: {
        description: 'Shares and viewers',
        schema: z.strictObject({
          child,
          shares: z.array(z.strictObject({ id: z.uuid(), recipient: z.string(), purpose: z.string(), legalBasis: z.string(), fields: z.array(z.string()), sharedAt: instant, expiresAt: instant, revokedAt: instant.nullable(), origin: z.string() })),
          viewers: z.array(z.strictObject({ organisation: z.string(), kind: z.enum(['school', 'stichting', 'partner']), month: z.string(), views: z.number().int() })),
        }),
      },
    },
    errors: [403, 404],
  }),
  endpoint({
    method: 'post',
    path: '/portal/requests',
    summary: 'An AVG request (inzage, rectificatie, beperking, bezwaar) about the own child, received today, due one month later (AVG art. 12 lid 3); the requester follows the link and the pupil’s age (AVG art. 8, UAVG art. 5)',
    useCase: submitPortalRequest,
    responses: { 201: { description: 'Filed', schema: z.strictObject({ id: z.uuid(), dueOn: day }) } },
    errors: [400, 403, 404, 415],
  }),
  endpoint({
    method: 'post',
    path: '/incidents/{id}/participants/{studentId}/release',
    summary: 'Release this pupil’s redacted parents’ report of a zeer ernstig incident to the portal (directeur, IB); a confidential one needs releaseReason (AVG art. 23, UAVG art. 41) besides the break-glass reason; the guardians get a mail without content; 409 for another severity or a second live release',
    useCase: releaseIncidentReport,
    body: releaseIncidentReport.input.pick({ releaseReason: true }),
    responses: { 201: { description: 'Released', schema: z.strictObject({ id: z.uuid(), notified: z.number().int() }) } },
    errors: [403, 404, 409],
  }),
  endpoint({
    method: 'post',
    path: '/students/{id}/portal-file',
    summary: 'Release the pupil’s file (as the AVG export builds it, without staff names; Halt status, never Halt’s notes) to the portal as an inzage (directeur)',
    useCase: releaseStudentFile,
    body: null,
    responses: { 201: { description: 'Released', schema: z.strictObject({ id: z.uuid(), notified: z.number().int() }) } },
    errors: [403, 404],
  }),
  endpoint({
    method: 'post',
    path: '/students/{id}/guardian-invitations',
    summary: 'Invite a guardian from the roster ({kind: "ouder", guardianId}) or the pupil from 16 ({kind: "leerling", email}) to the portal: single use, 72 hours, through the outbox (directeur, IB)',
    useCase: inviteGuardian,
    responses: { 201: { description: 'Invited', schema: z.strictObject({ id: z.uuid(), email: z.string(), expiresAt: instant }) } },
    errors: [400, 403, 404, 409, 415],
  }),
  endpoint({
    method: 'post',
    path: '/guardian-links/{id}/end',
    summary: 'End a guardian’s link to a pupil (custody change, pupil left): access ends at once (directeur, IB)',
    useCase: endGuardianLink,
    body: endGuardianLink.input.omit({ id: true }),
    responses: { 200: { description: 'Ended', schema: z.strictObject({ id: z.uuid() }) } },
    errors: [400, 403, 404, 415],
  }),
]
