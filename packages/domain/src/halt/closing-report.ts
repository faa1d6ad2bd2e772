// Halt's closing report: only the fields agreed at the referral, built from the trajectory and
// Halt's closing text, and as the plain text of the mail to the school. Never Halt's notes.
import { schema } from '@baken/db'
import { z } from 'zod'
import { HALT_COMPONENT_LABELS, HALT_OUTCOME_LABELS, HALT_REPORT_FIELD_LABELS, HALT_RESTORATIVE_LABELS, optionalText, type HaltComponent, type HaltReportField, type HaltRestorativeKind } from './common.ts'

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
