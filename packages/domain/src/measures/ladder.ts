// The rungs of the legal ladder: which a new measure skips (skipping needs a written justification).
import { MEASURE_KINDS, type MeasureKind } from './rule-model.ts'

/** The rung of a measure: 1 (adempauze) to 4 (verwijdering). */
export function ladderStep(kind: MeasureKind): number {
  const index = MEASURE_KINDS.indexOf(kind)
  if (index < 0) throw new RangeError(`Onbekende maatregel: ${String(kind)}`)
  return index + 1
}

/**
 * The rungs a new measure skips: those between the highest measure already on record and the new
 * one. Adempauze then schorsing skips the time-out; a first verwijdering skips all three below it.
 * Repeating a rung or stepping down skips nothing.
 */
export function skippedRungs(previousKinds: readonly MeasureKind[], kind: MeasureKind): MeasureKind[] {
  const highest = Math.max(0, ...previousKinds.map(ladderStep))
  const step = ladderStep(kind)
  return MEASURE_KINDS.filter((k) => ladderStep(k) > highest && ladderStep(k) < step)
}

/** Skipping a rung needs a written justification (the ladder is the school safety protocol's stappenplan, §3). */
export function skipsRung(previousKinds: readonly MeasureKind[], kind: MeasureKind): boolean {
  return skippedRungs(previousKinds, kind).length > 0
}
