// Shared pieces of tenant and organisation administration (the platform's stichtingen and partner
// organisations, the stichting's schools, groups and partner links): input rules, the record as it
// goes into the admin audit trail, and telling a unique-key clash apart from other failures.
import { schema, type Tx } from '@baken/db'
import { z } from 'zod'
import { textInput } from '../input-rules.ts'

export const nameInput = (what: string) => textInput(`Geef de naam van de ${what}`).trim().min(2, `De naam van de ${what} heeft minstens 2 tekens`).max(200, 'Ten hoogste 200 tekens')

/** KvK number: 8 digits (Handelsregisterbesluit 2008 art. 9); spaces and dots as typed are dropped. */
export const kvkInput = textInput('Geef het KvK-nummer')
  .max(40, 'Een KvK-nummer is 8 cijfers, bijvoorbeeld 41012345')
  .transform((v) => v.replace(/[\s.]/g, ''))
  .pipe(z.string().regex(/^[0-9]{8}$/, 'Een KvK-nummer is 8 cijfers, bijvoorbeeld 41012345'))

/** DUO's number of the bevoegd gezag (the board): 5 digits, e.g. 41234. */
export const bevoegdGezagInput = textInput('Geef het bevoegd-gezagnummer')
  .trim()
  .regex(/^[0-9]{5}$/, 'Een bevoegd-gezagnummer (DUO) is 5 cijfers, bijvoorbeeld 41234')

/** BRIN: 2 digits and 2 capitals (DUO's registration number of a school), typed in either case. */
export const brinInput = textInput('Geef de BRIN-code')
  .max(20, 'Een BRIN-code is 2 cijfers en 2 letters, bijvoorbeeld 12AB')
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[0-9]{2}[A-Z]{2}$/, 'Een BRIN-code is 2 cijfers en 2 letters, bijvoorbeeld 12AB'))

/** Dutch postcode: 4 digits (not starting with 0) and 2 letters, stored as '1234 AB'. */
export const postcodeInput = textInput('Geef de postcode')
  .max(20, 'Een postcode is 4 cijfers en 2 letters, bijvoorbeeld 1234 AB')
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[1-9][0-9]{3}[A-Z]{2}$/, 'Een postcode is 4 cijfers en 2 letters, bijvoorbeeld 1234 AB'))
  .transform((v) => `${v.slice(0, 4)} ${v.slice(4)}`)

/** The unique key a Postgres unique violation (23505) names, through Drizzle's wrapper; null for any other error. */
export function violatedUniqueKey(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint?: string; constraint_name?: string; message?: string }
    if (pg.code === '23505') return pg.constraint ?? pg.constraint_name ?? /"([a-z_]+)"/.exec(pg.message ?? '')?.[1] ?? ''
  }
  return null
}

/**
 * Runs an insert or update in a savepoint and turns a clash on a unique key into a value naming
 * the key, so the transaction stays usable and the caller refuses with a field error.
 */
export async function uniquely<T>(tx: Tx, write: (sp: Tx) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; key: string }> {
  try {
    return { ok: true, value: await tx.transaction((sp) => write(sp as unknown as Tx)) }
  } catch (error) {
    const key = violatedUniqueKey(error)
    if (key !== null) return { ok: false, key }
    throw error
  }
}

export type SchoolRow = typeof schema.schools.$inferSelect

/** A school as the trail and the API show it. */
export function schoolView(s: SchoolRow) {
  return {
    id: s.id,
    stichtingId: s.stichtingId,
    name: s.name,
    brin: s.brin,
    sector: s.sector,
    holidayRegion: s.holidayRegion,
    street: s.street,
    postcode: s.postcode,
    place: s.place,
  }
}
export type SchoolView = ReturnType<typeof schoolView>

export type StichtingRow = typeof schema.stichtingen.$inferSelect

/** A stichting as the platform sees it: the organisation's own data, no person's. */
export function stichtingView(s: StichtingRow) {
  return {
    id: s.id,
    name: s.name,
    kvkNumber: s.kvkNumber,
    bevoegdGezagNumber: s.bevoegdGezagNumber,
    suspendedAt: s.suspendedAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
  }
}

/** A partner organisation: its name and kind. */
export function partnerView(p: typeof schema.partnerOrganisations.$inferSelect) {
  return { id: p.id, name: p.name, kind: p.kind, createdAt: p.createdAt.toISOString() }
}

/** The fields of a school as the stichtingbeheerder enters them, for adding and editing alike. */
export const schoolFields = {
  name: nameInput('school'),
  brin: brinInput,
  sector: z.enum(schema.SECTORS, { message: 'Kies de sector: po, so, vo of mbo' }),
  holidayRegion: z.enum(schema.REGIONS, { message: 'Kies de vakantieregio: noord, midden of zuid' }),
  street: textInput('Geef straat en huisnummer').trim().min(3, 'Geef straat en huisnummer').max(200, 'Ten hoogste 200 tekens'),
  postcode: postcodeInput,
  place: textInput('Geef de plaats').trim().min(2, 'Geef de plaats').max(100, 'Ten hoogste 100 tekens'),
}

export const BRIN_TAKEN = 'Deze BRIN-code is al in gebruik bij een andere school. Controleer de code bij DUO.'
