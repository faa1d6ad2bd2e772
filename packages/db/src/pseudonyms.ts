// Pupils a document is not about appear in it as "leerling A", "leerling B", …: in the parents'
// report (AVG art. 15 lid 4: a copy must not harm the rights of others) and in what a school shares
// with Halt or the police (AVG art. 5(1)(c), minimisation; ADR 013). This is the one implementation.
// It lives beside the schema so that the domain, the demo seed and the 0027 data step
// (migrate-share-subjects.ts) pseudonymise alike; the domain re-exports it.

export interface NameParts {
  firstName: string
  infix: string | null
  lastName: string
}

/** "Daan de Vries": first name, infix, last name. */
export function fullName(n: NameParts): string {
  return [n.firstName, n.infix, n.lastName].filter(Boolean).join(' ')
}

/** "leerling A" … "leerling Z", then "leerling AA", … */
export function pupilLabel(index: number): string {
  let n = index
  let letters = ''
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters
    n = Math.floor(n / 26) - 1
  } while (n >= 0)
  return `leerling ${letters}`
}

/** Whether a value is exactly a label as pupilLabel writes it (not a name). */
export function isPupilLabel(value: unknown): boolean {
  return typeof value === 'string' && /^leerling [A-Z]+$/.test(value)
}

/** How a pupil who is not a person of the incident appears when staff named them in the text. */
export const BYSTANDER = 'een andere leerling'

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The ways staff may write a pupil's name: full name, first + last, (infix +) last, first, last. */
function nameVariants(n: NameParts): string[] {
  const variants = [fullName(n), `${n.firstName} ${n.lastName}`, [n.infix, n.lastName].filter(Boolean).join(' '), n.firstName, n.lastName].map((v) =>
    v.normalize('NFC').trim(),
  )
  return [...new Set(variants.filter((v) => v.length >= 2))].sort((a, b) => b.length - a.length)
}

const variantKey = (v: string) => v.normalize('NFC').toLowerCase().replace(/\s+/g, ' ')

export interface RedactionScope {
  /** The school's other pupils: "een andere leerling" should the text name them. */
  bystanders?: readonly NameParts[]
  /** The school's staff, whose names are kept ("juf Lotte"). */
  staffNames?: readonly string[]
  /**
   * Give each bystander named in the text a letter of their own, after the incident's labels
   * ("leerling D"), the same one wherever the redactor meets them again: the parents' report, where
   * "schold een andere leerling een andere leerling uit" would not say who did what to whom.
   * Otherwise a bystander is BYSTANDER.
   */
  letterBystanders?: boolean
}

/** The position of a label as pupilLabel writes it ("leerling A" → 0, "leerling AA" → 26), or -1. */
function labelIndex(label: string): number {
  const m = /^leerling ([A-Z]+)$/.exec(label)
  if (!m) return -1
  return [...m[1]!].reduce((n, c) => (n + 1) * 26 + (c.charCodeAt(0) - 65), -1)
}

/**
 * Replaces other pupils' names in free text by their labels, in one pass over the text: at each
 * position the longest name wins, and a form a kept pupil's name shares with another pupil's (a
 * sibling's last name, a common first name) counts as the kept pupil's and is kept. Whole words only,
 * any case, with an optional Dutch possessive ('s / s). `kept` are the pupils the text is about (the
 * parents' child, a share's subjects), `others` the other pupils of the incident with their labels.
 */
export function redactNames(text: string, kept: NameParts | readonly NameParts[], others: { label: string; name: NameParts }[], school: RedactionScope = {}): string {
  return nameRedactor(kept, others, school)(text)
}

/** redactNames with the pattern built once, for the several texts of one document. */
export function nameRedactor(kept: NameParts | readonly NameParts[], others: { label: string; name: NameParts }[], school: RedactionScope = {}): (text: string) => string {
  const owner = new Map<string, string | null>()
  const claim = (variants: string[], label: string | null) => {
    for (const v of variants) if (v.trim().length >= 2 && !owner.has(variantKey(v))) owner.set(variantKey(v), label)
  }
  for (const k of Array.isArray(kept) ? kept : [kept as NameParts]) claim(nameVariants(k), null)
  for (const other of others) claim(nameVariants(other.name), other.label)
  // Staff may be named ("juf Lotte"); a pupil of the incident with the same name is redacted above.
  for (const name of school.staffNames ?? []) claim([name, name.split(/\s+/)[0] ?? ''], null)
  // Pupils of the school who are not persons of the incident, should staff have named them anyway:
  // full names and first names (a last name alone is too often an ordinary word: Bos, Visser).
  // With letterBystanders each is claimed under a key of its own, lettered when first met.
  const bystanderKey = (i: number) => `\u0000bystander ${i}`
  ;(school.bystanders ?? []).forEach((b, i) => claim([fullName(b), `${b.firstName} ${b.lastName}`, b.firstName], school.letterBystanders ? bystanderKey(i) : BYSTANDER))
  let nextLetter = Math.max(-1, ...others.map((o) => labelIndex(o.label))) + 1
  const lettered = new Map<string, string>()
  const shownLabel = (label: string) => {
    if (!label.startsWith('\u0000')) return label
    let letter = lettered.get(label)
    if (!letter) lettered.set(label, (letter = pupilLabel(nextLetter++)))
    return letter
  }
  const variants = [...owner.keys()].sort((a, b) => b.length - a.length)
  if (variants.length === 0) return (text) => text
  const alternatives = variants.map((v) => v.split(' ').map(escapeRegExp).join('\\s+'))
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join('|')})(['’]s|s)?(?![\\p{L}\\p{N}])`, 'giu')
  return (text) =>
    text.normalize('NFC').replace(pattern, (match, name: string, possessive: string | undefined, offset: number, whole: string) => {
      const owned = owner.get(variantKey(name))
      if (!owned) return match
      const label = shownLabel(owned)
      // A name that opened a sentence: so does its label.
      const opensSentence = /(^|[.!?]\s+)$/.test(whole.slice(0, offset))
      const shown = opensSentence ? label[0]!.toUpperCase() + label.slice(1) : label
      return possessive ? `${shown}’s` : shown
    })
}

// ---- what a share's payload names ----

/** The name fields of a share and the role whose pupils each lists. */
export const SHARE_NAME_FIELD_ROLE = { naam_dader: 'dader', naam_slachtoffer: 'slachtoffer', naam_getuige: 'getuige' } as const
export type ShareNameField = keyof typeof SHARE_NAME_FIELD_ROLE

/** Fields of free text staff wrote. */
const SHARE_TEXT_FIELDS = ['locatie', 'omschrijving'] as const
/** Fields with one entry per disclosed pupil ({ rol, naam, value }); letsel's value is free text. */
const SHARE_PERSON_FIELDS = ['geboortedatum', 'groep', 'letsel'] as const

const nameFieldEntries = (v: unknown): unknown[] => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : [])

/** The names a payload's name fields disclose (labels left out), in order, once each. */
export function namesInSharePayload(payload: unknown): string[] {
  if (!payload || typeof payload !== 'object') return []
  const out = new Set<string>()
  for (const field of Object.keys(SHARE_NAME_FIELD_ROLE)) {
    for (const v of nameFieldEntries((payload as Record<string, unknown>)[field])) if (typeof v === 'string' && !isPupilLabel(v)) out.add(v)
  }
  return [...out]
}

export interface PayloadPseudonyms {
  /** Whether a full name is one of the share's subjects (kept). */
  isSubject(name: string): boolean
  /** The label of another pupil's full name. */
  labelOf(name: string): string
  /** Free text with every other pupil pseudonymised. */
  redact(text: string): string
}

/**
 * A stored payload in the form "names only the share's subjects": name fields keep the subjects and
 * labels and show anyone else by label; free text is redacted; per-pupil entries (birth date, group,
 * injury) of anyone but a subject are dropped. Idempotent: a payload already in this form is
 * returned unchanged.
 */
export function minimiseSharePayload(payload: Record<string, unknown>, names: PayloadPseudonyms): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(payload)) {
    if (key in SHARE_NAME_FIELD_ROLE) {
      out[key] = nameFieldEntries(value)
        .filter((v): v is string => typeof v === 'string')
        .map((v) => (isPupilLabel(v) || names.isSubject(v) ? v : names.labelOf(v)))
    } else if ((SHARE_TEXT_FIELDS as readonly string[]).includes(key)) {
      out[key] = typeof value === 'string' ? names.redact(value) : value
    } else if ((SHARE_PERSON_FIELDS as readonly string[]).includes(key)) {
      out[key] = (Array.isArray(value) ? value : [])
        .filter((p): p is { rol?: unknown; naam?: unknown; value?: unknown } => !!p && typeof p === 'object')
        .filter((p) => p.naam === null || p.naam === undefined || (typeof p.naam === 'string' && names.isSubject(p.naam)))
        .map((p) => (key === 'letsel' && typeof p.value === 'string' ? { ...p, value: names.redact(p.value) } : p))
    } else {
      out[key] = value
    }
  }
  return out
}
