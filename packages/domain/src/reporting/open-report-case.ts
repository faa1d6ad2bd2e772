// Opening a reporting-duty case. Zeden route: opening is the notification to the board; every
// active bestuurder of the stichting gets a message without names or details, queued through the
// outbox in this transaction. Meldcode: the opening is step 1, the signals.
import { schema, resultRows } from '@baken/db'
import { validateMail } from '@baken/email'
import { record } from '@baken/permissions'
import { and, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { textInput } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { REPORT_KINDS, REPORT_WORKFLOWS } from './workflows.ts'

const NO_SCHOOL = 'Alleen medewerkers van een school kunnen een melding openen (kies eerst de school).'

const text = (min: number, message: string) => textInput({ message }).trim().min(min, message).max(10_000, 'Maximaal 10.000 tekens')
export const openReportCaseInput = z.object({
  kind: z.enum(REPORT_KINDS, { message: 'Kies het soort melding' }),
  studentId: z
    .union([z.uuid('Kies een leerling van de school'), z.literal('')])
    .optional()
    .transform((v) => v || undefined),
  incidentId: z
    .union([z.uuid('Ongeldig incident'), z.literal('')])
    .optional()
    .transform((v) => v || undefined),
  summary: text(10, 'Beschrijf wat je weet (minstens een zin)'),
})
export type OpenReportCaseInput = z.input<typeof openReportCaseInput>

const BOARD_MAIL_SUBJECT = 'Baken: een melding vraagt uw aandacht'
function boardMailText(id: string, baseUrl: string | undefined): string {
  const link = `${(baseUrl ?? '').replace(/\/+$/, '')}/meldplicht/${id}`
  return [
    'Geachte bestuurder,',
    '',
    'In Baken is een melding gedaan die uw aandacht als bevoegd gezag vraagt. Open de melding met uw eigen account:',
    '',
    link,
    '',
    'Deze e-mail bevat bewust geen namen of details.',
  ].join('\n')
}

export const openReportCase = defineUseCase({
  name: 'reporting/open-report-case',
  input: openReportCaseInput.extend({
    // The app's own address for the link in the board's mail: set by the adapter from the request,
    // never chosen by the caller.
    baseUrl: z.string().max(500).optional(),
  }),
  permission: ['create', 'ReportCase'],
  forbidden: NO_SCHOOL,
  async run(tx, { ability, tenant }, input) {
    if (!tenant.schoolId || !tenant.stichtingId || !ability.can('create', record('ReportCase', { kind: input.kind, schoolId: tenant.schoolId, stichtingId: tenant.stichtingId }))) {
      return refuse('forbidden', 'kind', NO_SCHOOL)
    }
    if (input.kind === 'meldcode' && !input.studentId) return refuse('invalid', 'studentId', 'Kies de leerling om wie het gaat.')
    if (input.studentId) {
      const [s] = await tx
        .select({ id: schema.students.id })
        .from(schema.students)
        .where(and(eq(schema.students.id, input.studentId), eq(schema.students.schoolId, tenant.schoolId)))
      if (!s) return refuse('invalid', 'studentId', 'Onbekende leerling: kies een leerling van deze school.')
    }
    if (input.incidentId) {
      const [i] = await tx
        .select({ id: schema.incidents.id })
        .from(schema.incidents)
        .where(and(eq(schema.incidents.id, input.incidentId), eq(schema.incidents.schoolId, tenant.schoolId)))
      if (!i) return refuse('invalid', 'incidentId', 'Onbekend incident.')
    }
    const wf = REPORT_WORKFLOWS[input.kind]
    const id = crypto.randomUUID()
    const owner = { stichtingId: tenant.stichtingId, schoolId: tenant.schoolId }
    await tx.insert(schema.reportCases).values({
      id,
      ...owner,
      kind: input.kind,
      state: wf.initial,
      studentId: input.studentId ?? null,
      incidentId: input.incidentId ?? null,
      summary: input.summary,
      openedById: tenant.userId,
    })
    let boardNotified: number | undefined
    if (input.kind === 'zedendelict_medewerker') {
      const mail = validateMail({ stichtingId: tenant.stichtingId, to: 'bestuur@example.org', subject: BOARD_MAIL_SUBJECT, text: boardMailText(id, input.baseUrl) })
      if (!mail.ok) throw new Error('report_case mail text invalid')
      const result = await tx.execute(sql`select report_case_notify_board(${id}::uuid, ${BOARD_MAIL_SUBJECT}, ${boardMailText(id, input.baseUrl)}) as n`)
      const rows = resultRows(result) as { n: number }[]
      boardNotified = Number(rows[0]?.n ?? 0)
    }
    await tx.insert(schema.reportCaseSteps).values({
      ...owner,
      caseId: id,
      step: wf.openingStep,
      byId: tenant.userId,
      note:
        input.kind === 'zedendelict_medewerker'
          ? boardNotified
            ? 'Melding gedaan; het bestuur is per e-mail geïnformeerd.'
            : 'Melding gedaan; er is geen bestuurder met een account gevonden: informeer het bestuur ook zelf.'
          : input.summary,
      data: input.kind === 'zedendelict_medewerker' ? { boardNotified } : null,
    })
    return { ok: true as const, id, state: wf.initial, ...(boardNotified !== undefined ? { boardNotified } : {}) }
  },
})
