// The browser side of passkeys (ADR 029): the WebAuthn ceremonies through @simplewebauthn/browser,
// loaded only when a button is pressed, talking JSON to the server's passkey routes. Each button
// reports progress and errors in a live region; without JavaScript (or WebAuthn) it says why it
// cannot work.
import { useEffect, useState } from 'react'

type Outcome<T> = { ok: true; data: T } | { ok: false; message: string }

async function postJson<T>(url: string, body: unknown): Promise<Outcome<T>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' })
  const data = res.status === 204 ? null : await res.json().catch(() => null)
  if (res.ok) return { ok: true, data: data as T }
  const message = (data as { errors?: { message?: string }[] } | null)?.errors?.[0]?.message ?? `De server antwoordde met ${res.status}.`
  return { ok: false, message }
}

/** A browser's refusal (the user cancelled, it timed out, no matching passkey) in words. */
function ceremonyError(error: unknown, cancelled: string): string {
  const name = (error as { name?: string; cause?: { name?: string } })?.cause?.name ?? (error as { name?: string })?.name
  if (name === 'NotAllowedError' || name === 'AbortError') return cancelled
  if (name === 'InvalidStateError') return 'Deze passkey is al geregistreerd.'
  return (error as Error)?.message || cancelled
}

function useWebAuthnSupport(): boolean | null {
  const [supported, setSupported] = useState<boolean | null>(null)
  useEffect(() => {
    setSupported(typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function')
  }, [])
  return supported
}

interface Texts {
  button: string
  busy: string
  cancelled: string
  unsupported: string
}

/**
 * A passkey sign-in or second step: fetch options, let the browser ask the authenticator, send the
 * answer. On success the browser goes where the server says (or `then`).
 */
export function PasskeyButton({
  optionsUrl,
  optionsBody,
  verifyUrl,
  verifyBody,
  then,
  texts,
  className,
}: {
  optionsUrl: string
  optionsBody: unknown
  verifyUrl: string
  verifyBody: Record<string, unknown>
  then?: string
  texts: Texts
  className?: string
}) {
  const supported = useWebAuthnSupport()
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null })
  async function run() {
    setState({ busy: true, error: null })
    try {
      const options = await postJson<Record<string, unknown>>(optionsUrl, optionsBody)
      if (!options.ok) return setState({ busy: false, error: options.message })
      const { startAuthentication } = await import('@simplewebauthn/browser')
      const response = await startAuthentication({ optionsJSON: options.data as never })
      const verified = await postJson<{ redirectTo?: string }>(verifyUrl, { ...verifyBody, response })
      if (!verified.ok) return setState({ busy: false, error: verified.message })
      window.location.assign(verified.data?.redirectTo ?? then ?? '/')
    } catch (error) {
      setState({ busy: false, error: ceremonyError(error, texts.cancelled) })
    }
  }
  return (
    <div className="passkey">
      <button type="button" className={className} onClick={run} disabled={supported !== true || state.busy} aria-describedby={state.error ? 'passkey-error' : undefined}>
        {texts.button}
      </button>
      <p role="status" aria-live="polite" className="muted">
        {state.busy ? texts.busy : supported === false ? texts.unsupported : ''}
      </p>
      {state.error ? (
        <p id="passkey-error" className="error" role="alert">
          {state.error}
        </p>
      ) : null}
    </div>
  )
}

/** Adds a passkey to the signed-in account under the name typed; reports the recovery codes of a first factor. */
export function PasskeyRegistration({ onRegistered }: { onRegistered: (result: { recoveryCodes: string[] | null }) => void }) {
  const supported = useWebAuthnSupport()
  const [name, setName] = useState('')
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null })
  async function run(event: React.FormEvent) {
    event.preventDefault()
    if (!name.trim()) return setState({ busy: false, error: 'Geef de passkey een naam, bijvoorbeeld "Laptop" of "Telefoon".' })
    setState({ busy: true, error: null })
    try {
      const options = await postJson<Record<string, unknown>>('/api/v1/account/mfa/passkeys/options', {})
      if (!options.ok) return setState({ busy: false, error: options.message })
      const { startRegistration } = await import('@simplewebauthn/browser')
      const response = await startRegistration({ optionsJSON: options.data as never })
      const saved = await postJson<{ recoveryCodes: string[] | null }>('/api/v1/account/mfa/passkeys', { name: name.trim(), response })
      if (!saved.ok) return setState({ busy: false, error: saved.message })
      setState({ busy: false, error: null })
      setName('')
      onRegistered({ recoveryCodes: saved.data.recoveryCodes })
    } catch (error) {
      setState({ busy: false, error: ceremonyError(error, 'Er is geen passkey gemaakt: geannuleerd of te lang gewacht. Probeer het opnieuw.') })
    }
  }
  return (
    <form onSubmit={run} aria-describedby={state.error ? 'passkey-register-error' : undefined}>
      {state.error ? (
        <p id="passkey-register-error" className="error" role="alert">
          {state.error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="passkey-name">Naam van de passkey</label>
        <input
          id="passkey-name"
          name="name"
          maxLength={60}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={state.error ? true : undefined}
          aria-describedby="passkey-name-help"
        />
        <p id="passkey-name-help" className="muted">
          Bijvoorbeeld het apparaat: &quot;Laptop werk&quot; of &quot;Telefoon&quot;.
        </p>
      </div>
      <button type="submit" disabled={supported !== true || state.busy}>
        Passkey toevoegen
      </button>
      <p role="status" aria-live="polite" className="muted">
        {state.busy ? 'Volg de aanwijzingen van je browser of apparaat…' : supported === false ? 'Deze browser ondersteunt geen passkeys.' : ''}
      </p>
    </form>
  )
}
