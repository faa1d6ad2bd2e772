// The text of a PDF as written by pdfkit with the standard fonts: every content stream (inflated when
// FlateDecode), its TJ/Tj strings decoded from WinAnsi, whitespace collapsed. Enough to assert what a
// generated report says and, above all, what it does not say.
import { inflateSync } from 'node:zlib'

const WIN_ANSI_0X80 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

function decodeWinAnsi(bytes: number[]): string {
  return bytes.map((b) => (b >= 0x80 && b <= 0x9f ? WIN_ANSI_0X80[b - 0x80]! : String.fromCharCode(b))).join('')
}

function hexBytes(hex: string): number[] {
  const clean = hex.replace(/\s+/g, '')
  const padded = clean.length % 2 ? `${clean}0` : clean
  const out: number[] = []
  for (let i = 0; i < padded.length; i += 2) out.push(parseInt(padded.slice(i, i + 2), 16))
  return out
}

function literalBytes(s: string): number[] {
  const out: number[] = []
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (c !== '\\') {
      out.push(c.charCodeAt(0))
      continue
    }
    const next = s[++i]!
    const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 }
    if (next in esc) out.push(esc[next]!)
    else if (/[0-7]/.test(next)) {
      let oct = next
      while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i]
      out.push(parseInt(oct, 8))
    }
  }
  return out
}

/** The decoded text operators of one content stream, one entry per TJ/Tj. */
function textOf(content: string): string[] {
  const pieces: string[] = []
  const op = /\[((?:[^\]\\]|\\.)*)\]\s*TJ|<([0-9a-fA-F\s]*)>\s*Tj|\(((?:[^)\\]|\\.)*)\)\s*Tj/g
  for (const m of content.matchAll(op)) {
    if (m[1] !== undefined) {
      const parts = [...m[1].matchAll(/<([0-9a-fA-F\s]*)>|\(((?:[^)\\]|\\.)*)\)/g)]
      pieces.push(parts.map((p) => decodeWinAnsi(p[1] !== undefined ? hexBytes(p[1]) : literalBytes(p[2]!))).join(''))
    } else if (m[2] !== undefined) pieces.push(decodeWinAnsi(hexBytes(m[2])))
    else pieces.push(decodeWinAnsi(literalBytes(m[3]!)))
  }
  return pieces
}

/** All text drawn in the PDF, in stream order, whitespace collapsed to single spaces. */
export function pdfText(pdf: Uint8Array): string {
  const buf = Buffer.from(pdf)
  const raw = buf.toString('latin1')
  const pieces: string[] = []
  const streamStart = /stream\r?\n/g
  for (let m = streamStart.exec(raw); m; m = streamStart.exec(raw)) {
    const start = m.index + m[0].length
    const end = raw.indexOf('endstream', start)
    if (end < 0) break
    const dictStart = raw.lastIndexOf('<<', m.index)
    const dict = raw.slice(dictStart, m.index)
    let body = buf.subarray(start, end)
    if (/\/FlateDecode/.test(dict)) {
      try {
        body = inflateSync(body)
      } catch {
        continue // not a content stream we can read (fonts are not embedded, so none expected)
      }
    }
    pieces.push(...textOf(body.toString('latin1')))
    streamStart.lastIndex = end
  }
  return pieces.join(' ').replace(/\s+/g, ' ').trim()
}
