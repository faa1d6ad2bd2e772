// IRIS voorval codes with a fixed meaning in the rules (no file access: usable in the browser too).
export const VOORVAL = {
  verbaalGeweld: 1,
  bedreiging: 2,
  fysiekGeweld: 3,
  grovePesterijen: 4,
  pesterijen: 33,
  groepsknokpartij: 7,
  seksueleIntimidatie: 8,
  seksueelMisbruik: 9,
  loverboy: 10,
  vernieling: 13,
  diefstal: 15,
  brandstichting: 19,
  wapenbezit: 21,
  wapengebruik: 22,
  wapenverkoop: 23,
  drugsbezit: 24,
  drugsgebruik: 25,
  drugsverkoop: 26,
  ongeval: 31,
} as const

/**
 * The Bijlage 1 behaviours that an incident type already says: choosing one of these types is
 * answering "verbale agressie: ja" (or fysiek, vernieling), so the form asks only its vorm and tegen
 * wie. The §1.2 rules in severity.ts read their aggression from the same lists.
 */
export const BEHAVIOUR_VOORVAL = {
  verbal: [VOORVAL.verbaalGeweld, VOORVAL.bedreiging],
  physical: [VOORVAL.fysiekGeweld, VOORVAL.groepsknokpartij],
  vandalism: [VOORVAL.vernieling, VOORVAL.brandstichting],
} as const satisfies Record<'verbal' | 'physical' | 'vandalism', readonly number[]>

/**
 * The behaviour flags as recorded: ticked, or said by the type. Whoever registers (the form, with or
 * without JavaScript, or the API) stores "verbaal geweld" as "verbale agressie: ja".
 */
export function recordedBehaviour(input: { voorval: readonly number[]; verbalAggression: boolean; physicalAggression: boolean; vandalism: boolean }) {
  const said = (codes: readonly number[]) => codes.some((c) => input.voorval.includes(c))
  return {
    verbalAggression: input.verbalAggression || said(BEHAVIOUR_VOORVAL.verbal),
    physicalAggression: input.physicalAggression || said(BEHAVIOUR_VOORVAL.physical),
    vandalism: input.vandalism || said(BEHAVIOUR_VOORVAL.vandalism),
  }
}

/**
 * The eight everyday types a teacher picks right after it happened, shown first on the form; every
 * other IRIS type is one search away.
 */
export const COMMON_VOORVAL: readonly number[] = [
  VOORVAL.fysiekGeweld,
  VOORVAL.verbaalGeweld,
  VOORVAL.pesterijen,
  VOORVAL.bedreiging,
  VOORVAL.vernieling,
  VOORVAL.diefstal,
  11, // ordeverstoring
  VOORVAL.groepsknokpartij,
]
