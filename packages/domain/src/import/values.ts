// Cell values of an import: dates of birth, names, e-mail addresses and phone numbers.

export type ParsedValue<T> = { ok: true; value: T } | { ok: false; message: string }

/** Pupils of po, so, vo and mbo: between 3 (groep 1 from age 4; early starters) and 30 (mbo adults). */
export const MIN_PUPIL_AGE = 3
export const MAX_PUPIL_AGE = 30

const pad = (n: number) => String(n).padStart(2, '0')

/** Full years between a date of birth and a day (both calendar dates). */
export function ageOn(birth: { y: number; m: number; d: number }, today: { y: number; m: number; d: number }): number {
  const before = today.m < birth.m || (today.m === birth.m && today.d < birth.d)
  return today.y - birth.y - (before ? 1 : 0)
}

/**
 * A date of birth as written in an export: dd-mm-yyyy, d-m-yyyy (also with / or .) or yyyy-mm-dd.
 * Returns the ISO date, or a Dutch message for an unknown format, an impossible date (31-02) or an
 * age outside 3–30 years on `today` (Dutch calendar date, YYYY-MM-DD).
 */
export function parseDateOfBirth(raw: string, today: string): ParsedValue<string> {
  const value = raw.trim()
  let y: number, m: number, d: number
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value)
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value)
  if (dayFirst) [d, m, y] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])]
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else return { ok: false, message: `Onbekende datum "${value}": gebruik dd-mm-jjjj of jjjj-mm-dd` }
  const check = new Date(Date.UTC(y, m - 1, d))
  if (m < 1 || m > 12 || check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    return { ok: false, message: `De datum ${value} bestaat niet` }
  }
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
  const age = ageOn({ y, m, d }, { y: ty, m: tm, d: td })
  if (age < MIN_PUPIL_AGE || age > MAX_PUPIL_AGE) {
    return {
      ok: false,
      message:
        age < 0
          ? `De geboortedatum ${value} ligt in de toekomst`
          : `Leeftijd ${age} jaar valt buiten ${MIN_PUPIL_AGE}–${MAX_PUPIL_AGE} jaar; klopt de geboortedatum ${value}?`,
    }
  }
  return { ok: true, value: `${y}-${pad(m)}-${pad(d)}` }
}

/** Trims and collapses inner whitespace; empty becomes null. */
export function cleanText(raw: string | undefined): string | null {
  const v = (raw ?? '').replace(/\s+/g, ' ').trim()
  return v === '' ? null : v
}

/** For matching names: case, accents and spacing do not matter ('Linda de Vries' = 'linda  de vries'). */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

export function parseEmail(raw: string): ParsedValue<string> {
  const v = raw.trim().toLowerCase()
  if (v.length > 254 || !/^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/.test(v)) return { ok: false, message: `Ongeldig e-mailadres "${raw.trim()}"` }
  return { ok: true, value: v }
}

/** Dutch and international numbers as written (06-12345678, +31 6 1234 5678, (010) 123 45 67). */
export function parsePhone(raw: string): ParsedValue<string> {
  const v = raw.replace(/\s+/g, ' ').trim()
  const digits = v.replace(/\D/g, '')
  if (!/^\+?[0-9 ()./-]+$/.test(v) || digits.length < 6 || digits.length > 15) {
    return { ok: false, message: `Ongeldig telefoonnummer "${v}"` }
  }
  return { ok: true, value: v }
}
