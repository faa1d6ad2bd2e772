// Decision letters through the tenant transaction, as the routes call them, on the demo data: what a
// letter for a decided schorsing says, versions per measure, refusals (a proposed schorsing, a
// template without the reasons, a leerkracht, another stichting), the objection-clause setting, and
// template versions.
import { schema, withTenant, type DatabaseHandle, type TenantContext } from '@baken/db'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getLetterPdf, listLetters, listLetterTemplates, renderLetter, saveLetterTemplate } from '../src/index.ts'
import { openDemoDatabase } from './support/demo-database.ts'
import { runAs } from './support/run-use-case.ts'
import type { Outcome, UseCase } from '../src/use-case.ts'
import type { z } from 'zod'
import { pdfText } from './support/pdf-text.ts'

let h: DatabaseHandle
const ctxOf: Record<string, TenantContext> = {}
const as = <T>(email: string, fn: Parameters<typeof withTenant<T>>[2]) => withTenant(h.db, ctxOf[email]!, fn)
/** Runs a use case as the user, on a Dutch day when given (at noon, so the day is the same in Amsterdam). */
const run = <S extends z.ZodType, T extends object>(email: string, useCase: UseCase<S, T>, input: unknown, on?: string) =>
  runAs(h.db, ctxOf[email]!, useCase, input, on ? new Date(`${on}T12:00:00Z`) : undefined)
/** The value of an outcome that must have succeeded. */
const ok = <T extends object>(outcome: Outcome<T>) => {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome))
  return outcome
}
// Letters are written as on the day the demo was seeded (its measures lie around that day).
let NOW: Date
const longDate = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
/** 2026-11-18 → "woensdag 18 november 2026", as a letter writes a day. */
const dutchDay = (iso: string) => longDate.format(new Date(`${iso}T12:00:00Z`))
const make = (email: string, measureId: string, kind: string) => runAs(h.db, ctxOf[email]!, renderLetter, { id: measureId, kind }, NOW)
const saveTemplate = (email: string, kind: string, body: string) => run(email, saveLetterTemplate, { kind, body })
const textOf = async (email: string, measureId: string, letterId: string) => {
  const letter = await run(email, getLetterPdf, { id: measureId, letterId })
  expect(letter).toMatchObject({ ok: true })
  if (!letter.ok) throw new Error(JSON.stringify(letter))
  return await pdfText(letter.pdf)
}

async function demoMeasure(email: string, kind: string, state: string) {
  const [m] = await h.db
    .select()
    .from(schema.measures)
    .where(and(eq(schema.measures.schoolId, ctxOf[email]!.schoolId!), eq(schema.measures.kind, kind as 'schorsing'), eq(schema.measures.state, state)))
  expect(m, `${email} ${kind} ${state}`).toBeDefined()
  return m!
}

let decided: typeof schema.measures.$inferSelect // Branding (po), schorsing of 3 days, decided by the board
let proposed: typeof schema.measures.$inferSelect // Branding, awaiting the board
let guardianNames: string[]

beforeAll(async () => {
  const demo = await openDemoDatabase()
  h = demo.h
  Object.assign(ctxOf, demo.ctxOf)
  const [seed] = await h.db.select({ at: schema.stichtingen.createdAt }).from(schema.stichtingen).limit(1)
  NOW = seed!.at
  decided = await demoMeasure('directeur@branding.demo', 'schorsing', 'approved')
  proposed = await demoMeasure('directeur@branding.demo', 'schorsing', 'proposed')
  const guardians = await h.db
    .select({ name: schema.guardians.name })
    .from(schema.studentGuardians)
    .innerJoin(schema.guardians, eq(schema.guardians.id, schema.studentGuardians.guardianId))
    .where(eq(schema.studentGuardians.studentId, decided.studentId))
  guardianNames = guardians.map((g) => g.name)
})
afterAll(() => h?.close())

describe('a letter for a decided schorsing', () => {
  it('says the reasons, the period, the article of the rule set and how to object; stored as version 1 with its template', async () => {
    const r = await make('directeur@branding.demo', decided.id, 'schorsing')
    expect(r).toMatchObject({ ok: true, version: 1 })
    const id = (r as { id: string }).id
    const text = await textOf('directeur@branding.demo', decided.id, id)
    expect(text).toContain(decided.reasons)
    expect(decided.schoolDays).toBe(3)
    expect(text).toContain(`${dutchDay(decided.startsOn!)} tot en met ${dutchDay(decided.endsOn!)}`)
    expect(text).toContain('3 schooldagen')
    expect(decided.ruleSetId).toBe('wet-po-2026')
    expect(text).toContain('WPO art. 40c lid 1')
    expect(text).toMatch(/bezwaar maken bij het bevoegd gezag: Stichting Kompas/)
    expect(text).toContain('de Inspectie van het Onderwijs wordt geïnformeerd')
    expect(guardianNames.length).toBeGreaterThan(0)
    for (const name of guardianNames) expect(text).toContain(name)
    const [row] = await h.db.select().from(schema.measureLetters).where(eq(schema.measureLetters.id, id))
    const [template] = await h.db
      .select()
      .from(schema.letterTemplates)
      .where(and(eq(schema.letterTemplates.stichtingId, decided.stichtingId), eq(schema.letterTemplates.kind, 'schorsing'), eq(schema.letterTemplates.version, 1)))
    expect(row).toMatchObject({ measureId: decided.id, kind: 'schorsing', version: 1, templateId: template!.id, createdById: ctxOf['directeur@branding.demo']!.userId })
    expect(Buffer.from(row!.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  it('each new letter is the next version; the bestuurder makes letters too; the list shows them newest first', async () => {
    expect(await make('ib@branding.demo', decided.id, 'schorsing')).toMatchObject({ ok: true, version: 2 })
    expect(await make('bestuur@kompas.demo', decided.id, 'schorsing')).toMatchObject({ ok: true, version: 3 })
    const list = ok(await run('directeur@branding.demo', listLetters, { id: decided.id }))
    expect(list!.items.map((l) => l.version)).toEqual([3, 2, 1])
    expect(list!.items.every((l) => l.kind === 'schorsing' && l.templateVersion === 1)).toBe(true)
    expect(list!.available).toEqual(['schorsing', 'bezwaar_beslissing'])
  })

  it('without the stichting’s objection clause the letter has no bezwaar paragraph', async () => {
    await h.db.update(schema.stichtingSettings).set({ objectionClauseSchorsing: false }).where(eq(schema.stichtingSettings.stichtingId, decided.stichtingId))
    try {
      const r = await make('directeur@branding.demo', decided.id, 'schorsing')
      expect(r.ok).toBe(true)
      const text = await textOf('directeur@branding.demo', decided.id, (r as { id: string }).id)
      expect(text).not.toMatch(/bezwaar/i)
      expect(text).toContain(decided.reasons)
    } finally {
      await h.db.update(schema.stichtingSettings).set({ objectionClauseSchorsing: true }).where(eq(schema.stichtingSettings.stichtingId, decided.stichtingId))
    }
  })
})

describe('refusals', () => {
  it('a proposed schorsing has no letter yet', async () => {
    const r = await make('directeur@branding.demo', proposed.id, 'schorsing')
    expect(r).toMatchObject({ ok: false, reason: 'conflict' })
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/pas als de schorsing is besloten; de schorsing is nu "voorgesteld"/)
    expect(await h.db.select().from(schema.measureLetters).where(eq(schema.measureLetters.measureId, proposed.id))).toEqual([])
  })

  it('a letter of another kind than the measure’s is refused', async () => {
    expect(await make('directeur@branding.demo', decided.id, 'time_out_kennisgeving')).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'kind' }] })
    expect(await make('directeur@branding.demo', decided.id, 'brief')).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'kind' }] })
  })

  it('a leerkracht sends no decision letters (403), a stichtingbeheerder neither', async () => {
    expect(await make('leerkracht@branding.demo', decided.id, 'schorsing')).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await make('beheer@kompas.demo', decided.id, 'schorsing')).toMatchObject({ ok: false, reason: 'forbidden' })
  })

  it('Horizon cannot make, list or download a letter of a Kompas measure', async () => {
    const [letter] = await h.db.select().from(schema.measureLetters).where(eq(schema.measureLetters.measureId, decided.id))
    for (const email of ['bestuur@horizon.demo', 'directeur@horizon.demo']) {
      expect(await make(email, decided.id, 'schorsing'), email).toMatchObject({ ok: false, reason: 'not_found' })
      expect(await run(email, listLetters, { id: decided.id })).toMatchObject({ ok: false, reason: 'not_found' })
      expect(await run(email, getLetterPdf, { id: decided.id, letterId: letter!.id })).toMatchObject({ ok: false, reason: 'not_found' })
      // The tenant wall on its own: raw rows as the app role.
      expect(await as(email, (tx) => tx.select().from(schema.measureLetters))).toEqual([])
    }
  })

  it('a template without {{redenen}} is refused when saved, and a letter from such a template too', async () => {
    const body = 'Onderwerp: schorsing\n\n{{aanhef}}\n\n{{leerling}} is geschorst voor {{duur}}: {{periode}}.\n\n{{wettelijke_grondslag}}\n\n{{onderwijs_tijdens_maatregel}}\n\n{{bezwaarclausule}}{{inspectie_melding}}\n\n{{ondertekening}}'
    const saved = await saveTemplate('beheer@kompas.demo', 'schorsing', body)
    expect(saved).toMatchObject({ ok: false, reason: 'invalid', missing: ['redenen'], unknown: [] })
    if (!saved.ok) expect(saved.errors[0]!.message).toBe('Het sjabloon mist verplichte plaatshouders: {{redenen}}.')
    // Horizon's template, changed past the check (as a migration or a script could).
    const horizon = await demoMeasure('directeur@horizon.demo', 'schorsing', 'approved')
    await h.db.insert(schema.letterTemplates).values({ stichtingId: horizon.stichtingId, kind: 'schorsing', version: 2, body })
    const r = await make('directeur@horizon.demo', horizon.id, 'schorsing')
    expect(r).toMatchObject({ ok: false, reason: 'conflict', missing: ['redenen'] })
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/^Sjabloon versie 2: Het sjabloon mist verplichte plaatshouders: \{\{redenen\}\}\./)
  })
})

describe('templates', () => {
  it('the stichtingbeheerder and the bestuurder add versions; the next letter uses the newest', async () => {
    const base = ok(await run('beheer@kompas.demo', listLetterTemplates, {})).items.find((t) => t.kind === 'schorsing')!
    expect(base).toMatchObject({ latest: { version: 1 }, required: expect.arrayContaining(['redenen', 'bezwaarclausule']) })
    const body = base.latest!.body.replace('Met vriendelijke groet,', 'Met vriendelijke groet, namens de Kompasscholen,')
    expect(await saveTemplate('beheer@kompas.demo', 'schorsing', body)).toMatchObject({ ok: true, version: 2 })
    expect(await saveTemplate('bestuur@kompas.demo', 'schorsing', body)).toMatchObject({ ok: true, version: 3 })
    const r = await make('directeur@branding.demo', decided.id, 'schorsing')
    expect(r.ok).toBe(true)
    const text = await textOf('directeur@branding.demo', decided.id, (r as { id: string }).id)
    expect(text).toContain('namens de Kompasscholen')
    expect(text).toContain('sjabloon versie 3')
    const after = ok(await run('directeur@branding.demo', listLetterTemplates, {})).items.find((t) => t.kind === 'schorsing')!
    expect(after.versions.map((v) => v.version)).toEqual([3, 2, 1])
  })

  it('school staff read the templates but add none; Horizon sees only its own', async () => {
    expect(await saveTemplate('directeur@branding.demo', 'schorsing', 'x'.repeat(30))).toMatchObject({ ok: false, reason: 'forbidden' })
    const horizon = ok(await run('bestuur@horizon.demo', listLetterTemplates, {})).items
    const schorsing = horizon.find((t) => t.kind === 'schorsing')!
    expect(schorsing.versions.map((v) => v.version)).toEqual([2, 1])
    expect(schorsing.latest!.body).not.toContain('Kompasscholen')
  })
})

describe('the other decision letters', () => {
  it('a verwijdering in vo: the WVO article and the definitive condition', async () => {
    const m = await demoMeasure('directeur@lyceum.demo', 'verwijdering', 'searching')
    const r = await make('directeur@lyceum.demo', m.id, 'verwijdering')
    expect(r).toMatchObject({ ok: true, version: 1 })
    const text = await textOf('directeur@lyceum.demo', m.id, (r as { id: string }).id)
    expect(text).toContain('WVO 2020 art. 8.15')
    expect(text).toContain('De verwijdering wordt definitief zodra een andere school bereid is')
    expect(text).toContain('bezwaar maken')
  })

  it('a time-out notice says it has no statutory basis', async () => {
    const m = await demoMeasure('directeur@branding.demo', 'time_out', 'parents_informed')
    const r = await make('directeur@branding.demo', m.id, 'time_out_kennisgeving')
    expect(r.ok).toBe(true)
    const text = await textOf('directeur@branding.demo', m.id, (r as { id: string }).id)
    expect(text).toContain(dutchDay(m.startsOn!))
    expect(text).toContain('geen wettelijke grondslag')
  })
})
