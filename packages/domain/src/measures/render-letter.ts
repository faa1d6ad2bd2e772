// Making a decision letter for a measure from the stichting's latest template of the kind (letters.ts).
import { schema } from '@baken/db'
import { and, eq, max } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { defineUseCase, refuse, type Outcome } from '../use-case.ts'
import { checkLetterTemplate, fillLetterTemplate, LETTER_KIND_LABELS, letterKindsFor, LETTERS_FOR_MEASURE, letterTemplateProblems, letterValues, renderLetterPdf } from './letter-text.ts'
import { gatherFacts, latestTemplate, letterKind, mayMakeLetter, mayMakeLetters, templateName, templateRefusal } from './letters.ts'
import { loadMeasure } from './measure-cases.ts'
import { MEASURE_LABELS } from './rule-model.ts'
import { stateLabel } from './workflows.ts'
import { recordId } from '../input-rules.ts'

/**
 * Makes a letter for a measure from the stichting's latest template of the kind, stores the PDF as
 * the next version for (measure, kind), and returns its id and version.
 */
export const renderLetter = defineUseCase({
  name: 'measures/render-letter',
  input: z.object({ id: recordId(), kind: letterKind }),
  permission: ['update', 'Measure'],
  async run(tx, { ability, tenant: ctx, now }, { id: measureId, kind }): Promise<Outcome<{ id: string; version: number }>> {
    if (!ctx.stichtingId || !mayMakeLetters(ability, ctx)) return refuse('forbidden', '', 'Je mag geen brieven bij maatregelen maken.')
    const m = await loadMeasure(tx, ability, measureId, { lock: true })
    if (!m) return refuse('not_found', 'id', 'Maatregel niet gevonden.')
    if (!mayMakeLetter(ability, m)) return refuse('forbidden', '', 'Je mag geen brieven bij deze maatregel maken.')
    if (!LETTERS_FOR_MEASURE[m.kind].includes(kind)) {
      return refuse('invalid', 'kind', `Bij een ${MEASURE_LABELS[m.kind]} hoort geen ${LETTER_KIND_LABELS[kind]}.`)
    }
    if (!letterKindsFor(m.kind, m.state).includes(kind)) {
      const needed = m.kind === 'time_out' ? 'goedgekeurd' : 'besloten'
      return refuse('conflict',
        'state',
        `Een ${LETTER_KIND_LABELS[kind]} kan pas als de ${MEASURE_LABELS[m.kind]} is ${needed}; de ${MEASURE_LABELS[m.kind]} is nu "${stateLabel(m.kind, m.state)}".`,
      )
    }
    const template = await latestTemplate(tx, m.stichtingId, kind)
    const check = checkLetterTemplate(kind, template.body)
    const problems = letterTemplateProblems(check)
    if (problems.length) {
      return templateRefusal(refuse('conflict', 'template', `${templateName(template)}: ${problems.join(' ')} Pas het sjabloon aan bij Sjablonen.`), check)
    }

    const letterDate = localDate(now)
    const facts = await gatherFacts(tx, ability, ctx, m, kind, letterDate)
    const text = fillLetterTemplate(template.body, letterValues(facts))

    const [last] = await tx
      .select({ version: max(schema.measureLetters.version) })
      .from(schema.measureLetters)
      .where(and(eq(schema.measureLetters.measureId, m.id), eq(schema.measureLetters.kind, kind)))
    const version = (last?.version ?? 0) + 1
    const pdf = await renderLetterPdf(text, {
      kind,
      schoolName: facts.schoolName,
      stichtingName: facts.stichtingName,
      letterDate,
      reference: m.id.slice(0, 8),
      version,
      templateVersion: template.version,
    })
    const id = crypto.randomUUID()
    await tx.insert(schema.measureLetters).values({
      id,
      stichtingId: m.stichtingId,
      schoolId: m.schoolId,
      measureId: m.id,
      kind,
      version,
      templateId: template.id,
      pdfBase64: Buffer.from(pdf).toString('base64'),
      createdById: ctx.userId,
      createdAt: now,
    })
    return { ok: true, id, version }
  },
})
