// Halt's side of the spreekuur (Halt's spreekuur leaflet): the queue of referrals from linked schools, the
// decision, appointments and attendance, the trajectory's components, a JIM, restorative steps,
// Halt's own notes, and closing with an outcome and a report of only the agreed fields, mailed to
// the school. Halt sees what the school shared (the share items' payload), never incidents or
// students: RLS gives a halt_medewerker no row of either (0005, 0020, 0022).
import { schema, type TenantContext, type Tx } from '@baken/db'
import { enqueueMail } from '@baken/email'
import { accessibleWhere, type AppAbility } from '@baken/permissions'
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import { recordAccess } from '../privacy/access-log.ts'
import { localDate } from '../dates.ts'
import { namesInSharePayload } from '@baken/db/pseudonyms'
import { projectPayload } from '../sharing/create-share.ts'
import {
  HALT_APPOINTMENT_KINDS,
  HALT_ATTENDANCE,
  HALT_COMPONENT_LABELS,
  HALT_OUTCOME_LABELS,
  HALT_REPORT_FIELD_LABELS,
  HALT_RESTORATIVE_LABELS,
  haltIsoDate,
  optionalText,
  statusRefusal,
  zodFailure,
  type HaltComponent,
  type HaltFailure,
  type HaltOutcome,
  type HaltReportField,
  type HaltRestorativeKind,
  type HaltStatus,
} from './common.ts'
import { parseDateTime, textInput, yesNo } from '../input-rules.ts'

type R = typeof schema.haltReferrals
type Referral = R['$inferSelect']
export type HaltOk<T extends object = object> = { ok: true } & T

const OPEN: HaltStatus[] = ['geaccepteerd', 'intake_gepland', 'lopend']

function haltWhere(ability: AppAbility, action: 'read' | 'update') {
  return accessibleWhere(ability, action, 'HaltCase', { partnerId: schema.haltReferrals.partnerId })
}

/** The referral as Halt may handle it, or null (answered as 404). */
export async function loadHaltReferral(tx: Tx, ability: AppAbility, id: string, action: 'read' | 'update' = 'read', lock = false): Promise<Referral | null> {
  if (!z.uuid().safeParse(id).success || !ability.can(action, 'HaltCase')) return null
  const q = tx
    .select()
    .from(schema.haltReferrals)
    .where(and(eq(schema.haltReferrals.id, id), haltWhere(ability, action)))
  const [row] = lock ? await q.for('update') : await q
  return row ?? null
}

/** Schools linked to the caller's Halt region (partner_links; a stichting-wide link covers all its schools). */
export async function linkedSchools(tx: Tx, ctx: TenantContext): Promise<{ id: string; name: string; stichtingId: string }[]> {
  if (!ctx.partnerId) return []
  return tx
    .selectDistinct({ id: schema.schools.id, name: schema.schools.name, stichtingId: schema.schools.stichtingId })
    .from(schema.partnerLinks)
    .innerJoin(
      schema.schools,
      and(
        eq(schema.schools.stichtingId, schema.partnerLinks.stichtingId),
        or(isNull(schema.partnerLinks.schoolId), eq(schema.partnerLinks.schoolId, schema.schools.id)),
      ),
    )
    .where(eq(schema.partnerLinks.partnerId, ctx.partnerId))
    .orderBy(asc(schema.schools.name))
}

// ---- the queue ----

export const haltQueueInput = z.object({
  schoolId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('Ongeldige school').optional()),
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(schema.HALT_REFERRAL_STATUSES, { message: 'Onbekende status' }).optional()),
  type: z.preprocess((v) => (v === '' ? undefined : v), z.enum(schema.HALT_INCIDENT_TYPES, { message: 'Onbekend type' }).optional()),
})

export interface HaltQueueItem {
  id: string
  schoolId: string
  schoolName: string
  status: string
  incidentTypes: string[]
  reason: string
  createdAt: string
  intakeAt: string | null
  closedAt: string | null
  outcome: string | null
  /**
   * The referred student as the school shared her name (a name field of her role chosen), else null.
   * The share names no other pupil (ADR 013), so this is never anyone else.
   */
  studentLabel: string | null
}

/** Halt's queue: referrals of linked schools to the caller's region, newest first. */
export async function haltQueue(tx: Tx, ability: AppAbility, ctx: TenantContext, raw: unknown = {}): Promise<HaltQueueItem[]> {
  if (!ability.can('read', 'HaltCase') || !ctx.partnerId) return []
  const input = haltQueueInput.parse(raw)
  const r = schema.haltReferrals
  const rows = await tx
    .select({
      id: r.id,
      schoolId: r.schoolId,
      schoolName: schema.schools.name,
      status: r.status,
      incidentTypes: r.incidentTypes,
      reason: r.reason,
      createdAt: r.createdAt,
      intakeAt: r.intakeAt,
      closedAt: r.closedAt,
      outcome: r.outcome,
      shareId: r.shareId,
      shareFields: schema.shares.fields,
    })
    .from(r)
    .innerJoin(schema.schools, eq(schema.schools.id, r.schoolId))
    // An expired or revoked share is invisible to Halt (RLS): the case stays, without a name.
    .leftJoin(schema.shares, eq(schema.shares.id, r.shareId))
    .where(
      and(
        haltWhere(ability, 'read'),
        input.schoolId ? eq(r.schoolId, input.schoolId) : undefined,
        input.status ? eq(r.status, input.status) : undefined,
        input.type ? sql`${input.type} = any(${r.incidentTypes})` : undefined,
      ),
    )
    .orderBy(desc(r.createdAt))
  const labels = await studentLabels(
    tx,
    rows.flatMap((x) => (x.shareFields ? [{ shareId: x.shareId, fields: x.shareFields }] : [])),
  )
  return rows.map(({ shareId, shareFields: _fields, ...x }) => ({
    ...x,
    createdAt: x.createdAt.toISOString(),
    intakeAt: x.intakeAt?.toISOString() ?? null,
    closedAt: x.closedAt?.toISOString() ?? null,
    studentLabel: labels.get(shareId) ?? null,
  }))
}

/** The name the share discloses for the referred student, per share (null: no name shared). */
async function studentLabels(tx: Tx, shares: { shareId: string; fields: readonly string[] }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (!shares.length) return out
  const fieldsOf = new Map(shares.map((x) => [x.shareId, x.fields]))
  const items = await tx
    .select({ shareId: schema.shareItems.shareId, payload: schema.shareItems.payload })
    .from(schema.shareItems)
    .where(inArray(schema.shareItems.shareId, [...fieldsOf.keys()]))
  const names = new Map<string, Set<string>>()
  for (const it of items) {
    const set = names.get(it.shareId) ?? new Set<string>()
    for (const n of namesInSharePayload(projectPayload(it.payload, fieldsOf.get(it.shareId) ?? []))) set.add(n)
    names.set(it.shareId, set)
  }
  for (const [shareId, set] of names) if (set.size) out.set(shareId, [...set].join(', '))
  return out
}

// ---- the case ----

export interface HaltCase {
  id: string
  status: string
  schoolId: string
  schoolName: string
  stichtingId: string
  reason: string
  incidentTypes: string[]
  schoolActions: string
  contactName: string
  contactEmail: string
  contactPhone: string | null
  studentConsentOn: string
  parentConsentOn: string | null
  reportFields: string[]
  createdAt: string
  decidedAt: string | null
  declineReason: string | null
  intakeAt: string | null
  outcome: string | null
  outcomeReason: string | null
  closingReport: Record<string, unknown> | null
  closedAt: string | null
  /** The referred student as the share names her (null: no name shared, or the share ended). */
  studentLabel: string | null
  /** What the school shared: the share's fields and, per incident, the minimised payload. */
  sharedFields: string[]
  shareExpiresAt: string | null
  facts: unknown[]
  appointments: { id: string; kind: string; startsAt: string; attendance: string; slotId: string | null }[]
  components: { component: string; done: boolean; note: string | null; updatedAt: string }[]
  jims: { id: string; name: string; relation: string; contact: string; agreements: string }[]
  restorativeSteps: { id: string; kind: string; on: string; note: string | null }[]
  notes: { id: string; body: string; at: string; byName: string }[]
  slots: { id: string; location: string; weekday: number; startsAt: string; endsAt: string }[]
}

/** Halt's case, logged as a read of the referral (in the stichting's chain). Null when not visible. */
export async function getHaltCase(tx: Tx, ability: AppAbility, ctx: TenantContext, id: string): Promise<HaltCase | null> {
  const r = await loadHaltReferral(tx, ability, id, 'read')
  if (!r) return null
  const [school] = await tx.select({ name: schema.schools.name }).from(schema.schools).where(eq(schema.schools.id, r.schoolId))
  const [share] = await tx
    .select({ fields: schema.shares.fields, expiresAt: schema.shares.expiresAt })
    .from(schema.shares)
    .where(eq(schema.shares.id, r.shareId))
  const items = await tx.select({ payload: schema.shareItems.payload }).from(schema.shareItems).where(eq(schema.shareItems.shareId, r.shareId))
  const appointments = await tx
    .select()
    .from(schema.haltAppointments)
    .where(eq(schema.haltAppointments.referralId, r.id))
    .orderBy(asc(schema.haltAppointments.startsAt))
  const components = await tx.select().from(schema.haltComponents).where(eq(schema.haltComponents.referralId, r.id))
  const jims = await tx.select().from(schema.haltJims).where(eq(schema.haltJims.referralId, r.id)).orderBy(asc(schema.haltJims.createdAt))
  const steps = await tx
    .select()
    .from(schema.haltRestorativeSteps)
    .where(eq(schema.haltRestorativeSteps.referralId, r.id))
    .orderBy(asc(schema.haltRestorativeSteps.on))
  const notes = await tx
    .select({ id: schema.haltNotes.id, body: schema.haltNotes.body, at: schema.haltNotes.at, byName: schema.users.name })
    .from(schema.haltNotes)
    .innerJoin(schema.users, eq(schema.users.id, schema.haltNotes.byId))
    .where(eq(schema.haltNotes.referralId, r.id))
    .orderBy(asc(schema.haltNotes.at))
  const slots = await tx
    .select()
    .from(schema.haltSlots)
    .where(eq(schema.haltSlots.schoolId, r.schoolId))
    .orderBy(asc(schema.haltSlots.weekday), asc(schema.haltSlots.startsAt))
  await recordAccess(tx, ctx, {
    subjectType: 'referral',
    subjectId: r.id,
    studentId: r.studentId,
    schoolId: r.schoolId,
    stichtingId: r.stichtingId,
    reason: 'Halt-spreekuur',
  })
  const order = new Map(schema.HALT_COMPONENTS.map((c, i) => [c as string, i]))
  // Only the share's fields, even if a payload held more (second line of defence).
  const facts = items.map((i) => projectPayload(i.payload, share?.fields ?? []))
  return {
    id: r.id,
    status: r.status,
    schoolId: r.schoolId,
    schoolName: school?.name ?? '',
    stichtingId: r.stichtingId,
    reason: r.reason,
    incidentTypes: r.incidentTypes,
    schoolActions: r.schoolActions,
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    contactPhone: r.contactPhone,
    studentConsentOn: r.studentConsentOn,
    parentConsentOn: r.parentConsentOn,
    reportFields: r.reportFields,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    declineReason: r.declineReason,
    intakeAt: r.intakeAt?.toISOString() ?? null,
    outcome: r.outcome,
    outcomeReason: r.outcomeReason,
    closingReport: (r.closingReport as Record<string, unknown> | null) ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    studentLabel: [...new Set(facts.flatMap(namesInSharePayload))].join(', ') || null,
    sharedFields: share?.fields ?? [],
    shareExpiresAt: share?.expiresAt.toISOString() ?? null,
    facts,
    appointments: appointments.map((a) => ({ id: a.id, kind: a.kind, startsAt: a.startsAt.toISOString(), attendance: a.attendance, slotId: a.slotId })),
    components: components
      .map((c) => ({ component: c.component, done: c.done, note: c.note, updatedAt: c.updatedAt.toISOString() }))
      .sort((a, b) => (order.get(a.component) ?? 0) - (order.get(b.component) ?? 0)),
    jims: jims.map((j) => ({ id: j.id, name: j.name, relation: j.relation, contact: j.contact, agreements: j.agreements })),
    restorativeSteps: steps.map((s) => ({ id: s.id, kind: s.kind, on: s.on, note: s.note })),
    notes: notes.map((n) => ({ id: n.id, body: n.body, at: n.at.toISOString(), byName: n.byName })),
    slots: slots
      .filter((s) => s.partnerId === r.partnerId)
      .map((s) => ({ id: s.id, location: s.location, weekday: s.weekday, startsAt: s.startsAt, endsAt: s.endsAt })),
  }
}

// ---- writes ----

async function forUpdate(tx: Tx, ability: AppAbility, id: string, allowed: HaltStatus[] | 'any'): Promise<Referral | HaltFailure> {
  const r = await loadHaltReferral(tx, ability, id, 'update', true)
  if (!r) return statusRefusal(404, 'id', 'Verwijzing niet gevonden.')
  if (allowed !== 'any' && !allowed.includes(r.status as HaltStatus)) {
    const now = r.status === 'afgesloten' ? 'is al afgesloten' : r.status === 'afgewezen' ? 'is afgewezen' : r.status === 'aangemeld' ? 'is nog niet geaccepteerd' : `heeft status ${r.status}`
    return statusRefusal(409, 'status', `Dat kan niet: de verwijzing ${now}.`)
  }
  return r
}
const failed = (x: Referral | HaltFailure): x is HaltFailure => 'ok' in x && x.ok === false

export const decisionInput = z.object({
  decision: z.enum(['accept', 'decline'], { message: 'Kies accepteren of afwijzen' }),
  reason: optionalText(5000),
})

/** Accepts or declines a new referral; a decline needs a reason (it goes back to the school). */
export async function decideReferral(tx: Tx, ability: AppAbility, ctx: TenantContext, id: string, raw: unknown): Promise<HaltOk<{ id: string; status: string }> | HaltFailure> {
  const parsed = decisionInput.safeParse(raw)
  if (!parsed.success) return zodFailure(parsed.error)
  const r = await forUpdate(tx, ability, id, ['aangemeld'])
  if (failed(r)) return r
  const { decision, reason } = parsed.data
  if (decision === 'decline' && (reason?.length ?? 0) < 5) return statusRefusal(400, 'reason', 'Geef een reden voor de afwijzing; de school ziet die.')
  const status = decision === 'accept' ? 'geaccepteerd' : 'afgewezen'
  await tx
    .update(schema.haltReferrals)
    .set({ status, decidedById: ctx.userId, decidedAt: new Date(), declineReason: decision === 'decline' ? reason! : null, updatedAt: new Date() })
    .where(eq(schema.haltReferrals.id, r.id))
  return { ok: true, id: r.id, status }
}

/** 'YYYY-MM-DDTHH:MM' as Dutch local time, or a full ISO timestamp with offset; null unless a real date and time. */
export const parseLocalDateTime = parseDateTime

const dateTime = textInput({ message: 'Geef datum en tijd' }).refine((v) => parseLocalDateTime(v) !== null, 'Geef datum en tijd (JJJJ-MM-DDTUU:MM)')

export const appointmentInput = z.object({
  kind: z.enum(HALT_APPOINTMENT_KINDS, { message: 'Kies het soort afspraak' }),
  startsAt: dateTime,
  slotId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('Ongeldig spreekuur').optional()),
})

/** Plans an appointment; an intake sets the referral's intake date (the school sees that date). */
export async function addAppointment(tx: Tx, ability: AppAbility, ctx: TenantContext, id: string, raw: unknown): Promise<HaltOk<{ id: string; appointmentId: string; status: string }> | HaltFailure> {
  const parsed = appointmentInput.safeParse(raw)
  if (!parsed.success) return zodFailure(parsed.error)
  const r = await forUpdate(tx, ability, id, OPEN)
  if (failed(r)) return r
  const startsAt = parseLocalDateTime(parsed.data.startsAt)!
  if (parsed.data.slotId) {
    const [slot] = await tx
      .select({ id: schema.haltSlots.id })
      .from(schema.haltSlots)
      .where(and(eq(schema.haltSlots.id, parsed.data.slotId), eq(schema.haltSlots.schoolId, r.schoolId)))
    if (!slot) return statusRefusal(400, 'slotId', 'Onbekend spreekuur voor deze school.')
  }
  const appointmentId = crypto.randomUUID()
  await tx.insert(schema.haltAppointments).values({
    id: appointmentId,
    partnerId: r.partnerId,
    referralId: r.id,
    kind: parsed.data.kind,
    startsAt,
    slotId: parsed.data.slotId ?? null,
    createdById: ctx.userId,
  })
  let status = r.status
  if (parsed.data.kind === 'intake') {
    if (status === 'geaccepteerd') status = 'intake_gepland'
    await tx.update(schema.haltReferrals).set({ intakeAt: startsAt, status, updatedAt: new Date() }).where(eq(schema.haltReferrals.id, r.id))
  }
  return { ok: true, id: r.id, appointmentId, status }
}

export const attendanceInput = z.object({
  appointmentId: z.uuid('Onbekende afspraak'),
  attendance: z.enum(HALT_ATTENDANCE, { message: 'Kies aanwezig, afwezig met bericht of afwezig zonder bericht' }),
})

/** Records attendance; the student present at the intake starts the trajectory ('lopend'). */
export async function setAttendance(tx: Tx, ability: AppAbility, _ctx: TenantContext, id: string, raw: unknown): Promise<HaltOk<{ id: string; status: string }> | HaltFailure> {
  const parsed = attendanceInput.safeParse(raw)
  if (!parsed.success) return zodFailure(parsed.error)
  const r = await forUpdate(tx, ability, id, OPEN)
  if (failed(r)) return r
  const [a] = await tx
    .update(schema.haltAppointments)
    .set({ attendance: parsed.data.attendance })
    .where(and(eq(schema.haltAppointments.id, parsed.data.appointmentId), eq(schema.haltAppointments.referralId, r.id)))
    .returning({ kind: schema.haltAppointments.kind })
  if (!a) return statusRefusal(404, 'appointmentId', 'Afspraak niet gevonden.')
  let status = r.status
  if (a.kind === 'intake' && parsed.data.attendance === 'aanwezig' && status !== 'lopend') {
    status = 'lopend'
    await tx.update(schema.haltReferrals).set({ status, updatedAt: new Date() }).where(eq(schema.haltReferrals.id, r.id))
  }
  return { ok: true, id: r.id, status }
}

const componentItem = z.object({
  component: z.enum(schema.HALT_COMPONENTS, { message: 'Onbekend onderdeel' }),
  done: yesNo().default(false),
  note: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), textInput().trim().max(10_000, 'Maximaal 10.000 tekens').nullish()),
})
export const componentsInput = z.object({
  components: z.array(componentItem).min(1, 'Kies minstens één onderdeel').max(schema.HALT_COMPONENTS.length),
})

/** Sets components of the trajectory (checklist with notes per component); others stay as they are. */
export async function saveComponents(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  id: string,
  raw: unknown,
): Promise<HaltOk<{ id: string; /** The components marked done. */ components: string[] }> | HaltFailure> {
  const parsed = componentsInput.safeParse(raw)
  if (!parsed.success) return zodFailure(parsed.error)
  const r = await forUpdate(tx, ability, id, OPEN)
  if (failed(r)) return r
  const seen = new Set<string>()
  for (const c of parsed.data.components) {
    if (seen.has(c.component)) return statusRefusal(400, 'components', `Onderdeel ${HALT_COMPONENT_LABELS[c.component]} staat er twee keer in.`)
    seen.add(c.component)
  }
  const now = new Date()
  for (const c of parsed.data.components) {
    await tx
      .insert(schema.haltComponents)
      .values({ partnerId: r.partnerId, referralId: r.id, component: c.component, done: c.done, note: c.note ?? null, updatedById: ctx.userId, updatedAt: now })
      .onConflictDoUpdate({
        target: [schema.haltComponents.referralId, schema.haltComponents.component],
        set: { done: c.done, note: c.note ?? null, updatedById: ctx.userId, updatedAt: now },
      })
  }
  const rows = await tx
    .select({ c: schema.haltComponents.component })
    .from(schema.haltComponents)
    .where(and(eq(schema.haltComponents.referralId, r.id), eq(schema.haltComponents.done, true)))
  return { ok: true, id: r.id, components: rows.map((x) => x.c) }
}

export const jimInput = z.object({
  name: textInput({ message: 'Vul de naam van de JIM in' }).trim().min(2, 'Vul de naam van de JIM in').max(200),
  relation: textInput({ message: 'Vul de relatie tot de student in' }).trim().min(2, 'Vul de relatie tot de student in').max(200),
  contact: textInput({ message: 'Vul contactgegevens in' }).trim().min(3, 'Vul contactgegevens in (telefoon of e-mail)').max(300),
  agreements: textInput({ message: 'Beschrijf de afspraken' }).trim().min(5, 'Beschrijf waarbij de JIM helpt').max(10_000),
})

/** Adds a JIM (Jouw Ingebrachte Mentor) from the student's own network. */
export async function addJim(tx: Tx, ability: AppAbility, _ctx: TenantContext, id: string, raw: unknown): Promise<HaltOk<{ id: string; jimId: string }> | HaltFailure> {
  const parsed = jimInput.safeParse(raw)
  if (!parsed.success) return zodFailure(parsed.error)
  const r = await forUpdate(tx, ability, id, OPEN)
  if (failed(r)) return r
  const jimId = crypto.randomUUID()
  await tx.insert(schema.haltJims).values({ id: jimId, partnerId: r.partnerId, referralId: r.id, ...parsed.data })
  return { ok: true, id: r.id, jimId }
}

export const restorativeInput = z.object({
  kind: z.enum(schema.HALT_RESTORATIVE_KINDS, { message: 'Kies een herstelstap' }),
  on: haltIsoDate,
  note: optionalText(10_000),
})

/** Records a restorative step (victim conversation, between groups, class meeting, referral to care). */
export async function addRestorativeStep(tx: Tx, ability: AppAbility, ctx: TenantContext, id: string, raw: unknown): Promise<HaltOk<{ id: string; stepId: string }> | HaltFailure> {
  const parsed = restorativeInput.safeParse(raw)
  if (!parsed.success) return zodFailure(parsed.error)
  const r = await forUpdate(tx, ability, id, OPEN)
  if (failed(r)) return r
  const stepId = crypto.randomUUID()
  await tx.insert(schema.haltRestorativeSteps).values({
    id: stepId,
    partnerId: r.partnerId,
    referralId: r.id,
    kind: parsed.data.kind,
    on: parsed.data.on,
    note: parsed.data.note ?? null,
    createdById: ctx.userId,
  })
  return { ok: true, id: r.id, stepId }
}

export const noteInput = z.object({
  body: textInput({ message: 'Schrijf een notitie' }).trim().min(2, 'Schrijf een notitie').max(20_000, 'Maximaal 20.000 tekens'),
})

/** Halt's own session note (append-only; never visible to the school, the board or the police). */
export async function addHaltNote(tx: Tx, ability: AppAbility, ctx: TenantContext, id: string, raw: unknown): Promise<HaltOk<{ id: string; noteId: string }> | HaltFailure> {
  const parsed = noteInput.safeParse(raw)
  if (!parsed.success) return zodFailure(parsed.error)
  const r = await forUpdate(tx, ability, id, ['geaccepteerd', 'intake_gepland', 'lopend', 'afgesloten'])
  if (failed(r)) return r
  const noteId = crypto.randomUUID()
  await tx.insert(schema.haltNotes).values({ id: noteId, partnerId: r.partnerId, referralId: r.id, body: parsed.data.body, byId: ctx.userId })
  return { ok: true, id: r.id, noteId }
}

// ---- closing ----

export const closeInput = z.object({
  outcome: z.enum(schema.HALT_OUTCOMES, { message: 'Kies de uitkomst' }),
  outcomeReason: optionalText(5000),
  afspraken: optionalText(10_000),
  advies_school: optionalText(10_000),
  doorverwijzing: optionalText(10_000),
})
export type CloseInput = z.input<typeof closeInput>

export type ClosingReport = Partial<Record<HaltReportField, string | string[]>>

/** Builds the closing report from the case and Halt's text, keeping only the agreed fields. */
export function buildClosingReport(
  agreed: readonly string[],
  input: z.output<typeof closeInput>,
  done: { components: readonly string[]; steps: readonly { kind: string; on: string }[] },
): ClosingReport {
  const careSteps = done.steps.filter((s) => s.kind === 'doorverwijzing_hulpverlening')
  const full: Record<HaltReportField, string | string[] | undefined> = {
    uitkomst: HALT_OUTCOME_LABELS[input.outcome] + (input.outcomeReason ? `: ${input.outcomeReason}` : ''),
    onderdelen: done.components.map((c) => HALT_COMPONENT_LABELS[c as HaltComponent] ?? c),
    herstel: done.steps.map((s) => `${HALT_RESTORATIVE_LABELS[s.kind as HaltRestorativeKind] ?? s.kind} (${s.on})`),
    afspraken: input.afspraken,
    advies_school: input.advies_school,
    doorverwijzing: input.doorverwijzing ?? (careSteps.length ? `Doorverwezen naar hulpverlening (${careSteps.map((s) => s.on).join(', ')})` : 'Geen doorverwijzing'),
  }
  const out: ClosingReport = {}
  for (const f of schema.HALT_REPORT_FIELDS) {
    const v = full[f]
    if (agreed.includes(f) && v !== undefined) out[f] = v
  }
  return out
}

export function closingReportText(report: ClosingReport): string {
  const lines: string[] = []
  for (const f of schema.HALT_REPORT_FIELDS) {
    const v = report[f]
    if (v === undefined) continue
    lines.push(`${HALT_REPORT_FIELD_LABELS[f]}:`)
    if (Array.isArray(v)) lines.push(...(v.length ? v.map((x) => `- ${x}`) : ['- (geen)']))
    else lines.push(v)
    lines.push('')
  }
  return lines.join('\n')
}

/**
 * Closes the trajectory with an outcome and a closing report of only the agreed fields, and queues
 * the mail to the school's contact in the same transaction. Neither contains Halt's notes.
 */
export async function closeReferral(tx: Tx, ability: AppAbility, ctx: TenantContext, id: string, raw: unknown, options: { appUrl?: string } = {}): Promise<HaltOk<{ id: string; status: string; closingReport: ClosingReport; mailId: string }> | HaltFailure> {
  const parsed = closeInput.safeParse(raw)
  if (!parsed.success) return zodFailure(parsed.error)
  const r = await forUpdate(tx, ability, id, OPEN)
  if (failed(r)) return r
  const input = parsed.data
  if (input.outcome === 'voortijdig_gestopt' && (input.outcomeReason?.length ?? 0) < 5) {
    return statusRefusal(400, 'outcomeReason', 'Geef de reden waarom het traject voortijdig is gestopt.')
  }
  if (input.outcome === 'afgerond' && r.status !== 'lopend') {
    return statusRefusal(409, 'outcome', 'Een traject is pas afgerond na een intake waarbij de student aanwezig was.')
  }
  const components = await tx
    .select({ component: schema.haltComponents.component })
    .from(schema.haltComponents)
    .where(and(eq(schema.haltComponents.referralId, r.id), eq(schema.haltComponents.done, true)))
  const order = new Map(schema.HALT_COMPONENTS.map((c, i) => [c as string, i]))
  const steps = await tx
    .select({ kind: schema.haltRestorativeSteps.kind, on: schema.haltRestorativeSteps.on })
    .from(schema.haltRestorativeSteps)
    .where(eq(schema.haltRestorativeSteps.referralId, r.id))
    .orderBy(asc(schema.haltRestorativeSteps.on))
  const report = buildClosingReport(r.reportFields, input, {
    components: components.map((c) => c.component).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
    steps,
  })
  const closedAt = new Date()
  await tx
    .update(schema.haltReferrals)
    .set({
      status: 'afgesloten',
      outcome: input.outcome as HaltOutcome,
      outcomeReason: input.outcomeReason ?? null,
      closingReport: report,
      closedById: ctx.userId,
      closedAt,
      updatedAt: closedAt,
    })
    .where(eq(schema.haltReferrals.id, r.id))
  const [partner] = await tx.select({ name: schema.partnerOrganisations.name }).from(schema.partnerOrganisations).where(eq(schema.partnerOrganisations.id, r.partnerId))
  const link = options.appUrl ? `${options.appUrl.replace(/\/$/, '')}/verwijzingen/${r.id}` : `/verwijzingen/${r.id}`
  const text = [
    `Beste ${r.contactName},`,
    '',
    `${partner?.name ?? 'Halt'} heeft de verwijzing naar het Halt-spreekuur van ${localDate(r.createdAt)} afgesloten.`,
    'Hieronder staat het eindverslag met de velden die bij de verwijzing zijn afgesproken.',
    '',
    closingReportText(report),
    `U leest het verslag ook in Baken: ${link}`,
    '',
    'Met vriendelijke groet,',
    partner?.name ?? 'Halt',
  ].join('\n')
  const mail = await enqueueMail(tx, {
    stichtingId: r.stichtingId,
    schoolId: r.schoolId,
    subjectRef: `halt_referral:${r.id}`,
    to: r.contactEmail,
    subject: 'Halt-spreekuur: verwijzing afgesloten, eindverslag',
    text,
    createdById: ctx.userId,
  })
  return { ok: true, id: r.id, status: 'afgesloten', closingReport: report, mailId: mail.id }
}

// ---- spreekuur slots ----

export const slotInput = z.object({
  schoolId: z.uuid('Kies een school'),
  location: textInput({ message: 'Vul de locatie in' }).trim().min(2, 'Vul de locatie in').max(200),
  weekday: z.coerce.number({ message: 'Kies een dag' }).int().min(1, 'Kies een dag').max(7, 'Kies een dag'),
  startsAt: textInput().regex(/^[0-2]\d:[0-5]\d$/, 'Begintijd als UU:MM'),
  endsAt: textInput().regex(/^[0-2]\d:[0-5]\d$/, 'Eindtijd als UU:MM'),
  validFrom: haltIsoDate,
  validUntil: z.preprocess((v) => (v === '' ? undefined : v), haltIsoDate.optional()),
})

export interface HaltSlotRow {
  id: string
  schoolId: string
  schoolName: string
  location: string
  weekday: number
  startsAt: string
  endsAt: string
  validFrom: string
  validUntil: string | null
  booked: number
}

/** The region's weekly spreekuur slots per school location, with how many appointments each holds. */
export async function listSlots(tx: Tx, ability: AppAbility, ctx: TenantContext): Promise<{ schools: { id: string; name: string }[]; slots: HaltSlotRow[] }> {
  if (!ability.can('read', 'HaltCase') || !ctx.partnerId) return { schools: [], slots: [] }
  const schools = await linkedSchools(tx, ctx)
  const s = schema.haltSlots
  const rows = await tx
    .select({
      id: s.id,
      schoolId: s.schoolId,
      schoolName: schema.schools.name,
      location: s.location,
      weekday: s.weekday,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      validFrom: s.validFrom,
      validUntil: s.validUntil,
      booked: sql<number>`(select count(*)::int from halt_appointments a where a.slot_id = ${s.id})`,
    })
    .from(s)
    .innerJoin(schema.schools, eq(schema.schools.id, s.schoolId))
    .where(eq(s.partnerId, ctx.partnerId))
    .orderBy(asc(schema.schools.name), asc(s.location), asc(s.weekday), asc(s.startsAt))
  return { schools: schools.map(({ id, name }) => ({ id, name })), slots: rows }
}

/** Adds a weekly spreekuur at a location of a linked school. */
export async function createSlot(tx: Tx, ability: AppAbility, ctx: TenantContext, raw: unknown): Promise<HaltOk<{ id: string }> | HaltFailure> {
  const parsed = slotInput.safeParse(raw)
  if (!parsed.success) return zodFailure(parsed.error)
  if (!ability.can('update', 'HaltCase') || !ctx.partnerId) return statusRefusal(403, '', 'Alleen Halt plant spreekuren.')
  const input = parsed.data
  if (input.endsAt <= input.startsAt) return statusRefusal(400, 'endsAt', 'De eindtijd ligt na de begintijd.')
  if (input.validUntil && input.validUntil < input.validFrom) return statusRefusal(400, 'validUntil', 'De einddatum ligt na de begindatum.')
  const school = (await linkedSchools(tx, ctx)).find((x) => x.id === input.schoolId)
  if (!school) return statusRefusal(400, 'schoolId', 'Deze school is niet aan jullie Halt-regio gekoppeld.')
  const id = crypto.randomUUID()
  await tx.insert(schema.haltSlots).values({
    id,
    partnerId: ctx.partnerId,
    stichtingId: school.stichtingId,
    schoolId: school.id,
    location: input.location,
    weekday: input.weekday,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    validFrom: input.validFrom,
    validUntil: input.validUntil ?? null,
  })
  return { ok: true, id }
}
