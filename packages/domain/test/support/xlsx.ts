// Reads the cells of an XLSX the server produced: a minimal ZIP reader (central directory, stored or
// raw deflate) and the first sheet's rows with the shared strings resolved. Enough to check what a
// spreadsheet program would show, and that no cell is a formula.
import { inflateRawSync } from 'node:zlib'

export function unzip(buf: Buffer): Map<string, string> {
  const files = new Map<string, string>()
  let end = buf.length - 22
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--
  if (end < 0) throw new Error('not a zip: no end of central directory')
  const entries = buf.readUInt16LE(end + 10)
  let at = buf.readUInt32LE(end + 16)
  for (let n = 0; n < entries; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('not a zip: bad central directory')
    const method = buf.readUInt16LE(at + 10)
    const size = buf.readUInt32LE(at + 20)
    const nameLength = buf.readUInt16LE(at + 28)
    const extraLength = buf.readUInt16LE(at + 30)
    const commentLength = buf.readUInt16LE(at + 32)
    const local = buf.readUInt32LE(at + 42)
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength)
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    const raw = buf.subarray(dataStart, dataStart + size)
    files.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'))
    at += 46 + nameLength + extraLength + commentLength
  }
  return files
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

export interface Sheet {
  rows: string[][]
  /** Cells holding a formula (<f>) or typed as a formula's string result. */
  formulas: number
}

/** The first sheet as rows of displayed text (numbers as written; dates as their serial number). */
export function readFirstSheet(buf: Buffer): Sheet {
  const files = unzip(buf)
  const strings = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescape([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  )
  const sheet = files.get('xl/worksheets/sheet1.xml') ?? ''
  const rows: string[][] = []
  for (const row of sheet.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells: string[] = []
    for (const cell of row[1]!.matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const column = cell[1]!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
      const value = /<v>([\s\S]*?)<\/v>/.exec(cell[3] ?? '')?.[1] ?? ''
      cells[column] = /t="s"/.test(cell[2]!) ? strings[Number(value)]! : unescape(value)
    }
    rows.push(Array.from(cells, (c) => c ?? ''))
  }
  const formulas = (sheet.match(/<f[ >]/g) ?? []).length + (sheet.match(/t="(str|e)"/g) ?? []).length
  return { rows, formulas }
}
