// Halt sets components of the trajectory (a checklist with a note per component); the others stay
// as they are.
import { schema } from '@baken/db'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { recordId, textInput, yesNo } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { HALT_COMPONENT_LABELS } from './common.ts'
import { OPEN_STATUSES, referralForStep } from './halt-referral.ts'

const componentItem = z.object({
  component: z.enum(schema.HALT_COMPONENTS, { message: 'Onbekend onderdeel' }),
  done: yesNo().default(false),
  note: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), textInput().trim().max(10_000, 'Maximaal 10.000 tekens').nullish()),
})
export const componentsInput = z.object({
  components: z.array(componentItem).min(1, 'Kies minstens één onderdeel').max(schema.HALT_COMPONENTS.length),
})

export const saveComponents = defineUseCase({
  name: 'halt/save-components',
  input: componentsInput.extend({ id: recordId() }),
  permission: ['update', 'HaltCase'],
  async run(tx, { ability, tenant, now }, input) {
    const step = await referralForStep(tx, ability, input.id, OPEN_STATUSES)
    if (!step.ok) return step
    const r = step.referral
    const seen = new Set<string>()
    for (const c of input.components) {
      if (seen.has(c.component)) return refuse('invalid', 'components', `Onderdeel ${HALT_COMPONENT_LABELS[c.component]} staat er twee keer in.`)
      seen.add(c.component)
    }
    for (const c of input.components) {
      await tx
        .insert(schema.haltComponents)
        .values({ partnerId: r.partnerId, referralId: r.id, component: c.component, done: c.done, note: c.note ?? null, updatedById: tenant.userId, updatedAt: now })
        .onConflictDoUpdate({
          target: [schema.haltComponents.referralId, schema.haltComponents.component],
          set: { done: c.done, note: c.note ?? null, updatedById: tenant.userId, updatedAt: now },
        })
    }
    const rows = await tx
      .select({ c: schema.haltComponents.component })
      .from(schema.haltComponents)
      .where(and(eq(schema.haltComponents.referralId, r.id), eq(schema.haltComponents.done, true)))
    /** The components marked done. */
    const components: string[] = rows.map((x) => x.c)
    return { ok: true, id: r.id, components }
  },
})
