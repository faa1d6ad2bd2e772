// One place where the PDFs (the parents' report, the decision letters, the student export) are set up:
// A4, Dutch, no names in the metadata, and an embedded Unicode font so that names such as "Şahin",
// "Łukasz" or "Nguyễn" are printed as written (the 14 standard PDF fonts only cover WinAnsi).
//
// Font: DejaVu Sans (npm `dejavu-fonts-ttf`; Bitstream Vera / DejaVu licence, free to embed and
// redistribute, see its LICENSE). It covers Latin Extended-A/B and Vietnamese. pdfkit (fontkit) embeds
// only the glyphs used (subsetting), so a letter grows by a few kB. The package stays external in the
// production bundle, like pdfkit and its AFM files: the path is resolved from node_modules at run time.
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'

const require = createRequire(import.meta.url)
const fontFile = (name: string) => require.resolve(`dejavu-fonts-ttf/ttf/${name}`)

/** Font names registered on every document. */
export const FONT = { regular: 'Body', bold: 'Body-Bold', italic: 'Body-Italic' } as const

const FONT_FILES: Record<(typeof FONT)[keyof typeof FONT], string> = {
  [FONT.regular]: fontFile('DejaVuSans.ttf'),
  [FONT.bold]: fontFile('DejaVuSans-Bold.ttf'),
  [FONT.italic]: fontFile('DejaVuSans-Oblique.ttf'),
}

export interface PdfOptions {
  margin: number
  /** Shown in viewers and indexes: never a pupil's name. */
  title: string
  author: string
  /** `false` leaves the content streams readable. */
  compress?: boolean
}

export interface PdfDocument {
  doc: PDFKit.PDFDocument
  /** The text width between the margins. */
  width: number
  /** Ends the document; resolves to its bytes. */
  finish: () => Promise<Uint8Array<ArrayBuffer>>
}

/** A new A4 document with the embedded fonts registered and the regular one selected. */
export function createPdf(options: PdfOptions): PdfDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margin: options.margin,
    compress: options.compress ?? true,
    lang: 'nl-NL',
    info: { Title: options.title, Author: options.author, Creator: 'Baken' },
  })
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file)
  doc.font(FONT.regular)
  const chunks: Buffer[] = []
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })
  return {
    doc,
    width: doc.page.width - 2 * options.margin,
    finish: () => {
      doc.end()
      return done
    },
  }
}

/** The blocks the report and the export share. Text is written as given (NFC-normalised). */
export function blocks(doc: PDFKit.PDFDocument, width: number) {
  const t = (text: string) => text.normalize('NFC').replace(/\t/g, ' ')
  return {
    heading: (text: string) => {
      doc.moveDown(0.8).font(FONT.bold).fontSize(12).fillColor('#1a1a1a').text(t(text), { width })
      doc.moveDown(0.2)
    },
    field: (label: string, value: string) => {
      doc.font(FONT.bold).fontSize(10).text(`${t(label)}: `, { width, continued: true }).font(FONT.regular).text(t(value))
    },
    paragraph: (text: string) => doc.font(FONT.regular).fontSize(10).text(t(text), { width }),
    bullet: (text: string) => doc.font(FONT.regular).fontSize(10).text(`•  ${t(text)}`, { width }),
    text: t,
  }
}
