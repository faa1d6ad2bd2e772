// OpenAPI operations of tenant and organisation administration (merged into lib/openapi.ts): the
// platform's stichtingen and partner organisations, the stichting's schools, groups and partner
// links, and the admin audit trail. Paths are under /api/v1.
import {
  createGroup,
  createPartner,
  createSchool,
  createStichting,
  linkPartner,
  listAdminAudit,
  listPartnerLinks,
  listPartners,
  listSchoolGroups,
  listSchools,
  listStichtingen,
  setStichtingSuspension,
  unlinkPartner,
  updateSchool,
} from '@baken/domain'
import { schema } from '@baken/db'
import { z } from 'zod'
import { endpoint, type Endpoint } from './endpoint.ts'
import { WRITE_ERRORS } from './measures-extra.ts'

const stichting = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  kvkNumber: z.string().nullable(),
  bevoegdGezagNumber: z.string().nullable(),
  suspendedAt: z.string().nullable().describe('Set while the platform has suspended the stichting'),
  createdAt: z.string(),
})
const counts = z.strictObject({ schools: z.number().int(), users: z.number().int(), pupils: z.number().int(), incidents: z.number().int() })
const partner = z.strictObject({ id: z.uuid(), name: z.string(), kind: z.enum(schema.PARTNER_KINDS), createdAt: z.string() })
const school = z.strictObject({
  id: z.uuid(),
  stichtingId: z.uuid(),
  name: z.string(),
  brin: z.string(),
  sector: z.enum(schema.SECTORS),
  holidayRegion: z.enum(schema.REGIONS),
  street: z.string().nullable(),
  postcode: z.string().nullable(),
  place: z.string().nullable(),
})
const group = z.strictObject({ id: z.uuid(), schoolId: z.uuid(), schoolYear: z.string(), name: z.string() })
const link = z.strictObject({
  id: z.uuid(),
  partnerId: z.uuid(),
  partnerName: z.string(),
  partnerKind: z.enum(schema.PARTNER_KINDS).optional(),
  stichtingId: z.uuid().optional(),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable().optional(),
  createdAt: z.string().optional(),
})
const auditItem = z.strictObject({
  id: z.uuid(),
  at: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.uuid().nullable(),
  before: z.unknown(),
  after: z.unknown(),
})
const READ_ERRORS = [403] as const

export const adminEndpoints: Endpoint[] = [
  endpoint({
    method: 'get',
    path: '/platform/stichtingen',
    summary: 'Every stichting with counts of use this schooljaar (schools, users, pupils, incidents), never names (the platform_beheerder)',
    useCase: listStichtingen,
    responses: { 200: { description: 'The stichtingen', schema: z.strictObject({ schoolYear: z.string(), items: z.array(stichting.extend({ counts })) }) } },
    errors: READ_ERRORS,
  }),
  endpoint({
    method: 'post',
    path: '/platform/stichtingen',
    summary: 'Create a stichting: {name, kvkNumber (8 digits), bevoegdGezagNumber (DUO, 5 digits)}; 409 when either number is taken',
    useCase: createStichting,
    responses: { 201: { description: 'The new stichting', schema: stichting } },
    errors: WRITE_ERRORS,
  }),
  endpoint({
    method: 'patch',
    path: '/platform/stichtingen/{id}',
    summary:
      'Suspend a stichting or lift the suspension: {suspended: true|false} (while suspended its members’ sessions and tokens answer 403 with code tenant_suspended); ' +
      'or correct its data: any of {name, kvkNumber, bevoegdGezagNumber}, written to the admin audit trail before → after (409 when a number is taken). Not both in one request',
    useCase: setStichtingSuspension,
    body: z.union([
      z.strictObject({ suspended: z.boolean() }),
      z.strictObject({ name: z.string().optional(), kvkNumber: z.string().optional(), bevoegdGezagNumber: z.string().optional() }),
    ]),
    responses: { 200: { description: 'The stichting', schema: stichting } },
    errors: WRITE_ERRORS,
  }),
  endpoint({
    method: 'get',
    path: '/platform/partners',
    summary: 'Partner organisations (name, kind): all for the platform_beheerder and the stichtingbeheerder, its own for a partner’s staff',
    useCase: listPartners,
    responses: { 200: { description: 'The partner organisations', schema: z.strictObject({ items: z.array(partner) }) } },
    errors: READ_ERRORS,
  }),
  endpoint({
    method: 'post',
    path: '/platform/partners',
    summary: 'Create a partner organisation: {name, kind} (the platform_beheerder)',
    useCase: createPartner,
    responses: { 201: { description: 'The new partner organisation', schema: partner } },
    errors: WRITE_ERRORS,
  }),
  endpoint({
    method: 'get',
    path: '/admin/schools',
    summary: 'The stichting’s schools (the stichtingbeheerder)',
    useCase: listSchools,
    responses: { 200: { description: 'The schools', schema: z.strictObject({ items: z.array(school) }) } },
    errors: READ_ERRORS,
  }),
  endpoint({
    method: 'post',
    path: '/admin/schools',
    summary: 'Add a school: {name, brin (2 digits + 2 letters), sector, holidayRegion, street, postcode (1234 AB), place}; 409 on brin when the code is in use',
    useCase: createSchool,
    responses: { 201: { description: 'The new school', schema: school } },
    errors: WRITE_ERRORS,
  }),
  endpoint({
    method: 'put',
    path: '/admin/schools/{id}',
    summary: 'Edit a school: all fields as on POST',
    useCase: updateSchool,
    body: createSchool.input,
    responses: { 200: { description: 'The school', schema: school } },
    errors: WRITE_ERRORS,
  }),
  endpoint({
    method: 'get',
    path: '/admin/groups',
    summary: 'One school’s groups per schooljaar, and the schooljaren that exist',
    useCase: listSchoolGroups,
    query: z.object({ schoolId: z.uuid() }),
    responses: {
      200: {
        description: 'The groups',
        schema: z.strictObject({
          school: z.strictObject({ id: z.uuid(), name: z.string() }),
          schoolYears: z.array(z.string()),
          items: z.array(z.strictObject({ id: z.uuid(), name: z.string(), schoolYear: z.string() })),
        }),
      },
    },
    errors: [400, 403, 404],
  }),
  endpoint({
    method: 'post',
    path: '/admin/groups',
    summary: 'Add a group: {schoolId, schoolYear (2026-2027), name}; 409 when the school has that name in that year',
    useCase: createGroup,
    responses: { 201: { description: 'The new group', schema: group } },
    errors: WRITE_ERRORS,
  }),
  endpoint({
    method: 'get',
    path: '/admin/partner-links',
    summary: 'Which partner organisations work with which schools of the stichting (schoolId null: the whole stichting)',
    useCase: listPartnerLinks,
    responses: { 200: { description: 'The links', schema: z.strictObject({ items: z.array(link) }) } },
    errors: READ_ERRORS,
  }),
  endpoint({
    method: 'post',
    path: '/admin/partner-links',
    summary: 'Link a partner organisation: {partnerId, schoolId? (absent: the whole stichting)}; 409 when already linked',
    useCase: linkPartner,
    responses: { 201: { description: 'The new link', schema: link } },
    errors: WRITE_ERRORS,
  }),
  endpoint({
    method: 'delete',
    path: '/admin/partner-links/{id}',
    summary: 'End a partner link',
    useCase: unlinkPartner,
    body: null,
    responses: { 204: { description: 'Unlinked' } },
    errors: [403, 404, 405],
  }),
  endpoint({
    method: 'get',
    path: '/admin/audit',
    summary: 'The admin audit trail, newest first, 50 a page: who changed which organisation, user, role, membership or link, when, before → after (the stichtingbeheerder and the privacyfunctionaris; the platform’s own rows for the platform_beheerder)',
    useCase: listAdminAudit,
    query: z.object({ page: z.coerce.number().int().min(1).optional(), subjectType: z.string().optional(), subjectId: z.uuid().optional() }),
    responses: { 200: { description: 'One page', schema: z.strictObject({ items: z.array(auditItem), page: z.number().int(), hasMore: z.boolean() }) } },
    errors: [400, 403],
  }),
]
