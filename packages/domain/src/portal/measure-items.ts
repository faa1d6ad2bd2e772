// What the portal keeps of a measure when a school lead releases its decision letter or its report:
// a snapshot, as for an incident's report, so a later step of the case changes nothing the family
// already has. The decision letter is addressed to the parents and names only their own child; the
// report's free text (the reasons) is redacted as the parents' report is (other pupils as "een
// andere leerling", AVG art. 15 lid 4). Staff names are not copied in: the family reads what was
// decided and when, not who clicked.
import { schema, type Sector, type Tx } from '@baken/db'
import { and, asc, desc, eq, isNull } from 'drizzle-orm'
import { nameRedactor } from '../incidents/parent-report.ts'
import { decisionSentOn, isDecided } from '../measures/bezwaar.ts'
import { DECISION_LETTER } from '../measures/letters.ts'
import { LETTER_KIND_LABELS, type LetterKind } from '../measures/letter-text.ts'
import { MEASURE_LABELS, type MeasureKind } from '../measures/rule-model.ts'
import { stateLabel, WORKFLOWS } from '../measures/workflows.ts'
import { loadMeasure } from '../measures/measure-cases.ts'
import { recordSubjectRead } from '../privacy/access-log.ts'
import { refuse, type Refused, type UseCaseContext } from '../use-case.ts'
import { notifyFamily } from './portal-records.ts'

type MeasureRow = typeof schema.measures.$inferSelect

/** The decision letter as the family reads it (portal_items.body of kind decision_letter). */
export interface ReleasedDecisionLetter {
  measureKind: MeasureKind
  measureLabel: string
  letterKind: LetterKind
  letterLabel: string
  letterVersion: number
  sector: Sector
  /** The day the decision was sent: the objection term runs from the day after (Awb art. 6:8). */
  decisionSentOn: string
  startsOn: string | null
  endsOn: string | null
  /** A bezwaar can be filed against it in the portal (a schorsing or a verwijdering). */
  objectable: boolean
  /** The letter as sent: PDF bytes, base64 (never in the JSON the portal answers). */
  pdfBase64: string
}

/** The report of a time-out or schorsing as the family reads it (portal_items.body of kind measure_report). */
export interface ReleasedMeasureReport {
  measureKind: MeasureKind
  measureLabel: string
  state: string
  startsOn: string | null
  endsOn: string | null
  schoolDays: number | null
  /** The reasons, other pupils and staff redacted. */
  reasons: string
  steps: { at: string; label: string }[]
}

/** The states from which a measure's report exists: the talk with the parents has been held. */
export const REPORT_STATES: Partial<Record<MeasureKind, readonly string[]>> = {
  time_out: ['meeting_held', 'report_signed', 'board_notified'],
  schorsing: ['meeting_held', 'report_signed', 'ended'],
}

export async function refuseLiveRelease(tx: Tx, m: MeasureRow, kind: 'decision_letter' | 'measure_report'): Promise<Refused | null> {
  const p = schema.portalItems
  const [live] = await tx
    .select({ id: p.id })
    .from(p)
    .where(and(eq(p.measureId, m.id), eq(p.kind, kind), eq(p.studentId, m.studentId), isNull(p.withdrawnAt)))
  return live ? refuse('conflict', 'id', kind === 'decision_letter' ? 'Deze brief staat al in het ouderportaal.' : 'Dit verslag staat al in het ouderportaal.') : null
}

/** The latest version of the measure's decision letter, as a snapshot for the portal, or a refusal. */
export async function decisionLetterSnapshot(tx: Tx, m: MeasureRow): Promise<ReleasedDecisionLetter | Refused> {
  const letterKind = DECISION_LETTER[m.kind]
  if (!letterKind) return refuse('conflict', 'id', 'Bij deze maatregel hoort geen besluitbrief.')
  const l = schema.measureLetters
  const [letter] = await tx
    .select({ version: l.version, pdfBase64: l.pdfBase64 })
    .from(l)
    .where(and(eq(l.measureId, m.id), eq(l.kind, letterKind)))
    .orderBy(desc(l.version))
    .limit(1)
  if (!letter) return refuse('conflict', 'id', 'Er is nog geen besluitbrief gemaakt; maak eerst de brief.')
  const sentOn = await decisionSentOn(tx, m)
  if (!sentOn || (m.kind !== 'time_out' && !isDecided(m.kind, m.state))) {
    return refuse('conflict', 'id', 'Het besluit is nog niet genomen; alleen een genomen besluit gaat naar het ouderportaal.')
  }
  return {
    measureKind: m.kind,
    measureLabel: MEASURE_LABELS[m.kind],
    letterKind,
    letterLabel: LETTER_KIND_LABELS[letterKind],
    letterVersion: letter.version,
    sector: m.sector,
    decisionSentOn: sentOn,
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    objectable: m.kind === 'schorsing' || m.kind === 'verwijdering',
    pdfBase64: letter.pdfBase64,
  }
}

/** The report of a time-out or schorsing, redacted, as a snapshot for the portal, or a refusal. */
export async function measureReportSnapshot(tx: Tx, m: MeasureRow): Promise<ReleasedMeasureReport | Refused> {
  if (!REPORT_STATES[m.kind]) return refuse('conflict', 'id', 'Alleen het verslag van een time-out of schorsing gaat naar het ouderportaal.')
  if (!REPORT_STATES[m.kind]!.includes(m.state)) return refuse('conflict', 'id', 'Het verslag bestaat pas na het gesprek met de ouders.')
  const st = schema.students
  const [pupils, staff, steps] = await Promise.all([
    tx.select({ id: st.id, firstName: st.firstName, infix: st.infix, lastName: st.lastName }).from(st).where(eq(st.schoolId, m.schoolId)),
    tx
      .selectDistinct({ name: schema.users.name })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(eq(schema.memberships.schoolId, m.schoolId)),
    tx
      .select({ at: schema.measureTransitions.at, from: schema.measureTransitions.fromState, to: schema.measureTransitions.toState })
      .from(schema.measureTransitions)
      .where(eq(schema.measureTransitions.measureId, m.id))
      .orderBy(asc(schema.measureTransitions.at)),
  ])
  const own = pupils.find((p) => p.id === m.studentId)
  const redact = nameRedactor(own ? [own] : [], [], { bystanders: pupils.filter((p) => p.id !== m.studentId), staffNames: staff.map((s) => s.name) })
  return {
    measureKind: m.kind,
    measureLabel: MEASURE_LABELS[m.kind],
    state: stateLabel(m.kind, m.state),
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    schoolDays: m.schoolDays,
    reasons: redact(m.reasons),
    // Only the workflow's own steps (not notes such as a bezwaar's), without who took them.
    steps: steps
      .filter((s) => s.from !== s.to && WORKFLOWS[m.kind].states[s.to])
      .map((s) => ({ at: s.at.toISOString(), label: stateLabel(m.kind, s.to) })),
  }
}

/**
 * Releases one item of a measure the caller can see to the portal: refused when a live release of
 * that kind exists or the snapshot cannot be made; logged as a disclosure of the pupil's data; the
 * guardians get an e-mail without content.
 */
export async function releaseMeasureItem<B extends object>(
  tx: Tx,
  ctx: UseCaseContext,
  id: string,
  kind: 'decision_letter' | 'measure_report',
  snapshot: (tx: Tx, m: MeasureRow) => Promise<B | Refused>,
  title: (body: B) => string,
): Promise<{ ok: true; id: string; notified: number } | Refused> {
  const m = await loadMeasure(tx, ctx.ability, id)
  if (!m) return refuse('not_found', 'id', 'Maatregel niet gevonden.')
  const live = await refuseLiveRelease(tx, m, kind)
  if (live) return live
  const body = await snapshot(tx, m)
  if ('ok' in body) return body
  const itemId = crypto.randomUUID()
  const item = { id: itemId, stichtingId: m.stichtingId, schoolId: m.schoolId, studentId: m.studentId }
  await tx.insert(schema.portalItems).values({ ...item, kind, measureId: m.id, title: title(body), body, releasedById: ctx.tenant.userId, releasedAt: ctx.now })
  await recordSubjectRead(tx, ctx.tenant, { type: 'measure', id: m.id, schoolId: m.schoolId, studentIds: [m.studentId] }, { breakGlass: false, reason: null }, 'share')
  const notified = await notifyFamily(tx, item, ctx.tenant.userId)
  return { ok: true, id: itemId, notified }
}
