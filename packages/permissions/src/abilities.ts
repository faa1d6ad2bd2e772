import { AbilityBuilder, createMongoAbility, subject, type ForcedSubject, type MongoAbility, type MongoQuery } from '@casl/ability'
import type { Role } from '@baken/db'

// Beyond CRUD, a step that is one role's own legal decision gets its own action, so that the role
// wall stays in this one table: 'approve' (the bevoegd gezag approves a sharing agreement),
// 'decide' (a decision on a measure or an objection; the bevoegd gezag's steps of the zeden route),
// 'handle' (a school's own step in a measure: the directeur and the IB hold the meeting, close it),
// 'inform' (recording that the parents were told of a measure; also the leerkracht who gave it),
// 'record' (adding a step to a reporting-duty case: its handler, or its opener their signals),
// 'open' (opening a record within one's usual scope, without a break-glass reason: privacy/access-log.ts).
export const ACTIONS = ['read', 'create', 'update', 'delete', 'approve', 'decide', 'handle', 'inform', 'record', 'open', 'manage'] as const
export type Action = (typeof ACTIONS)[number]

/** Subjects are named after domain records; conditions use their real (camelCase) column names. */
export const SUBJECTS = [
  'Stichting',
  'School',
  'Partner',
  'Membership',
  'ApiToken',
  'Group',
  'Student',
  'Guardian',
  'Incident',
  // The yearly overview and RI&E analysis of one school (no record of its own: checked by schoolId).
  'Overview',
  // Follow-up tasks on an incident (victim care, the school safety protocol §4).
  'IncidentTask',
  'IncidentCount',
  'Measure',
  // Queued and sent e-mail (the outbox); rows are scoped by RLS, the role decides.
  'Mail',
  // The school calendar: region holidays and each school's own days. RLS (0011) limits rows.
  'Calendar',
  // The measure rules per sector beside a school's own protocol (no record of its own).
  'Protocol',
  // Objections to a decided schorsing or verwijdering: the school and the board record them;
  // the bevoegd gezag decides (bezwaar.ts adds the mandate and Awb art. 10:3 lid 3 checks).
  'Bezwaar',
  // The board's oversight of all its schools: /bestuur and /api/v1/stichtingen/{id}/oversight.
  'Oversight',
  // A stichting's decision-letter templates, versioned; letters themselves follow 'Measure'.
  'LetterTemplate',
  // The stichting's choices where the law leaves room (stichting_settings: the vo age up to which the
  // parents also receive a decision). RLS (0013) lets only the bestuurder and the beheerder write.
  'LawSettings',
  // The bevoegd gezag's mandate to a school's directeur for schorsingen (school_mandates, Awb art.
  // 10:1–10:3): granted and withdrawn by the bestuurder only; RLS (0029) lets only him write.
  'Mandate',
  // Privacy and sharing: the access log (the FG reviews it), sharing agreements (Wpg art. 20), disclosures
  // ('Share', the school's side) and what a recipient sees of them ('SharedRecord', partner side),
  // data-subject requests, the student export, retention settings and purges, legal holds, and the
  // reporting-duty cases (zeden route, Meldcode). RLS (0019–0021) limits the rows.
  'AccessLog',
  'Agreement',
  'Share',
  'SharedRecord',
  'SubjectRequest',
  'StudentExport',
  'Retention',
  'LegalHold',
  'ReportCase',
  // The Halt spreekuur: a Halt referral as the school sees it ('Referral') and Halt's own case ('HaltCase').
  'Referral',
  'HaltCase',
  // The admin audit trail: every change to organisations, users, roles, memberships and links.
  // Read by the stichting's beheerder and privacyfunctionaris; the platform's own rows by the
  // platform_beheerder. Nobody edits it (RLS 0031: insert and read only).
  'AdminAudit',
  // Which of a stichting's roles must use a second factor (mfa_policies, ADR 024).
  'MfaPolicy',
  // Which schools (or whole stichtingen) a partner organisation works with (partner_links): the
  // sharing agreements build on them. The stichtingbeheerder links and unlinks (RLS 0032).
  'PartnerLink',
  // Accounts: users (listed through their memberships; deactivated and reactivated as a whole) and
  // invitations by e-mail. What role may be granted where is also enforced by RLS (0046,
  // ctx_may_grant: nobody grants a role above their own).
  'User',
  'Invitation',
  // The stichting's single sign-on provider (OpenID Connect) and its SSO-only setting: RLS (0039)
  // lets only the stichtingbeheerder, acting for the stichting, read or write it.
  'SsoProvider',
  // The family's portal (ADR 033): what the school released to it ('PortalItem': the directeur and
  // the IB release and withdraw; the family reads and gives its "voor gezien"), and which user is a
  // guardian of which pupil ('GuardianLink': the directeur and the IB invite and end links). RLS
  // (0058) holds the family to its own open links.
  'PortalItem',
  'GuardianLink',
  // The family's own view of the child's file: the released items, who received the data.
  'Portal',
  'all',
] as const
export type SubjectName = (typeof SUBJECTS)[number]

/** A record tagged with its subject type (CASL's `subject('Student', row)`). */
type Tagged<N> = N extends string ? ForcedSubject<N> & Record<string, unknown> : never
export type SubjectRecord = Tagged<Exclude<SubjectName, 'all'>>
export type AppAbility = MongoAbility<[Action, SubjectName | SubjectRecord], MongoQuery>

/** Tags a plain record with its subject type, for checks on one record (`ability.can('read', record(...))`). */
export function record(type: Exclude<SubjectName, 'all'>, fields: Record<string, unknown>): SubjectRecord {
  return subject(type, { ...fields }) as unknown as SubjectRecord
}

/** What the server knows about the caller when it builds their abilities. */
export interface AbilityContext {
  userId: string
  role: Role
  stichtingId: string | null
  schoolId: string | null
  partnerId: string | null
}

// The roles held in a stichting as a whole and in one school (as STICHTING_ROLES and SCHOOL_ROLES in
// the schema; repeated here so the permission table needs no database code).
const STICHTING_ROLES: Role[] = ['bestuurder', 'stichtingbeheerder', 'privacyfunctionaris']
const SCHOOL_ROLES: Role[] = ['directeur', 'intern_begeleider', 'leerkracht', 'vertrouwenspersoon']

type Builder = Pick<AbilityBuilder<AppAbility>, 'can' | 'cannot'>

/** Every role can see and manage its own memberships and API tokens. */
function own(ctx: AbilityContext, { can }: Builder) {
  can('read', 'Membership', { userId: ctx.userId })
  can('manage', 'ApiToken', { userId: ctx.userId })
}

/** School staff: their own school and its students and groups (the RLS wall already limits rows). */
function schoolStaff(ctx: AbilityContext, { can }: Builder) {
  can('read', 'School', { id: ctx.schoolId })
  can('read', 'Group', { schoolId: ctx.schoolId })
  can('read', 'Student', { schoolId: ctx.schoolId })
  // School days are counted on the calendar (RLS shows the region rows and the own school's rows).
  can('read', 'Calendar', { stichtingId: ctx.stichtingId })
  // Letters are made at the school from the stichting's templates.
  can('read', 'LetterTemplate', { stichtingId: ctx.stichtingId })
  // Opening an incident needs no break-glass reason unless it is confidential; one's own report, never.
  can('open', 'Incident', { confidential: false })
  can('open', 'Incident', { reportedById: ctx.userId })
}

/**
 * The school's side of the family's portal (ADR 033): only a school lead decides what the family
 * sees. The directeur and the IB release an item (a redacted report), withdraw it, invite a
 * guardian or a pupil from 16, and end a link. Nothing reaches the portal by itself.
 */
function familyPortalLead(ctx: AbilityContext, { can }: Builder) {
  can(['read', 'create', 'update'], 'PortalItem', { schoolId: ctx.schoolId })
  can(['read', 'create', 'update'], 'GuardianLink', { schoolId: ctx.schoolId })
}

/**
 * A guardian, or a pupil of 16 or older for themselves (AVG art. 8, UAVG art. 5): the items
 * released about their own child, their "voor gezien" ('record'), who received the child's data,
 * AVG requests (art. 15–21) and a bezwaar on a released decision letter into the school's
 * workflows. RLS (0058, 0059) limits every row to the open links of the user; the school is the
 * membership's.
 */
function family(ctx: AbilityContext, { can }: Builder) {
  can('read', 'Portal', { schoolId: ctx.schoolId })
  can(['read', 'record'], 'PortalItem', { schoolId: ctx.schoolId })
  can('read', 'GuardianLink', { userId: ctx.userId })
  can('create', 'SubjectRequest', { schoolId: ctx.schoolId })
  // A bezwaar against a released decision to suspend or remove (Awb art. 6:4), into the school's workflow.
  can('create', 'Bezwaar', { schoolId: ctx.schoolId })
}

/**
 * Follow-up tasks (victim care, the school safety protocol §4): the directeur and the IB plan them (create, reassign, move the due
 * date) and may complete any task of the school. The domain also requires that the task's incident
 * is readable (tasks.ts), and RLS hides tasks of incidents the caller cannot see (migration 0008).
 */
function followUpPlanner(ctx: AbilityContext, { can }: Builder) {
  can(['read', 'create', 'update'], 'IncidentTask', { schoolId: ctx.schoolId })
}

/**
 * Leerkracht and vertrouwenspersoon: read the tasks of incidents they may read (the domain joins the
 * incident's CASL clause) and update (complete) the tasks they own; an owner also sees their own task.
 */
function followUpOwner(ctx: AbilityContext, { can }: Builder) {
  can('read', 'IncidentTask', { schoolId: ctx.schoolId })
  can('update', 'IncidentTask', { ownerId: ctx.userId })
}

/**
 * What of a message the stichtingbeheerder may see: the envelope (to whom, subject, delivery status),
 * to look after delivery, but not the body, which can carry incident and measure content (the
 * beheerder sees no incident content). The directeur and the bestuurder read whole messages.
 */
export const MAIL_ENVELOPE_FIELDS = [
  'id',
  'stichtingId',
  'schoolId',
  'schoolName',
  'subjectRef',
  'toAddress',
  'subject',
  'status',
  'attempts',
  'createdAt',
  'nextAttemptAt',
  'sentAt',
  'providerMessageId',
  'lastError',
]

/** Fields of a bezwaar that record its course (the hearing); school staff and the board set them. */
export const BEZWAAR_RECORD_FIELDS = ['hearingOn']
/** Fields of a bezwaar that decide it: the bevoegd gezag's decision (Awb art. 7:11). */
export const BEZWAAR_DECISION_FIELDS = ['decidedOn', 'outcome', 'reasons']

/**
 * The role wall inside a tenant: what each role may do (the roles are described in docs/glossary.md).
 * Row scope (which stichting, which school) is Postgres RLS's job; these rules decide which kinds of
 * record a role may touch at all, with conditions on real columns as a second line.
 */
export const rolePermissions: Record<Role, (ctx: AbilityContext, builder: Builder) => void> = {
  bestuurder(ctx, { can }) {
    // Oversees all schools: counts of incidents per school, never their content.
    can('read', 'Stichting', { id: ctx.stichtingId })
    can('read', 'IncidentCount', { stichtingId: ctx.stichtingId })
    // Decision-letter templates of the stichting: reads them and adds versions.
    can(['read', 'create'], 'LetterTemplate', { stichtingId: ctx.stichtingId })
    // The bevoegd gezag makes the choices the law leaves to it.
    can(['read', 'update'], 'LawSettings', { stichtingId: ctx.stichtingId })
    // Only the bevoegd gezag mandates its directeuren (Awb art. 10:1), per school, and withdraws it.
    can('manage', 'Mandate', { stichtingId: ctx.stichtingId })
    // The measures the bevoegd gezag decides (schorsing, verwijdering: WPO art. 40/40c, WVO 2020 art.
    // 8.14–8.15, WEB art. 8.1.7c–d) or is told of (time-out: written notice under the school's protocol).
    can(['read', 'update'], 'Measure', { stichtingId: ctx.stichtingId, kind: { $in: ['time_out', 'schorsing', 'verwijdering'] } })
    // It decides a schorsing and a verwijdering in its own right (no mandate needed).
    can('decide', 'Measure', { stichtingId: ctx.stichtingId, kind: { $in: ['schorsing', 'verwijdering'] } })
    // Bezwaren against those decisions: records them and decides them (Awb art. 7:11); oversees all schools.
    can(['read', 'create', 'update'], 'Bezwaar', { stichtingId: ctx.stichtingId })
    can('decide', 'Bezwaar', { stichtingId: ctx.stichtingId })
    can('read', 'Oversight', { stichtingId: ctx.stichtingId })
    can('read', 'Protocol', { stichtingId: ctx.stichtingId })
    can('read', 'School', { stichtingId: ctx.stichtingId })
    can('read', 'Calendar', { stichtingId: ctx.stichtingId })
    can('read', 'Mail', { stichtingId: ctx.stichtingId })
    // The bevoegd gezag approves sharing agreements (Wpg art. 20 lid 2) and sees what its schools shared.
    can(['read', 'create', 'update', 'approve'], 'Agreement', { stichtingId: ctx.stichtingId })
    can('read', 'Share', { stichtingId: ctx.stichtingId })
    // A sexual offence by a staff member is reported to the board at once (RLS: zeden cases only);
    // the consultation with the vertrouwensinspecteur and the aangifte are the bevoegd gezag's (WPO art. 4a).
    can(['read', 'update', 'record', 'decide'], 'ReportCase', { stichtingId: ctx.stichtingId, kind: 'zedendelict_medewerker' })
  },
  stichtingbeheerder(ctx, { can }) {
    // Manages schools, users, calendars, templates and the stichting's settings; sees no pupil content.
    can(['read', 'create'], 'LetterTemplate', { stichtingId: ctx.stichtingId })
    can(['read', 'update'], 'LawSettings', { stichtingId: ctx.stichtingId })
    // Decides which roles must use a second factor.
    can(['read', 'update'], 'MfaPolicy', { stichtingId: ctx.stichtingId })
    // Sees the mandates beside the settings; granting one is the bevoegd gezag's own decision.
    can('read', 'Mandate', { stichtingId: ctx.stichtingId })
    can('read', 'Stichting', { id: ctx.stichtingId })
    can('read', 'School', { stichtingId: ctx.stichtingId })
    can('read', 'Group', { stichtingId: ctx.stichtingId })
    can('read', 'Membership', { stichtingId: ctx.stichtingId })
    can('read', 'Protocol', { stichtingId: ctx.stichtingId })
    // Keeps the school calendar: region holidays and each school's own days.
    can('manage', 'Calendar', { stichtingId: ctx.stichtingId })
    can('read', 'Mail', MAIL_ENVELOPE_FIELDS, { stichtingId: ctx.stichtingId })
    can('read', 'AdminAudit', { stichtingId: ctx.stichtingId })
    // Adds and edits the stichting's schools and their groups, and links partner organisations to
    // them (RLS 0032 pins the stichting); the roster import stays with the school leads.
    can(['create', 'update'], 'School', { stichtingId: ctx.stichtingId })
    can(['create', 'update'], 'Group', { stichtingId: ctx.stichtingId })
    can('read', 'Partner')
    can('manage', 'PartnerLink', { stichtingId: ctx.stichtingId })
    // Invites and manages the stichting's staff in the stichting and school roles, up to its own.
    can(['read', 'create', 'update'], 'Invitation', { stichtingId: ctx.stichtingId })
    can(['read', 'update'], 'User')
    can(['create', 'update', 'delete'], 'Membership', { stichtingId: ctx.stichtingId, role: { $in: [...STICHTING_ROLES, ...SCHOOL_ROLES] } })
    // Configures how the stichting's staff sign in: its own identity provider, SSO only or not.
    can('manage', 'SsoProvider', { stichtingId: ctx.stichtingId })
  },
  privacyfunctionaris(ctx, { can }) {
    // Sharing agreements, access log, data-subject requests; no pupil content by default.
    can('read', 'LetterTemplate', { stichtingId: ctx.stichtingId })
    can('read', 'Stichting', { id: ctx.stichtingId })
    can('read', 'Protocol', { stichtingId: ctx.stichtingId })
    can('read', 'School', { stichtingId: ctx.stichtingId })
    can('read', 'Calendar', { stichtingId: ctx.stichtingId })
    // Reviews the access log, drafts agreements, oversees and revokes shares, handles
    // data-subject requests, legal holds, retention and the purge.
    can('read', 'AccessLog', { stichtingId: ctx.stichtingId })
    can(['read', 'create', 'update'], 'Agreement', { stichtingId: ctx.stichtingId })
    can(['read', 'update'], 'Share', { stichtingId: ctx.stichtingId })
    can(['read', 'create', 'update'], 'SubjectRequest', { stichtingId: ctx.stichtingId })
    can(['read', 'create', 'update'], 'LegalHold', { stichtingId: ctx.stichtingId })
    can('manage', 'Retention', { stichtingId: ctx.stichtingId })
    can('read', 'AdminAudit', { stichtingId: ctx.stichtingId })
  },
  directeur(ctx, builder) {
    schoolStaff(ctx, builder)
    // Invites and manages the staff of its own school, in the school roles only.
    builder.can(['read', 'create', 'update'], 'Invitation', { schoolId: ctx.schoolId })
    builder.can(['read', 'update'], 'User')
    builder.can('read', 'Membership', { schoolId: ctx.schoolId })
    builder.can(['create', 'update', 'delete'], 'Membership', { schoolId: ctx.schoolId, role: { $in: [...SCHOOL_ROLES] } })
    // All incidents of the school; confidential ones too (RLS: directeur and vertrouwenspersoon).
    builder.can(['read', 'create', 'update'], 'Incident', { schoolId: ctx.schoolId })
    builder.can(['read', 'create', 'update'], 'Measure', { schoolId: ctx.schoolId })
    // Approves a time-out and tells the board of it in writing (protocol §3.3); handles the school's steps.
    builder.can(['approve', 'handle', 'inform'], 'Measure', { schoolId: ctx.schoolId })
    // Takes the bevoegd gezag's decision only under the school's mandate (Awb art. 10:1): the domain
    // marks the measure `mandated` when a mandate in force covers it (school_mandates, mandates.ts).
    builder.can('decide', 'Measure', { schoolId: ctx.schoolId, mandated: true })
    // Bezwaren: receipt and hearing; the decision only on a schorsing, and only under the stichting's
    // mandate of the school (school_mandates; the domain marks the bezwaar `mandated`) by a directeur
    // who did not take the schorsing decision (checked in bezwaar.ts).
    builder.can(['read', 'create'], 'Bezwaar', { schoolId: ctx.schoolId })
    builder.can('update', 'Bezwaar', BEZWAAR_RECORD_FIELDS, { schoolId: ctx.schoolId })
    builder.can('update', 'Bezwaar', BEZWAAR_DECISION_FIELDS, { schoolId: ctx.schoolId, measureKind: 'schorsing' })
    builder.can('decide', 'Bezwaar', { schoolId: ctx.schoolId, measureKind: 'schorsing', mandated: true })
    builder.can(['create', 'update'], 'Student', { schoolId: ctx.schoolId })
    builder.can('read', 'Guardian', { schoolId: ctx.schoolId })
    builder.can('read', 'Membership', { schoolId: ctx.schoolId })
    builder.can('read', 'Protocol', { schoolId: ctx.schoolId })
    builder.can('read', 'Overview', { schoolId: ctx.schoolId })
    builder.can('read', 'Mail', { schoolId: ctx.schoolId })
    followUpPlanner(ctx, builder)
    // Shares with partners under an approved agreement, the school's own agreements,
    // data-subject requests and the student export, legal holds, reporting duties.
    builder.can(['read', 'create'], 'Agreement', { schoolId: ctx.schoolId })
    builder.can(['read', 'create', 'update'], 'Share', { schoolId: ctx.schoolId })
    builder.can(['read', 'create', 'update'], 'SubjectRequest', { schoolId: ctx.schoolId })
    builder.can('create', 'StudentExport', { schoolId: ctx.schoolId })
    builder.can(['read', 'create', 'update'], 'LegalHold', { schoolId: ctx.schoolId })
    builder.can(['read', 'create', 'update', 'record'], 'ReportCase', { schoolId: ctx.schoolId, kind: 'meldcode' })
    builder.can('create', 'ReportCase', { schoolId: ctx.schoolId, kind: 'zedendelict_medewerker' })
    builder.can(['read', 'record'], 'ReportCase', { openedById: ctx.userId })
    builder.can(['read', 'create'], 'Referral', { schoolId: ctx.schoolId })
    familyPortalLead(ctx, builder)
    // Any pupil's dossier of the school, without a break-glass reason.
    builder.can('open', 'Student')
  },
  intern_begeleider(ctx, builder) {
    schoolStaff(ctx, builder)
    // All incidents of the school except confidential ones (RLS hides those; the rule says so too).
    builder.can('create', 'Incident', { schoolId: ctx.schoolId })
    builder.can(['read', 'update'], 'Incident', { schoolId: ctx.schoolId, confidential: false })
    builder.can(['read', 'create', 'update'], 'Measure', { schoolId: ctx.schoolId })
    builder.can(['handle', 'inform'], 'Measure', { schoolId: ctx.schoolId })
    // Bezwaren: receipt and hearing; never the decision.
    builder.can(['read', 'create'], 'Bezwaar', { schoolId: ctx.schoolId })
    builder.can('update', 'Bezwaar', BEZWAAR_RECORD_FIELDS, { schoolId: ctx.schoolId })
    builder.can(['create', 'update'], 'Student', { schoolId: ctx.schoolId })
    builder.can('read', 'Guardian', { schoolId: ctx.schoolId })
    // The IB keeps the yearly overview (the school safety protocol §3.1: "De intern begeleider houdt een
    // overzicht bij").
    builder.can('read', 'Overview', { schoolId: ctx.schoolId })
    builder.can('read', 'Protocol', { schoolId: ctx.schoolId })
    followUpPlanner(ctx, builder)
    // Sees and prepares shares (the directeur approves police shares: domain), the
    // Meldcode (the IB is often the aandachtsfunctionaris); Halt spreekuur referrals.
    builder.can('read', 'Agreement', { schoolId: ctx.schoolId })
    builder.can(['read', 'update'], 'Share', { schoolId: ctx.schoolId })
    builder.can(['read', 'create', 'update', 'record'], 'ReportCase', { schoolId: ctx.schoolId, kind: 'meldcode' })
    builder.can('create', 'ReportCase', { schoolId: ctx.schoolId, kind: 'zedendelict_medewerker' })
    builder.can(['read', 'record'], 'ReportCase', { openedById: ctx.userId })
    builder.can(['read', 'create'], 'Referral', { schoolId: ctx.schoolId })
    familyPortalLead(ctx, builder)
    builder.can('open', 'Student')
  },
  leerkracht(ctx, builder) {
    // Registers incidents about any pupil of the school, so may look pupils up by name and group.
    schoolStaff(ctx, builder)
    builder.can('create', 'Incident', { schoolId: ctx.schoolId })
    // Own reports, and incidents involving pupils of the groups they teach. The school is named too:
    // RLS holds the rows to it anyway, and the planner needs it to use the school's index
    // (docs/benchmark.md: 2.6 s → 0.14 s for a teacher's list at 1M incidents).
    builder.can(['read', 'update'], 'Incident', { reportedById: ctx.userId, schoolId: ctx.schoolId })
    builder.can('read', 'Incident', { involvesGroupTaughtBy: ctx.userId, schoolId: ctx.schoolId })
    // Gives an adempauze and requests a time-out (protocol §3.2–3.3); follows own measures.
    builder.can('create', 'Measure', { schoolId: ctx.schoolId, kind: { $in: ['adempauze', 'time_out'] } })
    builder.can(['read', 'update'], 'Measure', { proposedById: ctx.userId })
    // Tells the parents of the adempauze or time-out they gave (protocol §3.2–3.3).
    builder.can('inform', 'Measure', { proposedById: ctx.userId })
    followUpOwner(ctx, builder)
    // Any staff member reports (zeden route: informs the board at once; Meldcode: signals),
    // and follows what they opened; refers a student to the Halt spreekuur.
    builder.can('create', 'ReportCase', { schoolId: ctx.schoolId })
    builder.can(['read', 'record'], 'ReportCase', { openedById: ctx.userId })
    builder.can(['read', 'create'], 'Referral', { schoolId: ctx.schoolId })
    // The dossier of a pupil of a group they teach; any other pupil's only with a break-glass reason.
    builder.can('open', 'Student', { teacherIds: ctx.userId })
  },
  vertrouwenspersoon(ctx, builder) {
    schoolStaff(ctx, builder)
    // Confidential cases (RLS opens them to this role) and their own reports; nothing else.
    builder.can('create', 'Incident', { schoolId: ctx.schoolId })
    builder.can(['read', 'update'], 'Incident', { confidential: true, schoolId: ctx.schoolId })
    builder.can(['read', 'update'], 'Incident', { reportedById: ctx.userId, schoolId: ctx.schoolId })
    followUpOwner(ctx, builder)
    // Confidential reporting duties (zeden route with the board; Meldcode).
    builder.can(['read', 'create', 'update', 'record'], 'ReportCase', { schoolId: ctx.schoolId })
    // Confidential cases are this role's own work: opened without a break-glass reason, as are dossiers.
    builder.can('open', 'Incident')
    builder.can('open', 'Student')
  },
  halt_medewerker(ctx, { can }) {
    // Sees pupils only through referrals of linked schools: the shared facts and Halt's own case.
    can('read', 'Partner', { id: ctx.partnerId })
    can('read', 'School')
    can('read', 'Agreement', { partnerId: ctx.partnerId })
    can('read', 'SharedRecord', { partnerId: ctx.partnerId })
    can(['read', 'update'], 'HaltCase', { partnerId: ctx.partnerId })
    // Invites colleagues of the organisation, in this role only (RLS 0048, ctx_may_grant).
    can('create', 'Invitation', { partnerId: ctx.partnerId })
    can('create', 'Membership', { role: 'halt_medewerker', partnerId: ctx.partnerId, stichtingId: null })
  },
  politie(ctx, { can }) {
    // Sees only what a school shared with the unit, for the agreed purpose, until expiry (RLS 0020).
    can('read', 'Partner', { id: ctx.partnerId })
    can('read', 'School')
    can('read', 'Agreement', { partnerId: ctx.partnerId })
    can('read', 'SharedRecord', { partnerId: ctx.partnerId })
    // Invites colleagues of the organisation, in this role only (RLS 0048, ctx_may_grant).
    can('create', 'Invitation', { partnerId: ctx.partnerId })
    can('create', 'Membership', { role: 'politie', partnerId: ctx.partnerId, stichtingId: null })
  },
  ouder(ctx, builder) {
    family(ctx, builder)
  },
  leerling(ctx, builder) {
    family(ctx, builder)
  },
  platform_beheerder(_ctx, { can }) {
    // Operates tenants; sees no personal data.
    can('read', 'Stichting')
    can('read', 'School')
    can('read', 'AdminAudit', { stichtingId: null })
    // Creates stichtingen and suspends them, and creates partner organisations; reads counts of use
    // (platform_usage_counts, 0032), never names of pupils or users.
    can(['create', 'update'], 'Stichting')
    can(['read', 'create'], 'Partner')
    // Invites a new stichting's first stichtingbeheerder, and a partner organisation's first user
    // (RLS 0046: only while the stichting has no beheerder, the organisation no member).
    can('create', 'Invitation')
    can('create', 'Membership', { role: 'stichtingbeheerder', partnerId: null })
    can('create', 'Membership', { role: { $in: ['halt_medewerker', 'politie'] }, stichtingId: null })
  },
}

/**
 * The caller's ability. The rules are a function of the role and the context's ids alone, so each
 * distinct (role, user, stichting, school, partner) is built once per process and kept, with CASL's
 * own lazily built rule index (at most ABILITY_CACHE_SIZE, the least recently used leaving first).
 * An ability is never changed after it is built (no update()), which is what makes sharing it safe.
 */
export function defineAbilityFor(ctx: AbilityContext): AppAbility {
  const key = `${ctx.role}\u0000${ctx.userId}\u0000${ctx.stichtingId ?? ''}\u0000${ctx.schoolId ?? ''}\u0000${ctx.partnerId ?? ''}`
  const known = abilities.get(key)
  if (known) {
    abilities.delete(key)
    abilities.set(key, known)
    return known
  }
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility)
  own(ctx, builder)
  rolePermissions[ctx.role](ctx, builder)
  const ability = builder.build()
  abilities.set(key, ability)
  if (abilities.size > ABILITY_CACHE_SIZE) abilities.delete(abilities.keys().next().value!)
  return ability
}

const ABILITY_CACHE_SIZE = 2000
const abilities = new Map<string, AppAbility>()
