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
