// Adding the next version of the stichting's decision-letter template for a kind (letters.ts).
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { and, eq, max } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, invalid, refuse, type Outcome } from '../use-case.ts'
import { checkLetterTemplate, letterTemplateProblems } from './letter-text.ts'
import { letterKind, templateBody, templateRefusal } from './letters.ts'

const ONLY_BOARD_TEMPLATES = 'Alleen de stichtingbeheerder en het bestuur passen sjablonen aan.'

/** Adds the next version of the stichting's template for a kind, after checking its placeholders. */
export const saveLetterTemplate = defineUseCase({
  name: 'measures/save-letter-template',
  input: z.object({ kind: letterKind, body: templateBody }),
  permission: ['create', 'LetterTemplate'],
  forbidden: ONLY_BOARD_TEMPLATES,
  async run(tx, { ability, tenant: ctx }, { kind, body }): Promise<Outcome<{ id: string; version: number }>> {
    if (!ctx.stichtingId || !ability.can('create', record('LetterTemplate', { stichtingId: ctx.stichtingId }))) {
      return refuse('forbidden', '', ONLY_BOARD_TEMPLATES)
    }
    const text = body.replace(/\r\n?/g, '\n')
    const check = checkLetterTemplate(kind, text)
    const problems = letterTemplateProblems(check)
    if (problems.length) {
      return templateRefusal(invalid(problems.map((message) => ({ path: 'body', message }))), check)
    }
    const [last] = await tx
      .select({ version: max(schema.letterTemplates.version) })
      .from(schema.letterTemplates)
      .where(and(eq(schema.letterTemplates.stichtingId, ctx.stichtingId), eq(schema.letterTemplates.kind, kind)))
    const version = (last?.version ?? 0) + 1
    const [row] = await tx
      .insert(schema.letterTemplates)
      .values({ stichtingId: ctx.stichtingId, kind, version, body: text, createdById: ctx.userId })
      .returning({ id: schema.letterTemplates.id })
    return { ok: true, id: row!.id, version }
  },
})
