// Importing the school holidays of the three regions from the Rijksoverheid's open data
// (https://www.rijksoverheid.nl/opendata/schoolvakanties; opendata.rijksoverheid.nl, infotype
// schoolholidays): one schooljaar per `content[]` item, each with `vacations[]` (`type`, e.g.
// "Herfstvakantie", and `regions[]` with `region` noord | midden | zuid | heel Nederland, `startdate`
// and `enddate`). The API gives instants in UTC — a start at 00:00Z, an end at 23:59 Dutch time —
// so every date is read as its Dutch calendar date; a plain YYYY-MM-DD is taken as it is.
//
// The import replaces the region holidays (kind schoolvakantie, no school) of each schooljaar in the
// file for the caller's stichting; the schools' own days and other kinds of entries stay. It is all or
// nothing: a file with any error is refused with every error found (in Dutch) and nothing is written.
import { schema } from '@baken/db'
import { accessibleWhere, record } from '@baken/permissions'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import type { FieldError } from '../result.ts'
import { defineUseCase, invalid, refuse } from '../use-case.ts'
import { isIsoDate } from './calendar-dates.ts'
import { calendarColumns, CALENDAR_KEEPER_ONLY } from './calendar-entries.ts'
import { calendarEntryInput } from './create-calendar-entry.ts'
import type { HolidayRegion } from './school-calendar.ts'
import schoolvakanties20252026 from './data/schoolvakanties-2025-2026.json' with { type: 'json' }
import schoolvakanties20262027 from './data/schoolvakanties-2026-2027.json' with { type: 'json' }
import schoolvakanties20272028 from './data/schoolvakanties-2027-2028.json' with { type: 'json' }

/** The Rijksoverheid's data Baken ships (sources in data/README.md), by schooljaar. */
export const BUNDLED_SCHOOL_HOLIDAYS: Readonly<Record<string, unknown>> = {
  '2025-2026': schoolvakanties20252026,
  '2026-2027': schoolvakanties20262027,
  '2027-2028': schoolvakanties20272028,
}

/** A holiday file is a few kilobytes; the API's list of every schooljaar stays far below this. */
export const MAX_HOLIDAY_FILE_BYTES = 512 * 1024
const MAX_ERRORS = 20
const REGIONS: readonly HolidayRegion[] = schema.REGIONS
const FORMAT = 'het open-dataformaat van de Rijksoverheid voor schoolvakanties, met content[].vacations[].regions[] (zie rijksoverheid.nl/opendata/schoolvakanties)'

export interface ImportedHoliday {
  region: HolidayRegion
  name: string
  startsOn: string
  endsOn: string
}

export interface ImportedSchoolYear {
  schoolYear: string
  holidays: ImportedHoliday[]
}

export type ParsedHolidayFile = { ok: true; schoolYears: ImportedSchoolYear[] } | { ok: false; errors: FieldError[] }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** An API instant or a plain date as the Dutch calendar date, or null. */
function dutchDateOf(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const s = value.trim()
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return isIsoDate(s) ? s : null
  if (!/^\d{4}-\d{2}-\d{2}T/.test(s)) return null
  const t = Date.parse(s)
  return Number.isNaN(t) ? null : localDate(new Date(t))
}

/** "\n Herfstvakantie \n" → "Herfstvakantie". */
function holidayName(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const s = value.replace(/\s+/g, ' ').trim()
  return s ? s.charAt(0).toLocaleUpperCase('nl-NL') + s.slice(1) : null
}

/**
 * Reads a file in the Rijksoverheid's format: one schooljaar (the API's answer for /schoolyear/…) or a
 * list of them (its answer without). Checks every schooljaar's name, every region, every date (a real
 * date, the end not before the start, within the schooljaar; only the zomervakantie runs on into
 * September) and that each region gets its holidays. Pure: no database.
 */
export function parseRijksoverheidSchoolHolidays(text: string): ParsedHolidayFile {
  const errors: string[] = []
  if (!text.trim()) return { ok: false, errors: [{ path: 'file', message: `Het bestand is leeg. Verwacht: ${FORMAT}.` }] }
  let root: unknown
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { ok: false, errors: [{ path: 'file', message: `Het bestand is geen geldige JSON. Verwacht: ${FORMAT}.` }] }
  }
  const items = Array.isArray(root) ? root : [root]
  const contents = items.flatMap((item) => (isObject(item) && Array.isArray(item.content) ? item.content : []))
  if (contents.length === 0) {
    return { ok: false, errors: [{ path: 'file', message: `Geen schoolvakanties gevonden. Verwacht: ${FORMAT}.` }] }
  }

  const years: ImportedSchoolYear[] = []
  contents.forEach((content, i) => {
    const at = `content[${i}]`
    if (!isObject(content)) return void errors.push(`${at}: geen schooljaar met vakanties.`)
    const schoolYear = typeof content.schoolyear === 'string' ? content.schoolyear.replace(/\s+/g, '') : ''
    const m = /^(\d{4})-(\d{4})$/.exec(schoolYear)
    if (!m || Number(m[2]) !== Number(m[1]) + 1) {
      return void errors.push(`${at}: "${String(content.schoolyear ?? '')}" is geen schooljaar (verwacht bijvoorbeeld 2027-2028).`)
    }
    if (years.some((y) => y.schoolYear === schoolYear)) return void errors.push(`${at}: schooljaar ${schoolYear} staat meer dan één keer in het bestand.`)
    if (!Array.isArray(content.vacations) || content.vacations.length === 0) return void errors.push(`Schooljaar ${schoolYear}: geen vakanties (vacations[]).`)
    const holidays: ImportedHoliday[] = []
    content.vacations.forEach((vacation: unknown, k: number) => {
      const name = isObject(vacation) ? holidayName(vacation.type) : null
      const where = `Schooljaar ${schoolYear}, ${name ?? `vacations[${k}]`}`
      if (!isObject(vacation) || !name) return void errors.push(`${where}: de vakantie heeft geen naam (type).`)
      if (!Array.isArray(vacation.regions) || vacation.regions.length === 0) return void errors.push(`${where}: geen regio's (regions[]).`)
      vacation.regions.forEach((r: unknown, l: number) => {
        const raw = isObject(r) && typeof r.region === 'string' ? r.region.trim() : ''
        const region = raw.toLowerCase()
        const targets: HolidayRegion[] | null = region === 'heel nederland' ? [...REGIONS] : (REGIONS as readonly string[]).includes(region) ? [region as HolidayRegion] : null
        if (!isObject(r) || !targets) {
          return void errors.push(`${where}, regions[${l}]: onbekende regio "${raw}" (verwacht noord, midden, zuid of heel Nederland).`)
        }
        const startsOn = dutchDateOf(r.startdate)
        const endsOn = dutchDateOf(r.enddate)
        if (!startsOn || !endsOn) return void errors.push(`${where}, regio ${raw}: ${!startsOn ? 'startdate' : 'enddate'} is geen datum.`)
        for (const target of targets) {
          // The same bounds as an entry made by hand (calendar-entries.ts): within the schooljaar; only a schoolvakantie (the zomervakantie) runs on.
          const checked = calendarEntryInput.safeParse({ schooljaar: schoolYear, kind: 'schoolvakantie', name, startsOn, endsOn, scope: `regio:${target}` })
          if (!checked.success) {
            for (const issue of checked.error.issues) errors.push(`${where}, regio ${target}: ${issue.message}.`)
            continue
          }
          const twin = holidays.find((h) => h.region === target && h.name === name)
          if (twin && (twin.startsOn !== startsOn || twin.endsOn !== endsOn)) {
            errors.push(`${where}: regio ${target} staat er twee keer in met verschillende data.`)
          } else if (!twin) {
            holidays.push({ region: target, name, startsOn, endsOn })
          }
        }
      })
    })
    for (const region of REGIONS) {
      if (!holidays.some((h) => h.region === region) && !errors.some((e) => e.startsWith(`Schooljaar ${schoolYear}`))) {
        errors.push(`Schooljaar ${schoolYear}: geen schoolvakanties voor regio ${region}.`)
      }
    }
    years.push({ schoolYear, holidays })
  })
  if (errors.length) {
    const shown = errors.slice(0, MAX_ERRORS).map((message) => ({ path: 'file', message }))
    if (errors.length > MAX_ERRORS) shown.push({ path: 'file', message: `En nog ${errors.length - MAX_ERRORS} fouten.` })
    return { ok: false, errors: shown }
  }
  return { ok: true, schoolYears: years.sort((a, b) => a.schoolYear.localeCompare(b.schoolYear)) }
}

/** How many holidays were imported, per schooljaar in the file, and how many region holidays they replaced. */
export interface HolidayImport {
  imported: number
  schoolYears: { schoolYear: string; imported: number; replaced: number }[]
}

/**
 * Imports a Rijksoverheid file for the caller's stichting (stichtingbeheerder): for each schooljaar in
 * it, the region holidays are replaced by the file's. Run inside one transaction: a refusal writes
 * nothing.
 */
export const importSchoolHolidays = defineUseCase({
  name: 'calendar/import-school-holidays',
  input: z.object({ text: z.string().max(MAX_HOLIDAY_FILE_BYTES) }),
  permission: ['create', 'Calendar'],
  forbidden: CALENDAR_KEEPER_ONLY,
  async run(tx, { ability, tenant }, input) {
    const stichtingId = tenant.stichtingId
    const scope = record('Calendar', { stichtingId: stichtingId ?? '', schoolId: null })
    // Replacing the region holidays is adding and deleting region entries.
    if (!stichtingId || !ability.can('create', scope) || !ability.can('delete', scope)) return refuse('forbidden', 'file', CALENDAR_KEEPER_ONLY)
    if (new TextEncoder().encode(input.text).length > MAX_HOLIDAY_FILE_BYTES) {
      return refuse('invalid', 'file', `Het bestand is te groot; het maximum is ${MAX_HOLIDAY_FILE_BYTES / 1024} kB.`)
    }
    const parsed = parseRijksoverheidSchoolHolidays(input.text)
    if (!parsed.ok) return invalid(parsed.errors)
    const names = parsed.schoolYears.map((y) => y.schoolYear)
    const known = new Set((await tx.select({ name: schema.schoolYears.name }).from(schema.schoolYears).where(inArray(schema.schoolYears.name, names))).map((r) => r.name))
    const unknown = names.filter((n) => !known.has(n))
    if (unknown.length) {
      return invalid(unknown.map((n) => ({ path: 'file', message: `Schooljaar ${n} is niet bekend in Baken; het bestand is niet geïmporteerd.` })))
    }
    const c = schema.calendarEntries
    const out: { schoolYear: string; imported: number; replaced: number }[] = []
    for (const year of parsed.schoolYears) {
      const replaced = await tx
        .delete(c)
        .where(
          and(
            eq(c.stichtingId, stichtingId),
            eq(c.schoolYear, year.schoolYear),
            eq(c.kind, 'schoolvakantie'),
            isNull(c.schoolId),
            accessibleWhere(ability, 'delete', 'Calendar', calendarColumns),
          ),
        )
        .returning({ id: c.id })
      await tx.insert(c).values(
        year.holidays.map((h) => ({
          stichtingId,
          schoolId: null,
          region: h.region,
          schoolYear: year.schoolYear,
          kind: 'schoolvakantie' as const,
          name: h.name,
          startsOn: h.startsOn,
          endsOn: h.endsOn,
          createdById: tenant.userId,
        })),
      )
      out.push({ schoolYear: year.schoolYear, imported: year.holidays.length, replaced: replaced.length })
    }
    return { ok: true as const, imported: out.reduce((n, y) => n + y.imported, 0), schoolYears: out }
  },
})
