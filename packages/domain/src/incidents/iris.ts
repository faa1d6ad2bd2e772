// The IRIS code lists (the Dutch school incident-registration standard), from data/iris-codes.csv —
// a copy of shared/reference/iris-codes.csv (a unit test keeps the two equal). Every coded choice on
// an incident stores its IRIS code, so data compares across schools and exports.
import { readFileSync } from 'node:fs'

export const IRIS_LISTS = ['voorval', 'locatie', 'voorwerp', 'motief', 'afhandeling'] as const
export type IrisList = (typeof IRIS_LISTS)[number]

export interface IrisCode {
  list: IrisList
  code: number
  label: string
  group: string
}

export const IRIS_CSV_PATH = new URL('../../data/iris-codes.csv', import.meta.url)

/** Splits one CSV line with optional double-quoted fields. */
export function parseCsvLine(line: string): string[] {
  const out: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      out.push(field)
      field = ''
    } else field += c
  }
  out.push(field)
  return out
}

export function parseIrisCsv(text: string): IrisCode[] {
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '')
  if (header?.trim() !== 'list,code,label,group') throw new Error(`Unexpected IRIS header: ${header}`)
  return lines.map((line) => {
    const [list, code, label, group] = parseCsvLine(line)
    if (!IRIS_LISTS.includes(list as IrisList)) throw new Error(`Unknown IRIS list: ${list}`)
    return { list: list as IrisList, code: Number(code), label: label!, group: group! }
  })
}

export const IRIS_CODES: readonly IrisCode[] = parseIrisCsv(readFileSync(IRIS_CSV_PATH, 'utf8'))

const byList = new Map<IrisList, Map<number, IrisCode>>(
  IRIS_LISTS.map((l) => [l, new Map(IRIS_CODES.filter((c) => c.list === l).map((c) => [c.code, c]))]),
)

export function irisCodes(list: IrisList): IrisCode[] {
  return [...byList.get(list)!.values()]
}

export function irisLabel(list: IrisList, code: number): string | undefined {
  return byList.get(list)!.get(code)?.label
}

export function isIrisCode(list: IrisList, code: number): boolean {
  return byList.get(list)!.has(code)
}

export { VOORVAL } from './voorval-codes.ts'
