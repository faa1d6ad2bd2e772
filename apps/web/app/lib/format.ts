// Display helpers shared by pages (Dutch formats, Dutch local time).
export const SEVERITY_TEXT: Record<string, string> = { overig: 'overig', ernstig: 'ernstig', zeer_ernstig: 'zeer ernstig' }

export function formatDateTime(value: string | Date): string {
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(value))
}

export function formatDate(value: string | Date): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(value),
  )
}

/** A dictionary text with its {placeholders} filled in ("{n} dagen" with {n: 3} → "3 dagen"); an unknown one becomes empty. */
export const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''))

/** "1 schooldag", "3 schooldagen". */
export function schoolDaysText(n: number): string {
  return `${n} ${n === 1 ? 'schooldag' : 'schooldagen'}`
}

/** A date in words ("4 december 2026"), for histories and letters' facts. */
export function formatDateLong(value: string | Date): string {
  const d = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value)
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }).format(d)
}

/** A moment in words ("4 december 2026, 14:05"). */
export function formatDateTimeLong(value: string | Date): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(value))
}
