// Shared pieces of the Halt spreekuur (Halt's spreekuur leaflet): Dutch labels of the leaflet's lists
// and the input helpers of the school's side (referrals) and Halt's side (the workspace).
import { schema } from '@baken/db'
import { z } from 'zod'
import { textInput } from '../input-rules.ts'

export type HaltIncidentType = (typeof schema.HALT_INCIDENT_TYPES)[number]
export type HaltStatus = (typeof schema.HALT_REFERRAL_STATUSES)[number]
export type HaltOutcome = (typeof schema.HALT_OUTCOMES)[number]
export type HaltComponent = (typeof schema.HALT_COMPONENTS)[number]
export type HaltRestorativeKind = (typeof schema.HALT_RESTORATIVE_KINDS)[number]
export type HaltReportField = (typeof schema.HALT_REPORT_FIELDS)[number]

export const HALT_APPOINTMENT_KINDS = ['intake', 'spreekuur', 'gesprek_slachtoffer', 'klassenbijeenkomst'] as const
export type HaltAppointmentKind = (typeof HALT_APPOINTMENT_KINDS)[number]
export const HALT_ATTENDANCE = ['gepland', 'aanwezig', 'afwezig_met_bericht', 'afwezig_zonder_bericht'] as const
export type HaltAttendance = (typeof HALT_ATTENDANCE)[number]

/** The leaflet's incident types (Halt's spreekuur leaflet, "Type incidenten"). */
export const HALT_INCIDENT_TYPE_LABELS: Record<HaltIncidentType, string> = {
  fysieke_agressie: 'Fysieke agressie',
  verbale_agressie: 'Verbale agressie',
  bedreiging: 'Bedreiging',
  vernieling_gooien: 'Spullen stukmaken of met spullen gooien',
  schelden: 'Schelden of grof taalgebruik',
  te_laat_verzuim: 'Te laat komen en schoolverzuim',
  digitaal_grensoverschrijdend: 'Digitaal grensoverschrijdend gedrag, zoals sexting',
}

export const HALT_STATUS_LABELS: Record<HaltStatus, string> = {
  aangemeld: 'Aangemeld',
  geaccepteerd: 'Geaccepteerd',
  afgewezen: 'Afgewezen',
  intake_gepland: 'Intake gepland',
  lopend: 'Lopend',
  afgesloten: 'Afgesloten',
}

export const HALT_OUTCOME_LABELS: Record<HaltOutcome, string> = {
  afgerond: 'Afgerond',
  voortijdig_gestopt: 'Voortijdig gestopt',
  niet_verschenen: 'Niet verschenen',
}

/** The effective components of the Halt intervention (Halt's spreekuur leaflet, "Wat zet Halt in?"). */
export const HALT_COMPONENT_LABELS: Record<HaltComponent, string> = {
  reflectie: 'Reflecteren op het incident en bewustwording van de gevolgen',
  excuses_herstel: 'Excuus en herstel',
  ouders_docenten: 'Betrekken van de ouders en docenten',
  sociale_vaardigheden: 'Aanleren en versterken van sociale vaardigheden',
  opdrachten: 'Opdrachten thuis of op het spreekuur',
  netwerk_jim: 'Netwerk versterken met een JIM (Jouw Ingebrachte Mentor)',
}

export const HALT_RESTORATIVE_LABELS: Record<HaltRestorativeKind, string> = {
  gesprek_slachtoffer: 'Gesprek met het slachtoffer',
  herstel_tussen_groepen: 'Herstelgericht traject tussen groepen',
  klassenbijeenkomst: 'Bijeenkomst met de klas, samen met de school',
  doorverwijzing_hulpverlening: 'Doorverwijzing naar hulpverlening',
}

export const HALT_REPORT_FIELD_LABELS: Record<HaltReportField, string> = {
  uitkomst: 'Uitkomst',
  onderdelen: 'Uitgevoerde onderdelen',
  herstel: 'Herstelstappen',
  afspraken: 'Gemaakte afspraken',
  advies_school: 'Advies aan de school',
  doorverwijzing: 'Doorverwijzing',
}

export const HALT_APPOINTMENT_LABELS: Record<HaltAppointmentKind, string> = {
  intake: 'Intake',
  spreekuur: 'Spreekuur',
  gesprek_slachtoffer: 'Gesprek met het slachtoffer',
  klassenbijeenkomst: 'Klassenbijeenkomst',
}

export const HALT_ATTENDANCE_LABELS: Record<HaltAttendance, string> = {
  gepland: 'Gepland',
  aanwezig: 'Aanwezig',
  afwezig_met_bericht: 'Afwezig met bericht',
  afwezig_zonder_bericht: 'Afwezig zonder bericht',
}

export const HALT_COMPONENT_KEYS = schema.HALT_COMPONENTS

export const HALT_WEEKDAYS = ['', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'] as const

/** All labels at once, for pages (component code may not import @baken/* values). */
export const HALT_LABELS = {
  incidentTypes: HALT_INCIDENT_TYPE_LABELS,
  statuses: HALT_STATUS_LABELS,
  outcomes: HALT_OUTCOME_LABELS,
  components: HALT_COMPONENT_LABELS,
  restorative: HALT_RESTORATIVE_LABELS,
  reportFields: HALT_REPORT_FIELD_LABELS,
  appointments: HALT_APPOINTMENT_LABELS,
  attendance: HALT_ATTENDANCE_LABELS,
}

/** An optional form field: empty counts as absent. */
export const blankAsAbsent = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional())

/** Form values arrive as one string or many; the API sends arrays. */
export const stringList = <T extends z.ZodType>(item: T, min = 0, message = 'Kies er minstens één', max = 100) =>
  z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item).min(min, message).max(max, `Ten hoogste ${max}`))

/** Empty form fields count as absent. */
export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), textInput().trim().max(max, `Maximaal ${max} tekens`).optional())

/** The median and 90th percentile (nearest rank) of a list of numbers; null when empty. */
export function percentiles(values: readonly number[]): { median: number | null; p90: number | null } {
  if (!values.length) return { median: null, p90: null }
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2
  const p90 = sorted[Math.max(0, Math.ceil(0.9 * n) - 1)]!
  return { median, p90 }
}

/** What the school sent with a referral: its reason and actions, its contact, the consents and the report fields it asks back. */
export interface ReferralRequest {
  reason: string
  schoolActions: string
  contactName: string
  contactEmail: string
  contactPhone: string | null
  studentConsentOn: string
  parentConsentOn: string | null
  reportFields: string[]
}
