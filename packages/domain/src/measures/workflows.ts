// The measures as state machines (ADR 007): per kind its states and the transitions between them,
// each with who may take it. Every transition is recorded (measure_transitions).
import { record, type AppAbility } from '@baken/permissions'
import type { MeasureKind } from './rule-model.ts'

/**
 * The CASL action a step needs on the measure (abilities.ts decides which role has it): 'decide' the
 * bevoegd gezag's decision (the bestuurder, or a schorsing's directeur under the school's mandate,
 * mandates.ts), 'approve' the directeur's own steps on a time-out, 'handle' the school's steps (the
 * directeur and the IB), 'inform' telling the parents (also the leerkracht who gave the measure).
 */
export type StepAction = 'decide' | 'approve' | 'handle' | 'inform'

export interface TransitionRule {
  from: string
  to: string
  /** Dutch label of the action, for buttons and history. */
  label: string
  /** Who may take it: whoever has one of these actions on the measure. */
  by: readonly StepAction[]
  /** A written reason is required (refusals, withdrawals). */
  needsReason?: boolean
  /**
   * Taken only by recording that the decision letter was sent (letters.ts, recordLetterSent), never
   * by hand: a schorsing is always a written decision (WPO 40c lid 2, WVO 2020 8.14, WEB 8.1.7c).
   */
  viaLetter?: boolean
}

export interface Workflow {
  initial: string
  states: Record<string, string>
  final: readonly string[]
  transitions: readonly TransitionRule[]
}


export const WORKFLOWS: Record<MeasureKind, Workflow> = {
  // Protocol §3.2: a short separation inside the school; the parents are informed.
  adempauze: {
    initial: 'recorded',
    states: { recorded: 'vastgelegd', parents_informed: 'ouders geïnformeerd' },
    final: ['parents_informed'],
    transitions: [{ from: 'recorded', to: 'parents_informed', label: 'Ouders geïnformeerd', by: ['inform'] }],
  },
  // Protocol §3.3 (no statutory basis): rest of the day; the directeur approves; parents at once.
  time_out: {
    initial: 'requested',
    states: {
      requested: 'aangevraagd',
      approved: 'goedgekeurd',
      refused: 'afgewezen',
      parents_informed: 'ouders geïnformeerd',
      meeting_held: 'gesprek met ouders gevoerd',
      report_signed: 'verslag voor gezien getekend',
      board_notified: 'bevoegd gezag schriftelijk geïnformeerd',
    },
    final: ['refused', 'board_notified'],
    transitions: [
      { from: 'requested', to: 'approved', label: 'Goedkeuren', by: ['approve'] },
      { from: 'requested', to: 'refused', label: 'Afwijzen', by: ['approve'], needsReason: true },
      { from: 'approved', to: 'parents_informed', label: 'Ouders geïnformeerd', by: ['inform'] },
      { from: 'parents_informed', to: 'meeting_held', label: 'Gesprek gevoerd', by: ['handle'] },
      { from: 'meeting_held', to: 'report_signed', label: 'Verslag getekend', by: ['handle'] },
      { from: 'report_signed', to: 'board_notified', label: 'Bevoegd gezag geïnformeerd', by: ['approve'] },
    ],
  },
  // Protocol §3.4; WPO 40c, WVO 2020 8.14, WEB 8.1.7c: decided by the bevoegd gezag (or by
  // mandate), a written decision, no extension.
  schorsing: {
    initial: 'proposed',
    states: {
      proposed: 'voorgesteld',
      approved: 'besloten',
      refused: 'niet besloten',
      letter_sent: 'besluit verzonden',
      in_effect: 'loopt',
      meeting_held: 'gesprek met ouders gevoerd',
      report_signed: 'verslag voor gezien getekend',
      ended: 'afgesloten',
    },
    final: ['refused', 'ended'],
    transitions: [
      { from: 'proposed', to: 'approved', label: 'Besluiten tot schorsing', by: ['decide'] },
      { from: 'proposed', to: 'refused', label: 'Niet schorsen', by: ['decide'], needsReason: true },
      { from: 'approved', to: 'letter_sent', label: 'Besluit verzonden', by: ['handle'], viaLetter: true },
      { from: 'letter_sent', to: 'in_effect', label: 'Schorsing gaat in', by: ['handle'] },
      { from: 'in_effect', to: 'meeting_held', label: 'Gesprek gevoerd', by: ['handle'] },
      { from: 'meeting_held', to: 'report_signed', label: 'Verslag getekend', by: ['handle'] },
      { from: 'report_signed', to: 'ended', label: 'Afsluiten', by: ['handle'] },
    ],
  },
  // Protocol §3.5; WPO 40, WVO 2020 8.15, WEB 8.1.7d: hearings first, the board decides, definitive
  // only when another school admits the pupil (or, mbo, after 8 weeks of documented search).
  verwijdering: {
    initial: 'proposed',
    states: {
      proposed: 'voorgesteld',
      hearings_recorded: 'hoorgesprekken vastgelegd',
      decided: 'besloten (voorlopig)',
      searching: 'zoeken naar andere school',
      definitive: 'definitief',
      withdrawn: 'ingetrokken',
    },
    final: ['definitive', 'withdrawn'],
    transitions: [
      { from: 'proposed', to: 'hearings_recorded', label: 'Hoorgesprekken vastgelegd', by: ['handle'] },
      { from: 'hearings_recorded', to: 'decided', label: 'Besluiten tot verwijdering', by: ['decide'] },
      { from: 'decided', to: 'searching', label: 'Zoeken naar andere school gestart', by: ['handle'] },
      { from: 'searching', to: 'definitive', label: 'Definitief maken', by: ['decide'] },
      { from: 'proposed', to: 'withdrawn', label: 'Intrekken', by: ['decide', 'handle'], needsReason: true },
      { from: 'hearings_recorded', to: 'withdrawn', label: 'Intrekken', by: ['decide', 'handle'], needsReason: true },
      { from: 'decided', to: 'withdrawn', label: 'Intrekken', by: ['decide'], needsReason: true },
      { from: 'searching', to: 'withdrawn', label: 'Intrekken', by: ['decide'], needsReason: true },
    ],
  },
}

/** The measure's fields the step rules look at; `mandated`: a mandate in force covers it (mandates.ts). */
export interface StepSubject {
  stichtingId: string
  schoolId: string
  kind: MeasureKind
  proposedById: string
  mandated: boolean
}

/** Whether the caller may take the transition on this measure. */
export function mayTake(rule: TransitionRule, ability: AppAbility, m: StepSubject): boolean {
  return rule.by.some((action) => ability.can(action, record('Measure', { ...m })))
}

/** The transitions open to the caller from the measure's state. */
export function openTransitions(ability: AppAbility, m: StepSubject & { state: string }): TransitionRule[] {
  const { state, ...subject } = m
  return WORKFLOWS[m.kind].transitions.filter((t) => t.from === state && !t.viaLetter && mayTake(t, ability, subject))
}

/**
 * How the caller takes the bevoegd gezag's decision on this measure: in its own right (the
 * bestuurder), only under the school's mandate (the directeur: the domain must find one in force
 * that covers the measure), or not at all.
 */
export function decidesAs(ability: AppAbility, m: Omit<StepSubject, 'mandated'>): 'own_right' | 'under_mandate' | null {
  if (ability.can('decide', record('Measure', { ...m, mandated: false }))) return 'own_right'
  if (ability.can('decide', record('Measure', { ...m, mandated: true }))) return 'under_mandate'
  return null
}

export function stateLabel(kind: MeasureKind, state: string): string {
  return WORKFLOWS[kind].states[state] ?? state
}
