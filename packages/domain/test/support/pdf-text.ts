// The text of a PDF as a viewer reads it (Mozilla's pdf.js: the embedded font's ToUnicode map),
// page after page, whitespace collapsed. Enough to assert what a generated report says and, above all,
// what it does not say.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** All text drawn in the PDF, in reading order, whitespace collapsed to single spaces. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false })
  const document = await task.promise
  const pieces: string[] = []
  try {
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent()
      for (const item of content.items) if ('str' in item) pieces.push(item.str, item.hasEOL ? ' ' : '')
    }
  } finally {
    await task.destroy()
  }
  return pieces.join('').replace(/\s+/g, ' ').trim()
}
