// Dutch first, English available. The language comes from the baken_lang cookie (set at /taal).
import { nl } from './messages/nl.ts'
import { en } from './messages/en.ts'

export type Lang = 'nl' | 'en'
export type MessageKey = keyof typeof nl
export type Messages = Record<MessageKey, string>

const dictionaries: Record<Lang, Messages> = { nl, en }

export function langFromRequest(request: Request): Lang {
  const cookie = request.headers.get('cookie') ?? ''
  return /(?:^|;\s*)baken_lang=en(?:;|$)/.test(cookie) ? 'en' : 'nl'
}

export function translator(lang: Lang) {
  const dict = dictionaries[lang]
  return (key: MessageKey, vars?: Record<string, string | number>) =>
    dict[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars?.[name] ?? `{${name}}`))
}
