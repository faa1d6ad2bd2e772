// Mail templates: plain functions from data to { subject, text, html }. Every value is escaped for
// the HTML part (names and reasons come from users); the text part is the same content unescaped.
// The subject is one line: line breaks in the data are folded, so nothing can add a mail header.

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
}

/** One line, no control characters, runs of whitespace as one space. */
export function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim()
}

/** A paragraph's text as HTML: escaped, its line breaks kept. */
function paragraphHtml(text: string): string {
  return `<p>${escapeHtml(text.trim()).replace(/\r?\n/g, '<br>')}</p>`
}

function layout(title: string, bodyHtml: string): string {
  return [
    '<!doctype html>',
    '<html lang="nl"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #1a1a1a;">',
    bodyHtml,
    '</body></html>',
  ].join('\n')
}

const FOOTER = 'Dit bericht is verstuurd via Baken. Antwoorden op dit bericht worden niet gelezen; neem voor vragen contact op met de school.'

export interface ParentNoticeInput {
  schoolName: string
  /** The addressee, e.g. 'mevrouw De Vries' or the guardian's full name. */
  guardianName: string
  /** The pupil the notice is about; named in the body only, never in the subject line. */
  pupilName: string
  /** What it is about, e.g. 'Time-out' or 'Uitnodiging voor een gesprek'. */
  topic: string
  paragraphs: string[]
  senderName: string
  senderRole: string
}

/**
 * A notice to a pupil's parents or guardians (e.g. that a time-out was given and a meeting follows).
 * The pupil's name is kept out of the subject: subjects show up in inbox previews and lock screens.
 */
export function parentNotice(input: ParentNoticeInput): RenderedMail {
  const subject = oneLine(`${input.topic} – ${input.schoolName}`)
  const greeting = `Beste ${input.guardianName},`
  const about = `Dit bericht gaat over ${input.pupilName}.`
  const signature = [`Met vriendelijke groet,`, input.senderName, `${input.senderRole}, ${input.schoolName}`]
  const text = [greeting, about, ...input.paragraphs.map((p) => p.trim()), signature.join('\n'), FOOTER].join('\n\n')
  const html = layout(
    subject,
    [
      paragraphHtml(greeting),
      paragraphHtml(about),
      ...input.paragraphs.map(paragraphHtml),
      paragraphHtml(signature.join('\n')),
      `<p style="color: #666; font-size: 13px;">${escapeHtml(FOOTER)}</p>`,
    ].join('\n'),
  )
  return { subject, text: `${text}\n`, html }
}

export interface AccessLogDigestInput {
  stichtingName: string
  /** The day (YYYY-MM-DD, Dutch time) the checkpoint closes. */
  day: string
  seq: number
  hash: string
  signature: string
  keyId: string
  /** When the checkpoint was signed (UTC, ISO). */
  atText: string
}

/**
 * The daily digest of a stichting's access log to its privacyfunctionaris: the day's last signed
 * checkpoint. Kept outside the database (in the mailbox), it shows a history rewritten later: the
 * verifier's chain must still pass through this number of rows with this hash.
 */
export function accessLogDigest(input: AccessLogDigestInput): RenderedMail {
  const subject = oneLine(`Toegangslog ${input.stichtingName}: controlepunt van ${input.day}`)
  const intro = `Dit is het dagelijkse controlepunt van het toegangslog van ${input.stichtingName} voor ${input.day}. Bewaar dit bericht: het legt de stand van het log vast buiten de database van Baken.`
  const facts = [
    `Aantal rijen in de keten: ${input.seq}`,
    `Hash van de keten: ${input.hash}`,
    `Getekend op: ${input.atText}`,
    `Sleutel: ${input.keyId}`,
    `Handtekening (Ed25519): ${input.signature}`,
  ]
  const how =
    'Zo gebruikt u het: de controle van het toegangslog (access-log:verify) moet een keten vinden die na dit aantal rijen precies deze hash heeft. Wijkt dat af, of ontbreekt dit controlepunt later in Baken, dan is de geschiedenis van het log herschreven: meld dat dan als beveiligingsincident.'
  const text = [intro, facts.join('\n'), how, FOOTER].join('\n\n')
  const html = layout(
    subject,
    [
      paragraphHtml(intro),
      `<pre style="font-family: monospace; font-size: 13px; white-space: pre-wrap; word-break: break-all;">${escapeHtml(facts.join('\n'))}</pre>`,
      paragraphHtml(how),
      `<p style="color: #666; font-size: 13px;">${escapeHtml(FOOTER)}</p>`,
    ].join('\n'),
  )
  return { subject, text: `${text}\n`, html }
}
