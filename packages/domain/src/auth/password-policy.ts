// The password policy, after NIST SP 800-63B §3.1.1.2: at least 12 characters, at most 128 (any
// characters, spaces and emoji included), no composition rules ("one digit, one capital") and no
// forced rotation; instead every new password is checked against lists of common and breached
// passwords and dictionary words, Dutch ones included, and against the user's own name and address.
// zxcvbn-ts does that check and estimates how guessable the rest is; score 3 of 4 ("safely
// unguessable") is not enough for accounts that open pupils' files: a season plus a year
// ("Zomervakantie2024") or one's own name plus a year passes it. Score 4 of 4 is the minimum.
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as dutch from '@zxcvbn-ts/language-nl-be'

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 128
export const PASSWORD_MIN_SCORE = 4

let factory: ZxcvbnFactory | undefined

// The dictionaries are large: built once, on first use.
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations: dutch.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...dutch.dictionary },
    useLevenshteinDistance: true,
  })
  return factory
}

export type PasswordVerdict = { ok: true } | { ok: false; message: string }

/** Counts characters as people see them (an emoji is one), not UTF-16 units. */
function length(password: string): number {
  return [...password].length
}

/**
 * Checks a new password. `userInputs` are the user's own name and e-mail address (and their parts):
 * a password built from them is refused like a common one. The message is Dutch, for the form.
 */
export function checkPassword(password: string, userInputs: string[] = []): PasswordVerdict {
  const n = length(password)
  if (n < PASSWORD_MIN_LENGTH) {
    return { ok: false, message: `Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens. Een zin van een paar woorden is makkelijk te onthouden.` }
  }
  if (n > PASSWORD_MAX_LENGTH) return { ok: false, message: `Een wachtwoord is hoogstens ${PASSWORD_MAX_LENGTH} tekens.` }
  const inputs = userInputs.flatMap((v) => [v, ...v.toLowerCase().split(/[^\p{L}\p{N}]+/u)]).filter((v) => v.length >= 3)
  const result: ZxcvbnResult = zxcvbn().check(password, inputs)
  if (result.score >= PASSWORD_MIN_SCORE) return { ok: true }
  const why = result.feedback.warning ? `${result.feedback.warning} ` : ''
  return { ok: false, message: `Dit wachtwoord is te makkelijk te raden. ${why}Kies bijvoorbeeld een zin van vier of meer woorden die niet bij elkaar horen.`.replace(/\s+/g, ' ').trim() }
}
