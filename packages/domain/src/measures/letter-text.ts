// The text of a decision letter, without the database: which placeholders a stichting's template must
// hold, the values they get from the measure and its rule set, filling, and the PDF. The
// letter carries the reasons, the duration, the legal basis, the objection clause (optional for a
// schorsing, configurable per stichting) and the education during the measure.
//
// PDF: the shared document of ../pdf/document.ts (pdfkit with an embedded Unicode font).
import { schema, type Sector } from '@baken/db'
import { blocks, createPdf, FONT } from '../pdf/document.ts'
import { ruleOf } from './rule-lookups.ts'
import type { DecisionRecipient, MeasureKind, Rule, RuleSet } from './rule-model.ts'

export const LETTER_KINDS = schema.LETTER_KINDS
export type LetterKind = (typeof LETTER_KINDS)[number]

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  time_out_kennisgeving: 'kennisgeving time-out',
  schorsing: 'besluit tot schorsing',
  verwijdering: 'besluit tot verwijdering',
  bezwaar_beslissing: 'beslissing op bezwaar',
}

/** Every placeholder a template may use, as {{name}}. */
export const LETTER_PLACEHOLDERS = [
  'aanhef',
  'leerling',
  'school',
  'stichting',
  'datum',
  'periode',
  'duur',
  'redenen',
  'wettelijke_grondslag',
  'onderwijs_tijdens_maatregel',
  'bezwaarclausule',
  'inspectie_melding',
  'voorwaarde_definitief',
  'ondertekening',
  'bezwaar_ontvangen',
  'besluitdatum',
  'uitkomst',
  'beroepsclausule',
  'mandaat',
] as const
export type LetterPlaceholder = (typeof LETTER_PLACEHOLDERS)[number]

/**
 * What each kind of letter must contain (reasons, duration, legal basis, objection clause, education
 * during the measure). The objection clause is required in the template
 * of a schorsing even though the stichting may switch it off: the setting empties it, so switching it
 * back on needs no new template.
 */
export const REQUIRED_PLACEHOLDERS: Record<LetterKind, readonly LetterPlaceholder[]> = {
  time_out_kennisgeving: ['aanhef', 'leerling', 'periode', 'redenen', 'wettelijke_grondslag', 'onderwijs_tijdens_maatregel', 'ondertekening'],
  schorsing: [
    'aanhef',
    'leerling',
    'periode',
    'duur',
    'redenen',
    'wettelijke_grondslag',
    'onderwijs_tijdens_maatregel',
    'bezwaarclausule',
    'ondertekening',
  ],
  verwijdering: [
    'aanhef',
    'leerling',
    'redenen',
    'wettelijke_grondslag',
    'voorwaarde_definitief',
    'onderwijs_tijdens_maatregel',
    'bezwaarclausule',
    'ondertekening',
  ],
  // Awb art. 3:45: a decision on an objection says where to appeal (the beroepsclausule).
  bezwaar_beslissing: ['aanhef', 'leerling', 'uitkomst', 'redenen', 'wettelijke_grondslag', 'beroepsclausule', 'ondertekening'],
}

/** The letters a measure can have; an adempauze has none. */
export const LETTERS_FOR_MEASURE: Record<MeasureKind, readonly LetterKind[]> = {
  adempauze: [],
  time_out: ['time_out_kennisgeving'],
  schorsing: ['schorsing', 'bezwaar_beslissing'],
  verwijdering: ['verwijdering', 'bezwaar_beslissing'],
}

/**
 * The states in which a letter makes sense: once the measure is decided (a time-out approved, a
 * schorsing decided by the bevoegd gezag, a verwijdering decided), and not after it was refused or
 * withdrawn.
 */
export const LETTER_STATES: Record<MeasureKind, readonly string[]> = {
  adempauze: [],
  time_out: ['approved', 'parents_informed', 'meeting_held', 'report_signed', 'board_notified'],
  schorsing: ['approved', 'letter_sent', 'in_effect', 'meeting_held', 'report_signed', 'ended'],
  verwijdering: ['decided', 'searching', 'definitive'],
}

/** The letters that can be made for a measure in its current state (a bezwaar letter also needs a bezwaar). */
export function letterKindsFor(measureKind: MeasureKind, state: string): LetterKind[] {
  return LETTER_STATES[measureKind].includes(state) ? [...LETTERS_FOR_MEASURE[measureKind]] : []
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g

/** The placeholder names in a template, in order of first use. */
export function letterPlaceholdersIn(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!))]
}

export interface LetterTemplateCheck {
  /** Required placeholders the template lacks. */
  missing: LetterPlaceholder[]
  /** Placeholders Baken does not know (a typo would otherwise reach the letter as {{…}}). */
  unknown: string[]
}

export function checkLetterTemplate(kind: LetterKind, body: string): LetterTemplateCheck {
  const used = letterPlaceholdersIn(body)
  return {
    missing: REQUIRED_PLACEHOLDERS[kind].filter((p) => !used.includes(p)),
    unknown: used.filter((p) => !(LETTER_PLACEHOLDERS as readonly string[]).includes(p)),
  }
}

const braces = (names: readonly string[]) => names.map((n) => `{{${n}}}`).join(', ')

/** Dutch messages for a failed check, one per problem; empty when the template is usable. */
export function letterTemplateProblems(check: LetterTemplateCheck): string[] {
  const problems: string[] = []
  if (check.missing.length) problems.push(`Het sjabloon mist verplichte plaatshouders: ${braces(check.missing)}.`)
  if (check.unknown.length) problems.push(`Onbekende plaatshouders: ${braces(check.unknown)}.`)
  return problems
}

/**
 * Fills the placeholders in one pass, so a value that itself contains "{{…}}" (free text staff
 * wrote) is never filled again. Empty values leave no run of blank lines behind.
 */
export function fillLetterTemplate(body: string, values: Readonly<Partial<Record<LetterPlaceholder, string>>>): string {
  const filled = body.replace(PLACEHOLDER, (match, name: string) => (Object.hasOwn(values, name) ? (values[name as LetterPlaceholder] ?? '') : match))
  return filled
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

// ---- Values -------------------------------------------------------------------------------------

const longDate = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
const plainDate = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })
const asDay = (day: string) => new Date(`${day}T12:00:00Z`)

/** "woensdag 18 november 2026" */
function dutchLongDate(day: string): string {
  return longDate.format(asDay(day))
}

/** "18 november 2026" */
function dutchDate(day: string): string {
  return plainDate.format(asDay(day))
}

const NUMBER_WORDS: Record<number, string> = { 1: 'één', 2: 'twee', 3: 'drie', 4: 'vier', 5: 'vijf', 6: 'zes', 8: 'acht', 10: 'tien', 12: 'twaalf' }
const inWords = (n: number) => NUMBER_WORDS[n] ?? String(n)

/** A rule's source as a reader of the letter needs it: the article, without Baken's own notes. */
function publicSource(source: string): string {
  return source
    .replace(/\s*\(BRIEF\.md[^)]*\)/g, '')
    .replace(/^BRIEF\.md.*$/, '')
    .trim()
}

function ruleLine(rule: Rule): string {
  const source = publicSource(rule.source)
  return `• ${rule.text}${source ? ` (${source})` : ''}`
}

/**
 * The salutation: to the parents (by the guardians' names when known), to the pupil, or to both
 * (vo, mbo under 18), following decisionRecipients.
 */
export function letterSalutation(recipients: readonly DecisionRecipient[], pupilName: string, guardianNames: readonly string[]): string {
  const parents = guardianNames.length ? `Geachte ${joinDutch(guardianNames)}` : `Geachte ouder(s)/verzorger(s) van ${pupilName}`
  const toPupil = recipients.includes('leerling')
  const toParents = recipients.includes('ouders')
  if (toPupil && toParents) {
    return guardianNames.length ? `Geachte ${pupilName}, geachte ${joinDutch(guardianNames)},` : `Geachte ${pupilName}, geachte ouder(s)/verzorger(s),`
  }
  return toPupil ? `Geachte ${pupilName},` : `${parents},`
}

function joinDutch(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`
}

/** Everything a letter says, gathered from the measure, the pupil, the school and the stichting. */
export interface LetterFacts {
  kind: LetterKind
  measureKind: MeasureKind
  sector: Sector
  /** The rule set the measure was proposed under (its snapshot). */
  ruleSet: RuleSet
  pupilName: string
  /** Who receives the letter (decisionRecipients on the letter's date). */
  recipients: readonly DecisionRecipient[]
  guardianNames: readonly string[]
  schoolName: string
  stichtingName: string
  /** The letter's date (YYYY-MM-DD). */
  letterDate: string
  startsOn: string | null
  endsOn: string | null
  schoolDays: number | null
  reasons: string
  /** The day the bevoegd gezag (or the directeur under mandate) decided (YYYY-MM-DD). */
  decidedOn: string | null
  decidedUnderMandate: boolean
  /** The date of the mandaatbesluit the directeur decided under (school_mandates.besluit_on), if known. */
  mandateBesluitOn?: string | null
  /** stichting_settings.objection_clause_schorsing */
  objectionClauseSchorsing: boolean
  /** Agreements recorded on the homework and test-access tasks, if any. */
  homeworkNote?: string | null
  testsNote?: string | null
  /** Who signs: a name (when known) and in what capacity. */
  signer: { name: string | null; title: string }
  /** The objection a bezwaar letter answers; null when none is recorded (the fields stay empty). */
  bezwaar?: { receivedOn: string | null; outcome: string | null } | null
}

function period(f: LetterFacts): string {
  if (!f.startsOn) return ''
  if (!f.endsOn || f.endsOn === f.startsOn) return dutchLongDate(f.startsOn)
  return `${dutchLongDate(f.startsOn)} tot en met ${dutchLongDate(f.endsOn)}`
}

function duration(f: LetterFacts): string {
  if (f.schoolDays === null) return ''
  return f.schoolDays === 1 ? '1 schooldag' : `${f.schoolDays} schooldagen`
}

/** Whether the Inspectie must be told: a schorsing longer than the rule set's threshold (not in mbo). */
function inspectieRequired(f: LetterFacts): boolean {
  if (f.measureKind !== 'schorsing' || !f.schoolDays) return false
  const threshold = ruleOf(f.ruleSet, 'schorsing.inspectie').value
  return typeof threshold === 'number' && f.schoolDays > threshold
}

function legalBasis(f: LetterFacts): string {
  const set = f.ruleSet
  switch (f.kind) {
    case 'time_out_kennisgeving':
      // Protocol §3.3: the time-out has no statutory basis.
      return 'geen wettelijke grondslag; de time-out is een ordemaatregel uit het protocol van de school'
    case 'schorsing': {
      const rules = [ruleOf(set, 'schorsing.besluit'), ruleOf(set, 'schorsing.maxSchooldagen'), ruleOf(set, 'schorsing.besluitAan')]
      if (inspectieRequired(f)) rules.push(ruleOf(set, 'schorsing.inspectie'))
      return rules.map(ruleLine).join('\n')
    }
    case 'verwijdering': {
      const rules = [ruleOf(set, 'verwijdering.besluit'), ruleOf(set, 'verwijdering.horen'), ruleOf(set, 'verwijdering.definitief')]
      const inspectie = ruleOf(set, 'verwijdering.inspectie')
      if ((inspectie.value as { overlegVooraf?: boolean } | null)?.overlegVooraf) rules.push(inspectie)
      return rules.map(ruleLine).join('\n')
    }
    case 'bezwaar_beslissing': {
      const lines = [ruleLine(ruleOf(set, f.measureKind === 'verwijdering' ? 'verwijdering.besluit' : 'schorsing.besluit'))]
      lines.push('• Op het bezwaar is het besluit in volle omvang opnieuw bezien (Awb art. 7:11).')
      if (f.measureKind === 'verwijdering') lines.push(ruleLine(ruleOf(set, 'bezwaar.beslistermijnWeken')))
      return lines.join('\n')
    }
  }
}

function education(f: LetterFacts): string {
  const name = f.pupilName
  const notes = [f.homeworkNote ? `Afspraken over huiswerk: ${f.homeworkNote}` : '', f.testsNote ? `Afspraken over toetsen: ${f.testsNote}` : '']
    .filter(Boolean)
    .join('\n')
  const withNotes = (text: string) => (notes ? `${text}\n${notes}` : text)
  switch (f.kind) {
    case 'time_out_kennisgeving':
      return withNotes(
        `De time-out geldt alleen voor de rest van de schooldag. De school zorgt dat ${name} het gemiste werk kan inhalen; de volgende schooldag gaan de lessen gewoon verder.`,
      )
    case 'schorsing':
      return withNotes(
        `Tijdens de schorsing krijgt ${name} huiswerk mee, zodat de achterstand beperkt blijft. Toetsen die in deze periode vallen, kunnen worden gemaakt of ingehaald; de school maakt daarover afspraken met u.`,
      )
    case 'verwijdering': {
      const other = f.sector === 'mbo' ? 'instelling' : 'school'
      return withNotes(
        `Zolang er geen andere ${other} is gevonden, blijft ${name} ingeschreven en zorgt de school voor onderwijs. Volgt in die periode een schorsing, dan komt er huiswerk mee en kunnen toetsen worden gemaakt of ingehaald.`,
      )
    }
    case 'bezwaar_beslissing':
      return ''
  }
}

function objectionClause(f: LetterFacts): string {
  if (f.kind === 'time_out_kennisgeving' || f.kind === 'bezwaar_beslissing') return ''
  // Optional for a schorsing, set by the stichting (rule schorsing.bezwaarclausule).
  if (f.kind === 'schorsing' && !f.objectionClauseSchorsing) return ''
  const term = ruleOf(f.ruleSet, 'bezwaar.termijnWeken')
  const weeks = inWords(term.value as number)
  const lines = [
    'Bezwaar',
    `Bent u het niet eens met dit besluit, dan kunt u binnen ${weeks} weken na de dag waarop het is verzonden schriftelijk bezwaar maken bij het bevoegd gezag: ${f.stichtingName}. Vermeld in uw bezwaarschrift uw naam en adres, de datum, het besluit waartegen u bezwaar maakt en de redenen van uw bezwaar, en onderteken het (Awb art. 6:5, 6:7 en 6:8).`,
  ]
  if (f.kind === 'schorsing') {
    // The education laws set no decision term for an objection to a schorsing: the Awb's applies.
    const decision = ruleOf(f.ruleSet, 'schorsing.bezwaarBeslistermijn')
    const term = decision.value as { weken: number; wekenMetAdviescommissie: number }
    lines.push(
      `Het bevoegd gezag beslist binnen ${inWords(term.weken)} weken na afloop van de bezwaartermijn, of binnen ${inWords(term.wekenMetAdviescommissie)} weken als een adviescommissie uw bezwaar behandelt (${publicSource(decision.source)}).`,
    )
  }
  if (f.kind === 'verwijdering') {
    const decision = ruleOf(f.ruleSet, 'bezwaar.beslistermijnWeken')
    const start = ruleOf(f.ruleSet, 'bezwaar.beslistermijnStart')
    const source = publicSource(decision.source)
    lines.push(`Het bevoegd gezag beslist binnen ${inWords(decision.value as number)} weken op uw bezwaar${source ? ` (${source})` : ''}. ${start.text}`)
    if (f.sector !== 'mbo') lines.push(ruleOf(f.ruleSet, 'bezwaar.opschorting').text)
  }
  return lines.join('\n')
}

function definitiveCondition(f: LetterFacts): string {
  if (f.kind !== 'verwijdering') return ''
  const rule = ruleOf(f.ruleSet, 'verwijdering.definitief')
  const value = (rule.value ?? {}) as { toelating?: string; zoektermijnWeken?: number | null }
  const source = publicSource(rule.source)
  const cite = source ? ` (${source})` : ''
  if (value.toelating === 'andere_instelling') {
    const search = value.zoektermijnWeken
      ? `, of zodra de school ${inWords(value.zoektermijnWeken)} weken aantoonbaar zonder resultaat naar een andere instelling heeft gezocht`
      : ''
    return `een andere instelling bereid is ${f.pupilName} toe te laten${search}${cite}`
  }
  return `een andere school bereid is ${f.pupilName} toe te laten${cite}`
}

/** A decision taken by the directeur under mandate (Awb art. 10:1): on behalf of the bevoegd gezag. */
const underMandate = (f: LetterFacts) => f.decidedUnderMandate && (f.kind === 'schorsing' || f.kind === 'verwijdering')

/** "krachtens mandaat van 18 november 2026" (or without the date when it is not known). */
function mandateWords(f: LetterFacts): string {
  return f.mandateBesluitOn ? `krachtens mandaat van ${dutchDate(f.mandateBesluitOn)}` : 'krachtens mandaat'
}

function signature(f: LetterFacts): string {
  const signerTitle = underMandate(f) ? `${f.signer.title}, ${mandateWords(f)}` : f.signer.title
  const title = f.signer.name ? signerTitle : signerTitle.charAt(0).toUpperCase() + signerTitle.slice(1)
  return [f.signer.name, title].filter(Boolean).join('\n')
}

/** The {{mandaat}} sentence: empty unless the directeur decided under mandate. */
function mandateSentence(f: LetterFacts): string {
  if (!underMandate(f)) return ''
  return `Dit besluit is genomen door de directeur van ${f.schoolName}, namens het bevoegd gezag, ${mandateWords(f)} (Awb art. 10:1 en 10:2).`
}

const APPEAL =
  'Beroep\nBent u het niet eens met deze beslissing, dan kunt u binnen zes weken na de dag waarop zij is verzonden beroep instellen bij de rechtbank (Awb art. 6:7 en 8:1). Bij een school voor bijzonder onderwijs gaat een geschil naar de burgerlijke rechter.'

/** The value of every placeholder for this letter; those that do not apply are empty. */
export function letterValues(f: LetterFacts): Record<LetterPlaceholder, string> {
  const decisionLetter = f.kind !== 'time_out_kennisgeving'
  return {
    aanhef: letterSalutation(f.recipients, f.pupilName, f.guardianNames),
    leerling: f.pupilName,
    school: f.schoolName,
    stichting: f.stichtingName,
    datum: dutchDate(f.letterDate),
    periode: f.kind === 'verwijdering' || f.kind === 'bezwaar_beslissing' ? '' : period(f),
    duur: f.kind === 'schorsing' ? duration(f) : '',
    redenen: f.reasons.trim(),
    wettelijke_grondslag: legalBasis(f),
    onderwijs_tijdens_maatregel: education(f),
    bezwaarclausule: objectionClause(f),
    inspectie_melding: f.kind === 'schorsing' && inspectieRequired(f) ? ', en de Inspectie van het Onderwijs wordt geïnformeerd' : '',
    voorwaarde_definitief: definitiveCondition(f),
    ondertekening: signature(f),
    bezwaar_ontvangen: f.kind === 'bezwaar_beslissing' && f.bezwaar?.receivedOn ? dutchDate(f.bezwaar.receivedOn) : '',
    besluitdatum: decisionLetter && f.decidedOn ? dutchDate(f.decidedOn) : '',
    uitkomst: f.kind === 'bezwaar_beslissing' ? (f.bezwaar?.outcome ?? '') : '',
    beroepsclausule: f.kind === 'bezwaar_beslissing' ? APPEAL : '',
    mandaat: mandateSentence(f),
  }
}

// ---- PDF ----------------------------------------------------------------------------------------

export interface LetterPdfMeta {
  kind: LetterKind
  schoolName: string
  stichtingName: string
  letterDate: string
  /** Shown in the footer: the case, the letter's version and the template version it was made from. */
  reference: string
  version: number
  /** Null: the built-in standard template. */
  templateVersion: number | null
}

/** A line on its own between blank lines, short and without closing punctuation: a heading. */
function isHeading(lines: string[], i: number): boolean {
  const line = lines[i]!.trim()
  return (
    line.length > 0 &&
    line.length <= 40 &&
    !/[.,:;!?)]$/.test(line) &&
    (i === 0 || lines[i - 1]!.trim() === '') &&
    (lines[i + 1]?.trim() ?? '') !== ''
  )
}

/** Renders the filled letter as an A4 PDF (Dutch). `compress: false` leaves the content streams readable. */
export function renderLetterPdf(text: string, meta: LetterPdfMeta, options: { compress?: boolean } = {}): Promise<Uint8Array<ArrayBuffer>> {
  // No names in the metadata: it travels with the file and shows in viewers and indexes.
  const { doc, width, finish } = createPdf({ margin: 64, compress: options.compress, title: LETTER_KIND_LABELS[meta.kind], author: meta.schoolName })
  const w = blocks(doc, width).text

  doc.font(FONT.bold).fontSize(14).fillColor('#1a1a1a').text(w(meta.schoolName), { width })
  doc.font(FONT.regular).fontSize(9).fillColor('#555555').text(w(meta.stichtingName), { width })
  doc.moveDown(1.5)
  doc.font(FONT.regular).fontSize(10).fillColor('#1a1a1a').text(w(dutchDate(meta.letterDate)), { width })
  doc.moveDown(1)

  const lines = text.split('\n')
  for (const [i, raw] of lines.entries()) {
    const line = raw.trimEnd()
    if (line.trim() === '') {
      doc.moveDown(0.6)
      continue
    }
    const subject = /^Onderwerp:/i.exec(line)
    if (subject) {
      doc.font(FONT.bold).fontSize(11).text(w(line), { width })
      continue
    }
    if (isHeading(lines, i)) {
      doc.font(FONT.bold).fontSize(11).text(w(line), { width })
      doc.moveDown(0.15)
      continue
    }
    doc.font(FONT.regular).fontSize(10.5).text(w(line), { width, lineGap: 1.5 })
  }

  doc.moveDown(2)
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor('#555555')
    .text(w(`Kenmerk ${meta.reference} · ${LETTER_KIND_LABELS[meta.kind]}, versie ${meta.version} · ${meta.templateVersion === null ? 'standaardsjabloon' : `sjabloon versie ${meta.templateVersion}`}`), { width })
  return finish()
}
