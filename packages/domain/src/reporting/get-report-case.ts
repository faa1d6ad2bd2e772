// One reporting-duty case as the caller may see it: where it stands, the next steps the caller may
// take, the history; the look is logged in the access log. The reporter of a zeden case sees only
// that the board was informed.
import { schema } from '@baken/db'
import { and, asc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { recordAccess } from '../privacy/access-log.ts'
import { displayName } from '../students.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { loadReportCase, reportCaseActor } from './report-case.ts'
import {
  meldcodeAllowedDecisions,
  openReportSteps,
  REPORT_DECISION_LABELS,
  REPORT_KIND_LABELS,
  REPORT_WORKFLOWS,
  reportStateLabel,
  reportStepDoneLabel,
  type MeldcodeAfweging,
  type ReportKind,
  type ReportLegalSource,
} from './workflows.ts'
import { recordId } from '../input-rules.ts'

export interface ReportStepView {
  step: string
  label: string
  at: Date
  byName: string
  note: string
  data: Record<string, unknown> | null
}

export interface ReportCaseView {
  id: string
  kind: ReportKind
  kindLabel: string
  schoolName: string
  summary: string
  createdAt: Date
  openedByName: string
  mine: boolean
  /** True for the reporter of a zeden case: they see that the board was informed, nothing later. */
  limited: boolean
  state: string | null
  stateLabel: string
  decision: string | null
  decisionLabel: string | null
  closedAt: Date | null
  studentName: string | null
  steps: ReportStepView[]
  /** What the caller may record now, with the explanation. */
  next: { step: string; label: string; explanation: string }[]
  /** What comes next in the route when it is not the caller's to do (shown as guidance). */
  waitingFor: string | null
  /** For the Meldcode decision: what the latest afweging allows. */
  afweging: { data: MeldcodeAfweging; decisions: string[]; reason: string } | null
  sources: readonly ReportLegalSource[]
  states: { state: string; label: string; reached: boolean; current: boolean }[]
}

export const getReportCase = defineUseCase({
  name: 'reporting/get-report-case',
  input: z.object({ id: recordId() }),
  permission: ['read', 'ReportCase'],
  async run(tx, { ability, tenant }, { id }) {
    const c = await loadReportCase(tx, ability, id)
    if (!c) return refuse('not_found', 'id', 'Melding niet gevonden.')
    const kind = c.kind as ReportKind
    const wf = REPORT_WORKFLOWS[kind]
    await recordAccess(tx, tenant, { subjectType: 'report_case', subjectId: c.id, studentId: c.studentId, schoolId: c.schoolId, stichtingId: c.stichtingId })
    const actor = reportCaseActor(ability, c, tenant.userId)
    const limited = kind === 'zedendelict_medewerker' && !actor.handles
    const isOpener = c.openedById === tenant.userId
    const [school] = await tx.select({ name: schema.schools.name }).from(schema.schools).where(eq(schema.schools.id, c.schoolId))
    const stepRows = await tx
      .select({ s: schema.reportCaseSteps, byName: schema.users.name })
      .from(schema.reportCaseSteps)
      .leftJoin(schema.users, eq(schema.users.id, schema.reportCaseSteps.byId))
      .where(and(eq(schema.reportCaseSteps.caseId, c.id), limited ? eq(schema.reportCaseSteps.step, wf.openingStep) : sql`true`))
      .orderBy(asc(schema.reportCaseSteps.at), asc(schema.reportCaseSteps.id))
    const [opener] = await tx.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, c.openedById))
    let studentName: string | null = null
    if (c.studentId) {
      const [s] = await tx
        .select({ firstName: schema.students.firstName, infix: schema.students.infix, lastName: schema.students.lastName })
        .from(schema.students)
        .where(eq(schema.students.id, c.studentId))
      studentName = s ? displayName(s) : 'een leerling van de school (naam niet zichtbaar in deze rol)'
    }
    const steps: ReportStepView[] = stepRows.map(({ s, byName }) => ({
      step: s.step,
      label: reportStepDoneLabel(kind, s.step),
      at: s.at,
      byName: byName ?? (kind === 'zedendelict_medewerker' ? 'het bevoegd gezag' : 'een medewerker'),
      note: s.note,
      data: (s.data as Record<string, unknown> | null) ?? null,
    }))
    const mayAct = actor.handles || isOpener
    const next = limited || !mayAct || wf.final.includes(c.state) ? [] : openReportSteps(kind, c.state, actor)
    // What the route's next step is for whoever takes it (the board's steps in the zeden route).
    const pending = wf.final.includes(c.state) ? [] : openReportSteps(kind, c.state, { handles: true, decides: kind === 'zedendelict_medewerker', opened: false })
    const waitingFor =
      next.length || wf.final.includes(c.state)
        ? null
        : limited
          ? 'Het bestuur is geïnformeerd en neemt de volgende stappen. Wat het bestuur verder doet, is vertrouwelijk.'
          : pending.length
            ? `Volgende stap: ${pending[0]!.label}. ${kind === 'zedendelict_medewerker' ? 'Deze stap zet het bevoegd gezag (de bestuurder).' : 'Deze stap zet de aandachtsfunctionaris (intern begeleider, directeur of vertrouwenspersoon).'}`
            : null
    const lastAfweging = [...steps].reverse().find((s) => s.step === 'afweging')
    const afweging = !limited && kind === 'meldcode' && lastAfweging?.data ? (() => {
      const a = lastAfweging.data as unknown as MeldcodeAfweging
      const allowed = c.state === 'hulp_en_volgen' ? { decisions: ['melden'], reason: 'Er wordt al hulp georganiseerd; het vervolgbesluit is alsnog melden bij Veilig Thuis.' } : meldcodeAllowedDecisions(a)
      return { data: a, decisions: allowed.decisions, reason: allowed.reason }
    })() : null
    const stateKeys = Object.keys(wf.states)
    const currentIndex = stateKeys.indexOf(c.state)
    const view: ReportCaseView = {
      id: c.id,
      kind,
      kindLabel: REPORT_KIND_LABELS[kind],
      schoolName: school?.name ?? '',
      summary: c.summary,
      createdAt: c.createdAt,
      openedByName: opener?.name ?? 'een medewerker',
      mine: isOpener,
      limited,
      state: limited ? null : c.state,
      stateLabel: limited ? reportStateLabel(kind, wf.initial) : reportStateLabel(kind, c.state),
      decision: limited ? null : c.decision,
      decisionLabel: limited || !c.decision ? null : (REPORT_DECISION_LABELS[c.decision] ?? c.decision),
      closedAt: limited ? null : c.closedAt,
      studentName,
      steps,
      next: next.map((s) => ({ step: s.step, label: s.label, explanation: s.explanation })),
      waitingFor,
      afweging,
      sources: wf.sources,
      states: limited
        ? [{ state: wf.initial, label: reportStateLabel(kind, wf.initial), reached: true, current: true }]
        : stateKeys.map((s, i) => ({ state: s, label: wf.states[s]!, reached: i <= currentIndex, current: s === c.state })),
    }
    return { ok: true, ...view }
  },
})
