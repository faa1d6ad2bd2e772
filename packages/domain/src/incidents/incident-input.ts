// The Bijlage 1 note as a validated input. Messages are Dutch: they reach the form and the API as is.
import { z } from 'zod'

// Zod's own messages (for anything without an explicit one) in Dutch too.
z.config(z.locales.nl())
import { isIrisCode, type IrisList } from './iris.ts'
import { PERSON_KINDS, PERSON_ROLES, SEVERITIES } from './severity.ts'
import { dateTimeInput, textInput, yesNo } from '../input-rules.ts'

const DAY = 24 * 3600 * 1000
/** Free text fields: generous, but a bound (a 1 MB paste is refused, not stored). */
export const MAX_TEXT = 10_000
const text = (label: string, max = MAX_TEXT) =>
  textInput()
    .trim()
    .max(max, `${label}: maximaal ${max} tekens`)
    .nullish()
    .transform((v) => (v ? v : null))

const irisCode = (list: IrisList, label: string) =>
  z.coerce
    .number({ message: `${label}: kies een code uit de lijst` })
    .int()
    .refine((c) => isIrisCode(list, c), { message: `${label}: onbekende IRIS-code` })

export const personInput = z
  .object({
    role: z.enum(PERSON_ROLES, { message: 'Kies een rol (dader, slachtoffer, getuige, melder, betrokkene)' }),
    kind: z.enum(PERSON_KINDS, { message: 'Kies leerling, medewerker, ouder of externe' }),
    studentId: z.uuid('Onbekende leerling').nullish().describe('Required for a leerling; a pupil of this school'),
    description: text('Omschrijving', 500).describe('Required for others (no name needed)'),
    injury: text('Letsel', 1000),
    outcome: text('Afloop', 1000),
  })
  .superRefine((p, ctx) => {
    if (p.kind === 'leerling' && !p.studentId) ctx.addIssue({ code: 'custom', path: ['studentId'], message: 'Kies de leerling' })
    if (p.kind !== 'leerling' && p.studentId) ctx.addIssue({ code: 'custom', path: ['studentId'], message: 'Alleen een leerling heeft een leerlingkoppeling' })
    if (p.kind !== 'leerling' && !p.description) {
      ctx.addIssue({ code: 'custom', path: ['description'], message: 'Omschrijf de persoon (geen naam nodig bij externen)' })
    }
  })
export type PersonInput = z.infer<typeof personInput>

const fields = {
  occurredAt: dateTimeInput('Vul een geldige datum en tijd in')
    .refine((d) => d.getTime() <= Date.now() + DAY, { message: 'De datum ligt in de toekomst' })
    .refine((d) => d.getFullYear() >= 2000, { message: 'De datum ligt te ver in het verleden' }),
  locationCode: irisCode('locatie', 'Locatie').nullish().describe('IRIS locatie'),
  locationNote: text('Toelichting locatie', 500),
  voorval: z
    .array(irisCode('voorval', 'Soort incident'), { message: 'Kies minstens één soort incident' })
    .min(1, 'Kies minstens één soort incident')
    .max(10)
    .describe('IRIS voorval (incident types)'),
  voorwerp: z.array(irisCode('voorwerp', 'Voorwerp')).max(10).default([]).describe('IRIS voorwerp (objects used)'),
  afhandeling: z.array(irisCode('afhandeling', 'Afhandeling')).max(20).default([]).describe('IRIS afhandeling (actions taken)'),
  situation: textInput({ message: 'Beschrijf de situatie' }).trim().min(1, 'Beschrijf de situatie').max(MAX_TEXT, `Situatie: maximaal ${MAX_TEXT} tekens`),
  verbalAggression: yesNo().default(false),
  verbalForm: text('Vorm verbale agressie', 500),
  verbalAgainst: text('Verbale agressie tegen', 500),
  physicalAggression: yesNo().default(false),
  physicalForm: text('Vorm fysieke agressie', 500),
  physicalAgainst: text('Fysieke agressie tegen', 500),
  vandalism: yesNo().default(false),
  vandalismForm: text('Vorm vernieling', 500),
  vandalismAgainst: text('Vernieling van/tegen', 500),
  leftPremises: yesNo().default(false),
  objectThrownAtPerson: yesNo().default(false),
  motiveCode: irisCode('motief', 'Motief').nullish().describe('IRIS motief'),
  motiveNote: text('Toelichting motief', 1000),
  analysis: text('Analyse'),
  agreements: text('Afspraken'),
  parentsContacted: yesNo().default(false),
  parentsContactedAt: dateTimeInput('Vul een geldige datum in').nullish(),
  parentsContactedBy: text('Contact met ouders door', 200),
  /** Omitted: the suggested level is taken. */
  severity: z.enum(SEVERITIES, { message: 'Kies overig, ernstig of zeer ernstig' }).nullish().describe('Omitted: the suggested level'),
  severityReason: text('Reden', 2000).describe('Required when lower than the suggestion'),
  confidential: yesNo().default(false).describe('Forced true for sexual intimidation, abuse and loverboy cases'),
  policeReportKind: z.enum(['melding', 'aangifte'], { message: 'Kies melding of aangifte' }).nullish(),
  policeReportedOn: z.iso.date('Vul een geldige datum in').nullish(),
  policeReportedBy: text('Gemeld door', 200),
  policeOnBehalfOfVictim: yesNo().nullish(),
  persons: z.array(personInput, { message: 'Voeg minstens één betrokkene toe' }).min(1, 'Voeg minstens één betrokkene toe').max(50, 'Maximaal 50 betrokkenen'),
}

/** The note's input fields (for merging a change onto the stored state). */
export const INCIDENT_INPUT_FIELDS = Object.keys(fields) as (keyof typeof fields)[]

export function crossChecks(
  v: { parentsContacted?: boolean; parentsContactedAt?: Date | null; policeReportKind?: string | null; policeReportedOn?: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.parentsContacted && !v.parentsContactedAt) {
    ctx.addIssue({ code: 'custom', path: ['parentsContactedAt'], message: 'Wanneer is met de ouders gesproken?' })
  }
  if (v.policeReportKind && !v.policeReportedOn) {
    ctx.addIssue({ code: 'custom', path: ['policeReportedOn'], message: 'Op welke datum is de melding of aangifte gedaan?' })
  }
}

export const createIncidentInput = z
  .object({ ...fields, submit: yesNo().default(false) })
  .strict()
  .superRefine(crossChecks)
  .describe('Every coded field takes an IRIS code (shared/reference/iris-codes.csv). Dutch error messages.')
export type CreateIncidentInput = z.input<typeof createIncidentInput>
export type ParsedIncidentInput = z.infer<typeof createIncidentInput>

/**
 * A change: any subset of the fields; `expectedVersion` guards against overwriting someone else's
 * edit. No defaults: a field that is not sent keeps its stored value.
 */
export const updateIncidentFields = {
  ...Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, (f instanceof z.ZodDefault ? f.removeDefault() : (f as z.ZodType)).optional()])),
  submit: yesNo().optional(),
  expectedVersion: z.coerce.number().int().min(1).optional().describe('Refused with 409 if the incident changed meanwhile'),
} as { [K in keyof typeof fields]: z.ZodOptional<z.ZodType<z.output<(typeof fields)[K]>, z.input<(typeof fields)[K]>>> } & {
  submit: z.ZodOptional<ReturnType<typeof yesNo>>
  expectedVersion: z.ZodOptional<z.ZodCoercedNumber>
}

export const updateIncidentInput = z.object(updateIncidentFields).strict().superRefine(crossChecks)
export type UpdateIncidentInput = z.input<typeof updateIncidentInput>
