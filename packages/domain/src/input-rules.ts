// What the server accepts as text, dates and yes/no from a form or a JSON body, in one place. Every
// input schema builds on these, and the API's body parser applies the text rule to a whole body, so
// a rule holds on every page and API route alike. Messages are Dutch: they reach the form and the
// API as they are.
import { z } from 'zod'
import type { FieldError } from './result.ts'

// ---- Text -----------------------------------------------------------------------------------------

/**
 * C0 control characters other than tab, line feed and carriage return (U+0000–U+001F minus U+0009,
 * U+000A, U+000D). Postgres cannot store U+0000 in text at all, and the others are invisible and
 * typed by no one (a paste from a binary file, or a probe): text with them is refused, not stored
 * and not silently changed.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/

export const CONTROL_CHARACTER_MESSAGE =
  'Bevat een onzichtbaar stuurteken (zoals een NUL-teken) dat niet in tekst hoort; haal het weg en probeer het opnieuw.'

/** A UTF-16 surrogate without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export const BROKEN_TEXT_MESSAGE = 'Bevat een ongeldig teken (een losse helft van een Unicode-paar); typ of plak de tekst opnieuw.'

/**
 * Whether the text holds a control character, or is not well-formed Unicode: a lone UTF-16
 * surrogate has no character to store (UTF-8 cannot encode it, and a driver would replace it with
 * U+FFFD silently), so it is refused like a control character.
 */
export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value) || LONE_SURROGATE.test(value)
}

/** The message for text hasControlCharacters refuses. */
export function textProblemMessage(value: string): string {
  return CONTROL_CHARACTERS.test(value) ? CONTROL_CHARACTER_MESSAGE : BROKEN_TEXT_MESSAGE
}

/**
 * Every string in a parsed body (a JSON value or a form's fields) that holds a control character,
 * by path (`persons.0.description`); an object key with one is reported at the key itself.
 */
export function controlCharacterErrors(value: unknown, path: string[] = []): FieldError[] {
  if (typeof value === 'string') return hasControlCharacters(value) ? [{ path: path.join('.'), message: textProblemMessage(value) }] : []
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharacterErrors(v, [...path, String(i)]))
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([k, v]) =>
      // The key is not echoed: it is the bad part, and the client knows what it sent.
      hasControlCharacters(k) ? [{ path: path.join('.'), message: textProblemMessage(k) }] : controlCharacterErrors(v, [...path, k]),
    )
  }
  return []
}

/**
 * A string from outside: what a person typed, or an identifier a client sent. `z.string()` with
 * the control-character rule first (so `.trim().min().max()` chain on as usual); use it for every
 * string field of an input schema.
 */
export const textInput = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine((v) => !hasControlCharacters(v), { error: (issue) => textProblemMessage(String(issue.input)), abort: true })

/**
 * The id of a record, from the path or the body: a UUID when it names anything, but any other text
 * is a record nobody can see (404, as for another tenant's id), so only its length is refused here.
 */
export const recordId = () => textInput().max(100, 'Onbekend id')

// ---- Dates ----------------------------------------------------------------------------------------

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * The years a date in Baken can fall in: a date of birth of the oldest staff member to a deadline
 * decades ahead. 0000-00-00 or 9999-12-31 is a placeholder or a typing error, never a real day of
 * a school's case, and Postgres would store the latter.
 */
export const FIRST_YEAR = 1900
export const LAST_YEAR = 2199

/** Whether y-m-d is a day of the Gregorian calendar (2026-02-30 is not; JS Date would roll it to 2 March) within the years above. */
function isRealDay(year: number, month: number, day: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** A real calendar date written as YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  return !!m && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))
}

/** A real calendar date as YYYY-MM-DD (refuses 2026-02-30 and 2026-13-01 instead of rolling them over). */
export const calendarDate = (message = 'Datum als JJJJ-MM-DD') => textInput(message).max(10, message).refine(isCalendarDate, message)

/** The offset of Europe/Amsterdam from UTC, in milliseconds, at an instant (CET +1 h, CEST +2 h). */
function amsterdamOffset(at: number): number {
  const wall = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at))
  const part = (t: string) => Number(wall.find((p) => p.type === t)!.value)
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - Math.floor(at / 1000) * 1000
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i

/**
 * A date and time: RFC 3339 with `Z` or an offset, or 'YYYY-MM-DDTHH:MM[:SS]' without one as Dutch
 * local time (a form's datetime-local). Null unless every part is real: 2026-02-30, 24:00 and
 * 10:61 are refused, not rolled over.
 */
export function parseDateTime(value: string): Date | null {
  const m = DATE_TIME.exec(value.trim())
  if (!m) return null
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number]
  if (!isRealDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return null
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms)
  const zone = m[8]
  if (zone) {
    if (zone.toUpperCase() === 'Z') return new Date(wall)
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!
    const [zh, zm] = [Number(z[2]), Number(z[3])]
    if (zh > 23 || zm > 59) return null
    return new Date(wall - (z[1] === '-' ? -1 : 1) * (zh * 60 + zm) * 60_000)
  }
  // Local time: the Amsterdam offset at about that moment, then once more at the result (which
  // settles it on either side of a change to or from summer time).
  const first = wall - amsterdamOffset(wall)
  return new Date(wall - amsterdamOffset(first))
}

/** An instant: a valid Date, or a string parseDateTime accepts. */
export const dateTimeInput = (message = 'Vul een geldige datum en tijd in') =>
  z.union([z.date(), textInput().max(40, message)], { message }).transform((v, ctx) => {
    const d = typeof v === 'string' ? parseDateTime(v) : v
    if (d) return d
    ctx.addIssue({ code: 'custom', message })
    return z.NEVER
  })

// ---- Yes or no ------------------------------------------------------------------------------------

const YES = ['true', 'on', '1', 'ja'] as const
const NO = ['false', 'off', '0', 'nee'] as const

/**
 * A yes/no: JSON true or false, or a form's word for one (a checkbox sends "on"). Anything else is
 * refused: `z.coerce.boolean` would take the string "false" as true.
 */
export const yesNo = (message = 'Kies ja of nee (true of false)') =>
  z.union([z.boolean(), z.enum([...YES, ...NO])], { message }).transform((v) => v === true || (YES as readonly unknown[]).includes(v))
