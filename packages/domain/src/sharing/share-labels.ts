// The Dutch labels of a share's purposes and data fields. Only types from the database package, so
// pages can import it in the browser (`@baken/domain/share-labels`).
import type { schema } from '@baken/db'

type SharePurpose = schema.SharePurpose
type ShareField = schema.ShareField

export const SHARE_PURPOSE_LABEL: Record<SharePurpose, string> = {
  strafbare_feiten: 'Voorkomen en opsporen van strafbare feiten',
  openbare_orde: 'Handhaven van de openbare orde',
  hulpverlening: 'Hulpverlening',
  toezicht_naleving: 'Toezicht op naleving',
  halt_spreekuur: 'Halt-spreekuur',
  leerplicht: 'Leerplicht',
  inspectie: 'Inspectie',
}

export const SHARE_FIELD_LABEL: Record<ShareField, string> = {
  datum: 'Datum en tijd',
  type: 'Soort incident',
  locatie: 'Locatie',
  naam_dader: 'Naam van de dader(s)',
  naam_slachtoffer: 'Naam van het slachtoffer / de slachtoffers',
  naam_getuige: 'Naam van de getuige(n)',
  geboortedatum: 'Geboortedatum',
  groep: 'Groep / klas',
  omschrijving: 'Omschrijving (andere leerlingen onherkenbaar)',
  letsel: 'Letsel',
  voorwerpen: 'Voorwerpen',
  afhandeling: 'Afhandeling',
  maatregelen: 'Maatregelen',
}
