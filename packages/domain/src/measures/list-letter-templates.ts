// The stichting's letter templates per kind: the current text, the versions, and the required placeholders.
import { schema } from '@baken/db'
import { accessibleWhere } from '@baken/permissions'
import { asc, desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, type Outcome } from '../use-case.ts'
import { DEFAULT_LETTER_TEMPLATES } from './default-letter-templates.ts'
import { LETTER_KIND_LABELS, LETTER_KINDS, REQUIRED_PLACEHOLDERS } from './letter-text.ts'
import { templateColumns, type LetterTemplateOverview } from './letters.ts'

/** The stichting's templates per kind: the current text, the versions, and the required placeholders. */
export const listLetterTemplates = defineUseCase({
  name: 'measures/list-letter-templates',
  input: z.object({}),
  permission: ['read', 'LetterTemplate'],
  async run(tx, { ability }): Promise<Outcome<{ items: LetterTemplateOverview[] }>> {
    const t = schema.letterTemplates
    const rows = await tx
      .select({ id: t.id, kind: t.kind, version: t.version, body: t.body, createdAt: t.createdAt, createdByName: schema.users.name })
      .from(t)
      .leftJoin(schema.users, eq(schema.users.id, t.createdById))
      .where(accessibleWhere(ability, 'read', 'LetterTemplate', templateColumns))
      .orderBy(asc(t.kind), desc(t.version))
    const items = LETTER_KINDS.map((kind) => {
      const own = rows.filter((r) => r.kind === kind)
      const latest = own[0]
      return {
        kind,
        label: LETTER_KIND_LABELS[kind],
        required: REQUIRED_PLACEHOLDERS[kind],
        latest: latest ? { id: latest.id, version: latest.version, body: latest.body, createdAt: latest.createdAt, createdByName: latest.createdByName } : null,
        standard: DEFAULT_LETTER_TEMPLATES[kind],
        usesStandard: !latest,
        versions: own.map(({ id, version, createdAt, createdByName }) => ({ id, version, createdAt, createdByName })),
      }
    })
    return { ok: true, items }
  },
})
