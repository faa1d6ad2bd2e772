// The CSV import on the embedded database, in the caller's tenant transaction: dry run, apply,
// re-import, edits, all-or-nothing, the role wall and the tenant wall.
import { schema, withTenant, type DatabaseHandle, type TenantContext } from '@baken/db'
import { demoDates } from '@baken/db/demo'
import { defineAbilityFor } from '@baken/permissions'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyImport, planImport, runUseCase, suggestImportMapping, type ImportInput, type ImportReport } from '../src/index.ts'
import { openDemoDatabase } from './support/demo-database.ts'

let h: DatabaseHandle
const ctxOf: Record<string, TenantContext> = {}
const schoolOf: Record<string, string> = {}
// The seeding day and its schooljaar, the one the demo's groups belong to.
let TODAY: string
let YEAR: string

beforeAll(async () => {
  const demo = await openDemoDatabase()
  h = demo.h
  Object.assign(ctxOf, demo.ctxOf)
  const [seed] = await h.db.select({ at: schema.stichtingen.createdAt }).from(schema.stichtingen).limit(1)
  ;({ today: TODAY, schoolYear: YEAR } = demoDates(seed!.at))
  schoolOf.branding = ctxOf['directeur@branding.demo']!.schoolId!
  schoolOf.horizon = ctxOf['directeur@horizon.demo']!.schoolId!
})
afterAll(() => h?.close())

const HEADER =
  'Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Groep;Naam ouder/verzorger 1;E-mail ouder/verzorger 1;Telefoon ouder/verzorger 1;Naam ouder/verzorger 2;E-mail ouder/verzorger 2'
const FILE = [
  HEADER,
  '900001;Ilse;van;Dam;03-04-2017;groep 7;Marieke van Dam;marieke@ouders.test;06-11112222;Peter van Dam;peter@ouders.test',
  '900002;Tom;;Jansen;2016-12-01;groep 7;Karin Jansen;karin@ouders.test;;;',
  '900003;Noa;;Bos;7-9-2019;groep 3;;;;;',
].join('\r\n')
const IDS = ['900001', '900002', '900003']

function input(csv: string, overrides: Partial<ImportInput> = {}): ImportInput {
  const headers = csv.split(/\r?\n/)[0]!.split(';')
  return { csv, mapping: suggestImportMapping(headers), schoolYear: YEAR, today: TODAY, ...overrides }
}

const as = <T>(email: string, fn: (tx: Parameters<Parameters<typeof withTenant>[2]>[0], ctx: TenantContext) => Promise<T>) => {
  const ctx = ctxOf[email]!
  return withTenant(h.db, ctx, (tx) => fn(tx, ctx))
}
const plan = (email: string, i: ImportInput) => as(email, (tx, ctx) => runUseCase(planImport, tx, { ability: defineAbilityFor(ctx), tenant: ctx, now: new Date() }, i))
const apply = (email: string, i: ImportInput) => as(email, (tx, ctx) => runUseCase(applyImport, tx, { ability: defineAbilityFor(ctx), tenant: ctx, now: new Date() }, i))

/** A digest of every school-owned pupil table of a school, read as the owner: proves nothing changed. */
async function snapshot(schoolId: string): Promise<string> {
  const parts: string[] = []
  for (const table of ['groups', 'students', 'guardians', 'student_guardians']) {
    const res = await h.db.execute(
      sql`select count(*)::int as n, coalesce(md5(string_agg(to_jsonb(x)::text, '|' order by to_jsonb(x)::text)), '') as d
          from ${sql.identifier(table)} x where school_id = ${schoolId}`,
    )
    const row = (res as unknown as { rows: { n: number; d: string }[] }).rows[0]!
    parts.push(`${table}:${row.n}:${row.d}`)
  }
  return parts.join(' ')
}

async function pupils(schoolId: string, externalIds: string[]) {
  return h.db
    .select({
      id: schema.students.id,
      externalId: schema.students.externalId,
      firstName: schema.students.firstName,
      infix: schema.students.infix,
      lastName: schema.students.lastName,
      dateOfBirth: schema.students.dateOfBirth,
      groupName: schema.groups.name,
    })
    .from(schema.students)
    .leftJoin(schema.groups, eq(schema.groups.id, schema.students.groupId))
    .where(and(eq(schema.students.schoolId, schoolId), inArray(schema.students.externalId, externalIds)))
    .orderBy(schema.students.externalId)
}

async function guardiansOf(studentId: string) {
  return h.db
    .select({ name: schema.guardians.name, email: schema.guardians.email, phone: schema.guardians.phone, relation: schema.studentGuardians.relation })
    .from(schema.studentGuardians)
    .innerJoin(schema.guardians, eq(schema.guardians.id, schema.studentGuardians.guardianId))
    .where(eq(schema.studentGuardians.studentId, studentId))
    .orderBy(schema.guardians.name)
}

describe('import', () => {
  it('a dry run reports every row and writes nothing', async () => {
    const before = await snapshot(schoolOf.branding!)
    const res = await plan('directeur@branding.demo', input(FILE))
    expect(res.ok).toBe(true)
    if (!res.ok) return
    const { report } = res
    expect(report.counts).toEqual({ total: 3, create: 3, update: 0, unchanged: 0, error: 0 })
    expect(report.canApply).toBe(true)
    expect(report.groupsToCreate).toEqual(['groep 7'])
    expect(report.rows.map((r) => [r.row, r.externalId, r.name, r.action])).toEqual([
      [2, '900001', 'Ilse van Dam', 'create'],
      [3, '900002', 'Tom Jansen', 'create'],
      [4, '900003', 'Noa Bos', 'create'],
    ])
    expect(report.rows[0]!.changes).toContainEqual({ field: 'dateOfBirth', from: null, to: '2017-04-03' })
    expect(report.rows[0]!.changes).toContainEqual({ field: 'guardian2Email', from: null, to: 'peter@ouders.test' })
    // The school's current pupils are not in this file: reported, not touched.
    const [{ n }] = (await h.db.execute(sql`select count(*)::int as n from students where school_id = ${schoolOf.branding} and status = 'active'`) as unknown as {
      rows: { n: number }[]
    }).rows as [{ n: number }]
    expect(report.notInFile).toHaveLength(n)
    expect(await snapshot(schoolOf.branding!)).toBe(before)
  })

  it('apply creates the pupils, the missing group of the school year and the guardians', async () => {
    const res = await apply('directeur@branding.demo', input(FILE))
    expect(res.ok).toBe(true)
    const rows = await pupils(schoolOf.branding!, IDS)
    expect(rows.map((r) => [r.externalId, r.firstName, r.infix, r.lastName, r.dateOfBirth, r.groupName])).toEqual([
      ['900001', 'Ilse', 'van', 'Dam', '2017-04-03', 'groep 7'],
      ['900002', 'Tom', null, 'Jansen', '2016-12-01', 'groep 7'],
      ['900003', 'Noa', null, 'Bos', '2019-09-07', 'groep 3'],
    ])
    const groep7 = await h.db
      .select({ year: schema.schoolYears.name })
      .from(schema.groups)
      .innerJoin(schema.schoolYears, eq(schema.schoolYears.id, schema.groups.schoolYearId))
      .where(and(eq(schema.groups.schoolId, schoolOf.branding!), eq(schema.groups.name, 'groep 7')))
    expect(groep7).toEqual([{ year: YEAR }])
    // groep 3 already existed: not created again.
    const groep3 = await h.db.select().from(schema.groups).where(and(eq(schema.groups.schoolId, schoolOf.branding!), eq(schema.groups.name, 'groep 3')))
    expect(groep3).toHaveLength(1)
    expect(await guardiansOf(rows[0]!.id)).toEqual([
      { name: 'Marieke van Dam', email: 'marieke@ouders.test', phone: '06-11112222', relation: 'ouder/verzorger 1' },
      { name: 'Peter van Dam', email: 'peter@ouders.test', phone: null, relation: 'ouder/verzorger 2' },
    ])
    expect(await guardiansOf(rows[1]!.id)).toEqual([{ name: 'Karin Jansen', email: 'karin@ouders.test', phone: null, relation: 'ouder/verzorger 1' }])
    expect(await guardiansOf(rows[2]!.id)).toEqual([])
  })

  it('importing the same file again changes nothing: every row is unchanged', async () => {
    const before = await snapshot(schoolOf.branding!)
    const dry = await plan('directeur@branding.demo', input(FILE))
    expect(dry.ok && dry.report.counts).toEqual({ total: 3, create: 0, update: 0, unchanged: 3, error: 0 })
    expect(dry.ok && dry.report.groupsToCreate).toEqual([])
    const res = await apply('directeur@branding.demo', input(FILE))
    expect(res.ok).toBe(true)
    expect(await snapshot(schoolOf.branding!)).toBe(before)
  })

  it('an edited file updates (new group, new e-mail, other spelling of a guardian) without duplicating', async () => {
    const edited = [
      HEADER,
      '900001;Ilse;van;Dam;03-04-2017;groep 8;MARIEKE VAN DAM;marieke.vandam@ouders.test;06-11112222;Peter van Dam;peter@ouders.test',
      '900002;Tom;;Jansen;2016-12-01;groep 7;Karin Jansen;karin@ouders.test;;;',
      '900003;Noa;;Bos;7-9-2019;groep 3;;;;;',
    ].join('\n')
    const dry = await plan('ib@branding.demo', input(edited))
    expect(dry.ok).toBe(true)
    if (!dry.ok) return
    expect(dry.report.counts).toEqual({ total: 3, create: 0, update: 1, unchanged: 2, error: 0 })
    expect(dry.report.rows[0]!.changes).toEqual([
      { field: 'groupName', from: 'groep 7', to: 'groep 8' },
      { field: 'guardian1Email', from: 'marieke@ouders.test', to: 'marieke.vandam@ouders.test' },
    ])
    expect((await apply('ib@branding.demo', input(edited))).ok).toBe(true)
    const rows = await pupils(schoolOf.branding!, IDS)
    expect(rows).toHaveLength(3)
    expect(rows[0]!.groupName).toBe('groep 8')
    const g = await guardiansOf(rows[0]!.id)
    expect(g).toHaveLength(2)
    expect(g[0]).toMatchObject({ name: 'Marieke van Dam', email: 'marieke.vandam@ouders.test' })
  })

  it('updates a pupil already in the register (seeded), matched on the leerlingnummer', async () => {
    const [seeded] = await h.db
      .select()
      .from(schema.students)
      .where(and(eq(schema.students.schoolId, schoolOf.branding!), eq(schema.students.externalId, '100000')))
    const csv = `Leerlingnummer;Roepnaam;Achternaam\n100000;${seeded!.firstName};Nieuwenhuis`
    const res = await apply('directeur@branding.demo', input(csv))
    expect(res.ok && res.report.rows[0]).toMatchObject({ action: 'update', changes: [{ field: 'lastName', from: seeded!.lastName, to: 'Nieuwenhuis' }] })
    const after = await pupils(schoolOf.branding!, ['100000'])
    expect(after).toHaveLength(1)
    expect(after[0]).toMatchObject({ id: seeded!.id, lastName: 'Nieuwenhuis', dateOfBirth: seeded!.dateOfBirth })
  })

  it('a pupil marked as left who is in the file again is enrolled again', async () => {
    const [ilse] = await pupils(schoolOf.branding!, ['900001'])
    await h.db.update(schema.students).set({ status: 'left', leftOn: '2026-10-01' }).where(eq(schema.students.id, ilse!.id))
    const csv = 'Leerlingnummer;Roepnaam;Achternaam\n900001;Ilse;Dam'
    const dry = await plan('directeur@branding.demo', input(csv))
    expect(dry.ok && dry.report.rows[0]).toMatchObject({ action: 'update', changes: [{ field: 'status', from: 'uitgeschreven', to: 'actief' }] })
    // A left pupil is not "missing from the file": only active ones are reported.
    expect(dry.ok && dry.report.notInFile.some((s) => s.id === ilse!.id)).toBe(false)
    expect((await apply('directeur@branding.demo', input(csv))).ok).toBe(true)
    const [row] = await h.db.select().from(schema.students).where(eq(schema.students.id, ilse!.id))
    expect(row).toMatchObject({ status: 'active', leftOn: null, firstName: 'Ilse', infix: 'van' })
  })

  it('a file with one bad row applies nothing, and says which row and field are wrong', async () => {
    const before = await snapshot(schoolOf.branding!)
    const bad = [
      HEADER,
      '900004;Lotte;;Kok;01-02-2018;groep 9;;;;;',
      '900005;Sem;;Prins;31-02-2018;groep 9;Els Prins;geen-adres;;;',
      '900001;Ilse;van;Dam;03-04-2017;groep 6;;;;;',
    ].join('\n')
    const res = await apply('directeur@branding.demo', input(bad))
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.reason).toBe('invalid')
    expect(res.errors[0]!.message).toMatch(/niets geïmporteerd/)
    // The refusal carries the report of the rows to mend.
    expect((res as typeof res & { report?: ImportReport }).report!.rows[1]).toMatchObject({
      row: 3,
      action: 'error',
      errors: [
        { field: 'dateOfBirth', message: 'De datum 31-02-2018 bestaat niet' },
        { field: 'guardian1Email', message: 'Ongeldig e-mailadres "geen-adres"' },
      ],
    })
    expect(await snapshot(schoolOf.branding!)).toBe(before)
    expect(await pupils(schoolOf.branding!, ['900004'])).toEqual([])
  })

  it('reports duplicates, missing required values and unmapped required columns per row', async () => {
    const csv = ['Leerlingnummer;Roepnaam;Achternaam;Geboortedatum', '900010;Mees;Vos;01-01-2015', '900010;Mees;Vos;01-01-2015', ';Anna;Berg;01-01-2015', '900011;;Berg;01-01-2015'].join('\n')
    const res = await plan('directeur@branding.demo', input(csv))
    expect(res.ok).toBe(true)
    if (!res.ok) return
    expect(res.report.rows.map((r) => [r.action, r.errors.map((e) => e.message)])).toEqual([
      ['create', []],
      ['error', ['Leerlingnummer 900010 staat ook in rij 2']],
      ['error', ['Leerlingnummer ontbreekt']],
      ['error', ['Roepnaam ontbreekt']],
    ])
    expect(res.report.canApply).toBe(false)
    const noDate = await plan('directeur@branding.demo', input('Leerlingnummer;Roepnaam;Achternaam\n900012;Mees;Vos'))
    expect(noDate.ok && noDate.report.rows[0]!.errors).toEqual([
      { field: 'dateOfBirth', message: 'Geboortedatum is nodig voor een nieuwe leerling: kies er een kolom voor' },
    ])
    const noKey = await plan('directeur@branding.demo', input(FILE, { mapping: { firstName: 1, lastName: 3 } }))
    expect(noKey).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'mapping' }] })
    const badFile = await plan('directeur@branding.demo', input('alleen één kolom\nx'))
    expect(badFile).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'file', message: expect.stringMatching(/één kolom/) }] })
  })

  it('a leerkracht is refused, for the dry run and for apply', async () => {
    const before = await snapshot(schoolOf.branding!)
    const csv = FILE.replaceAll('9000', '9100')
    for (const fn of [plan, apply]) {
      const res = await fn('leerkracht@branding.demo', input(csv))
      expect(res).toMatchObject({ ok: false, reason: 'forbidden' })
    }
    expect(await snapshot(schoolOf.branding!)).toBe(before)
  })

  it('another school importing the same leerlingnummers gets its own pupils; De Branding is untouched', async () => {
    const branding = await snapshot(schoolOf.branding!)
    const res = await apply('directeur@horizon.demo', input(FILE))
    expect(res.ok && res.report.counts.create).toBe(3)
    expect(await snapshot(schoolOf.branding!)).toBe(branding)
    const horizon = await pupils(schoolOf.horizon!, IDS)
    expect(horizon.map((r) => r.externalId)).toEqual(IDS)
    const ids = new Set((await pupils(schoolOf.branding!, IDS)).map((r) => r.id))
    for (const r of horizon) expect(ids.has(r.id)).toBe(false)
  })
})
