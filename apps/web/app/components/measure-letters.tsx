// Decision letters of a measure: the stored versions with their PDFs, and a button that
// makes a new one from the stichting's latest template (or the standard one). Per letter a form
// records its sending — by e-mail through the outbox, or by post or handed over on a date; sending a
// schorsing's decision letter moves it to "besluit verzonden". The forms post to the measure page's
// action (intents "make-letter", "send-letter"); the PDFs come from /api/v1/measures/{id}/letters/{letterId}.pdf.
// No @baken/* imports here: this file is part of the client bundle.
import { Form, useNavigation } from '@remix-run/react'
import { fill, formatDate, formatDateTime } from '~/lib/format.ts'
import { useRootData } from '~/root.tsx'

export interface LetterView {
  id: string
  kind: string
  version: number
  templateVersion: number | null
  createdAt: string | Date
  createdByName: string | null
  sent: { on: string; channel: string; channelLabel: string; mails: number }[]
}

export interface MeasureLettersProps {
  measureId: string
  letters: LetterView[]
  /** The kinds the caller may make now (empty: no button, and no sending). */
  available: string[]
  today: string
}

/** The kinds of letter by name, per language (the letters section and the templates page). */
export const LETTER_KIND_TEXT: Record<'nl' | 'en', Record<string, string>> = {
  nl: {
    time_out_kennisgeving: 'Kennisgeving time-out',
    schorsing: 'Besluit tot schorsing',
    verwijdering: 'Besluit tot verwijdering',
    bezwaar_beslissing: 'Beslissing op bezwaar',
  },
  en: {
    time_out_kennisgeving: 'Time-out notice',
    schorsing: 'Suspension decision',
    verwijdering: 'Removal decision',
    bezwaar_beslissing: 'Decision on objection',
  },
}

const dictionary = {
  nl: {
    title: 'Brieven',
    intro: 'Besluitbrieven worden gemaakt uit het sjabloon van de stichting en bewaard bij de maatregel; elke nieuwe brief is een nieuwe versie.',
    none: 'Er is nog geen brief gemaakt.',
    make: 'Besluitbrief maken',
    making: 'Bezig…',
    kind: 'Soort brief',
    version: 'versie {n}',
    template: 'sjabloon versie {n}',
    standard: 'standaardsjabloon',
    by: 'door {name}',
    sentOn: 'verzonden {channel} op {date}',
    send: 'Verzending vastleggen',
    sendLegend: 'Hoe is de brief verzonden?',
    channels: { email: 'Per e-mail aan de ontvangers volgens de wet (nu)', post: 'Per post', uitgereikt: 'Uitgereikt' } as Record<string, string>,
    sendDate: 'Datum van posten of uitreiken',
    sendHint: 'Bij e-mail is de datum vandaag. Bij een schorsing gaat de maatregel daarmee naar "besluit verzonden".',
    kinds: LETTER_KIND_TEXT.nl,
  },
  en: {
    title: 'Letters',
    intro: 'Decision letters are made from the foundation’s template and kept with the measure; each new letter is a new version.',
    none: 'No letter has been made yet.',
    make: 'Make decision letter',
    making: 'Working…',
    kind: 'Kind of letter',
    version: 'version {n}',
    template: 'template version {n}',
    standard: 'standard template',
    by: 'by {name}',
    sentOn: 'sent {channel} on {date}',
    send: 'Record sending',
    sendLegend: 'How was the letter sent?',
    channels: { email: 'By e-mail to the recipients the law names (now)', post: 'By post', uitgereikt: 'Handed over' } as Record<string, string>,
    sendDate: 'Date posted or handed over',
    sendHint: 'For e-mail the date is today. For a suspension this moves the measure to "decision sent".',
    kinds: LETTER_KIND_TEXT.en,
  },
} as const

export function MeasureLetters({ measureId, letters, available, today }: MeasureLettersProps) {
  const t = dictionary[useRootData()?.lang === 'en' ? 'en' : 'nl']
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'make-letter'
  const label = (kind: string) => t.kinds[kind] ?? kind
  return (
    <section aria-labelledby="letters-h" id="brieven">
      <h2 id="letters-h">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      {letters.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="letters">
          {letters.map((l) => (
            <li key={l.id}>
              <a href={`/api/v1/measures/${measureId}/letters/${l.id}.pdf`} download>
                {label(l.kind)}, {fill(t.version, { n: l.version })}
              </a>{' '}
              <span className="muted">
                · {formatDateTime(l.createdAt)}
                {l.createdByName ? ` · ${fill(t.by, { name: l.createdByName })}` : ''}
                {` · ${l.templateVersion !== null ? fill(t.template, { n: l.templateVersion }) : t.standard}`}
              </span>
              {l.sent.map((x, i) => (
                <span key={i} className="badge">
                  {fill(t.sentOn, { channel: x.channelLabel, date: formatDate(x.on) })}
                </span>
              ))}
              {available.includes(l.kind) ? (
                <details>
                  <summary>{t.send}</summary>
                  <Form method="post">
                    <input type="hidden" name="intent" value="send-letter" />
                    <input type="hidden" name="letterId" value={l.id} />
                    <fieldset>
                      <legend>{t.sendLegend}</legend>
                      {(['email', 'post', 'uitgereikt'] as const).map((c) => (
                        <label key={c} className="check">
                          <input type="radio" name="channel" value={c} required defaultChecked={c === 'email'} /> {t.channels[c]}
                        </label>
                      ))}
                    </fieldset>
                    <div className="field">
                      <label htmlFor={`sent-on-${l.id}`}>{t.sendDate}</label>
                      <input id={`sent-on-${l.id}`} name="sentOn" type="date" max={today} defaultValue={today} aria-describedby={`sent-hint-${l.id}`} />
                      <p id={`sent-hint-${l.id}`} className="muted">
                        {t.sendHint}
                      </p>
                    </div>
                    <button type="submit">{t.send}</button>
                  </Form>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {available.length ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="make-letter" />
          {available.length === 1 ? (
            <input type="hidden" name="kind" value={available[0]} />
          ) : (
            <>
              <label htmlFor="letter-kind">{t.kind}</label>
              <select id="letter-kind" name="kind" defaultValue={available[0]}>
                {available.map((k) => (
                  <option key={k} value={k}>
                    {label(k)}
                  </option>
                ))}
              </select>
            </>
          )}
          <button type="submit" disabled={busy}>
            {busy ? t.making : t.make}
          </button>
        </Form>
      ) : null}
    </section>
  )
}
