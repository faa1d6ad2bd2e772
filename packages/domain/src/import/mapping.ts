// Which CSV column feeds which pupil field. The school chooses it in the UI; we suggest one from the
// header names the common student administrations use.
import { z } from 'zod'

export const IMPORT_STUDENT_FIELDS = ['externalId', 'firstName', 'infix', 'lastName', 'dateOfBirth', 'groupName'] as const
export const IMPORT_GUARDIAN_FIELDS = [
  'guardian1Name',
  'guardian1Email',
  'guardian1Phone',
  'guardian1Relation',
  'guardian2Name',
  'guardian2Email',
  'guardian2Phone',
  'guardian2Relation',
] as const
export const IMPORT_FIELDS = [...IMPORT_STUDENT_FIELDS, ...IMPORT_GUARDIAN_FIELDS] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

/** Dutch labels, used in error messages and as the UI's default. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  externalId: 'Leerlingnummer',
  firstName: 'Roepnaam',
  infix: 'Tussenvoegsel',
  lastName: 'Achternaam',
  dateOfBirth: 'Geboortedatum',
  groupName: 'Groep / klas',
  guardian1Name: 'Naam ouder/verzorger 1',
  guardian1Email: 'E-mail ouder/verzorger 1',
  guardian1Phone: 'Telefoon ouder/verzorger 1',
  guardian1Relation: 'Relatie ouder/verzorger 1',
  guardian2Name: 'Naam ouder/verzorger 2',
  guardian2Email: 'E-mail ouder/verzorger 2',
  guardian2Phone: 'Telefoon ouder/verzorger 2',
  guardian2Relation: 'Relatie ouder/verzorger 2',
}

/** Field → zero-based column index; a field that is absent is not imported (and not changed). */
export type ImportMapping = Partial<Record<ImportField, number>>

export const importMappingSchema = z
  .object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.number().int().min(0).optional()])) as Record<ImportField, z.ZodOptional<z.ZodNumber>>)
  .strict()

/** Lower-case, without accents, spaces or punctuation: 'Geb.datum' → 'gebdatum'. */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/**
 * Known header names per pupil field, best first (normalised). ParnasSys: Leerlingnummer, Roepnaam,
 * Tussenvoegsel, Achternaam, Geboortedatum, Groep. Magister: Stamnummer, Roepnaam, Tussenv.,
 * Achternaam, Geb.datum, Klas. Somtoday: Leerlingnummer, Voornaam, Voorvoegsel, Achternaam,
 * Geboortedatum, Stamgroep. The BSN is deliberately not a key: it is not needed here (AVG art. 5 lid 1c).
 */
const STUDENT_ALIASES: Record<(typeof IMPORT_STUDENT_FIELDS)[number], string[]> = {
  externalId: ['leerlingnummer', 'stamnummer', 'leerlingnr', 'llnr', 'llnummer', 'studentnummer', 'studentnr', 'leerlingid', 'leerlingcode', 'externalid'],
  firstName: ['roepnaam', 'roepnaamleerling', 'voornaam', 'voornaamleerling', 'firstname', 'voornamen'],
  infix: ['tussenvoegsel', 'tussenvoegsels', 'tussenv', 'voorvoegsel', 'voorvoegsels', 'voorv', 'tv', 'infix'],
  lastName: ['achternaam', 'achternaamleerling', 'geslachtsnaam', 'familienaam', 'lastname'],
  dateOfBirth: ['geboortedatum', 'gebdatum', 'gebdat', 'geboortedag', 'dateofbirth', 'birthdate'],
  groupName: ['groep', 'klas', 'stamgroep', 'basisgroep', 'groepsnaam', 'klasnaam', 'mentorgroep', 'lesgroep', 'group', 'class', 'jaargroep'],
}

const GUARDIAN_WORDS = ['ouder', 'verzorger', 'voogd', 'contactpersoon', 'parent', 'guardian']

/** 'E-mail ouder/verzorger 1', 'Verzorger 2 telefoon', 'Relatie ouder 1' → the guardian field. */
function guardianField(norm: string): ImportField | null {
  if (!GUARDIAN_WORDS.some((w) => norm.includes(w))) return null
  const digits = norm.match(/[0-9]/g) ?? []
  // No number: the first guardian ('E-mail ouder'); another number than 1 or 2: not ours.
  const n = digits.length === 0 ? '1' : digits.length === 1 && (digits[0] === '1' || digits[0] === '2') ? digits[0] : null
  if (!n) return null
  const kind = /e?mail/.test(norm)
    ? 'Email'
    : /telefoon|tel|mobiel|gsm|phone/.test(norm)
      ? 'Phone'
      : /relatie|relation|soort|rol/.test(norm)
        ? 'Relation'
        : /naam|name/.test(norm)
          ? 'Name'
          : null
  return kind ? (`guardian${n}${kind}` as ImportField) : null
}

/** A mapping from the header names: each field at most one column, each column at most one field. */
export function suggestImportMapping(headers: readonly string[]): ImportMapping {
  const norm = headers.map(normaliseHeader)
  const used = new Set<number>()
  const mapping: ImportMapping = {}
  for (const field of IMPORT_STUDENT_FIELDS) {
    for (const alias of STUDENT_ALIASES[field]) {
      const col = norm.findIndex((h, i) => h === alias && !used.has(i))
      if (col >= 0) {
        mapping[field] = col
        used.add(col)
        break
      }
    }
  }
  norm.forEach((h, i) => {
    if (used.has(i)) return
    const field = guardianField(h)
    if (field && mapping[field] === undefined) {
      mapping[field] = i
      used.add(i)
    }
  })
  return mapping
}
