// The measures as state machines (ADR 007): per kind its states and the transitions between them,
// each with who may take it. Every transition is recorded (measure_transitions).
import type { Role } from '@baken/db'
import type { MeasureKind } from './rule-model.ts'

export interface TransitionRule {
  from: string
  to: string
  /** Dutch label of the action, for buttons and history. */
  label: string
  /** Who may take it. 'board' = the bestuurder, or a schorsing's directeur under the school's mandate (mandates.ts). */
  who: readonly ('directeur' | 'intern_begeleider' | 'leerkracht' | 'board')[]
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

const STAFF = ['directeur', 'intern_begeleider'] as const

export const WORKFLOWS: Record<MeasureKind, Workflow> = {
  // Protocol §3.2: a short separation inside the school; the parents are informed.
  adempauze: {
    initial: 'recorded',
    states: { recorded: 'vastgelegd', parents_informed: 'ouders geïnformeerd' },
    final: ['parents_informed'],
    transitions: [{ from: 'recorded', to: 'parents_informed', label: 'Ouders geïnformeerd', who: [...STAFF, 'leerkracht'] }],
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
      { from: 'requested', to: 'approved', label: 'Goedkeuren', who: ['directeur'] },
      { from: 'requested', to: 'refused', label: 'Afwijzen', who: ['directeur'], needsReason: true },
      { from: 'approved', to: 'parents_informed', label: 'Ouders geïnformeerd', who: [...STAFF, 'leerkracht'] },
      { from: 'parents_informed', to: 'meeting_held', label: 'Gesprek gevoerd', who: STAFF },
      { from: 'meeting_held', to: 'report_signed', label: 'Verslag getekend', who: STAFF },
      { from: 'report_signed', to: 'board_notified', label: 'Bevoegd gezag geïnformeerd', who: ['directeur'] },
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
      { from: 'proposed', to: 'approved', label: 'Besluiten tot schorsing', who: ['board'] },
      { from: 'proposed', to: 'refused', label: 'Niet schorsen', who: ['board'], needsReason: true },
      { from: 'approved', to: 'letter_sent', label: 'Besluit verzonden', who: STAFF, viaLetter: true },
      { from: 'letter_sent', to: 'in_effect', label: 'Schorsing gaat in', who: STAFF },
      { from: 'in_effect', to: 'meeting_held', label: 'Gesprek gevoerd', who: STAFF },
      { from: 'meeting_held', to: 'report_signed', label: 'Verslag getekend', who: STAFF },
      { from: 'report_signed', to: 'ended', label: 'Afsluiten', who: STAFF },
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
      { from: 'proposed', to: 'hearings_recorded', label: 'Hoorgesprekken vastgelegd', who: STAFF },
      { from: 'hearings_recorded', to: 'decided', label: 'Besluiten tot verwijdering', who: ['board'] },
      { from: 'decided', to: 'searching', label: 'Zoeken naar andere school gestart', who: STAFF },
      { from: 'searching', to: 'definitive', label: 'Definitief maken', who: ['board'] },
      { from: 'proposed', to: 'withdrawn', label: 'Intrekken', who: ['board', ...STAFF], needsReason: true },
      { from: 'hearings_recorded', to: 'withdrawn', label: 'Intrekken', who: ['board', ...STAFF], needsReason: true },
      { from: 'decided', to: 'withdrawn', label: 'Intrekken', who: ['board'], needsReason: true },
      { from: 'searching', to: 'withdrawn', label: 'Intrekken', who: ['board'], needsReason: true },
    ],
  },
}

/** Whether this role may take the transition; `directeurMandate`: the school's mandate covers this measure. */
export function mayTake(rule: TransitionRule, role: Role, directeurMandate: boolean): boolean {
  return rule.who.some((w) =>
    w === 'board' ? role === 'bestuurder' || (role === 'directeur' && directeurMandate) : w === role,
  )
}

/** The transitions open from a state for this role. */
export function openTransitions(kind: MeasureKind, state: string, role: Role, directeurMandate: boolean): TransitionRule[] {
  return WORKFLOWS[kind].transitions.filter((t) => t.from === state && !t.viaLetter && mayTake(t, role, directeurMandate))
}

export function stateLabel(kind: MeasureKind, state: string): string {
  return WORKFLOWS[kind].states[state] ?? state
}
