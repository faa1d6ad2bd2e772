import { getDatabase, withContext } from '@baken/db'
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  countFactors,
  listFactors,
  mfaStatus,
  pendingTotpEnrolment,
  platformMfaRequiredFromEnv,
  removePasskey,
  removeTotp,
  replaceRecoveryCodes,
} from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useRevalidator } from '@remix-run/react'
import { useState } from 'react'
import { PasskeyRegistration } from '~/components/passkeys.tsx'
import { encode } from 'uqr'
import { requireSession } from '~/lib/context.server.ts'
import { formatDate, formatDateTime } from '~/lib/format.ts'
import { safeRedirect } from '~/lib/http.server.ts'
import { mfaSecretKey } from '~/lib/mfa.server.ts'
import { requireFreshSecondFactor } from '~/lib/step-up.server.ts'

const platformRequired = platformMfaRequiredFromEnv()

/**
 * /account/tweede-factor — the user's second factor: set up an authenticator app (QR code and the
 * key as text, confirmed with a first code), ten recovery codes shown once, new codes, removal.
 * New codes and removal ask for a fresh second factor. A session that still owes its second step
 * goes there first; one that must enrol may be here and nowhere else.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireSession(request, context, { beforeSecondFactor: true })
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '/account')
  if (auth.gate === 'second_factor_required') throw redirect(`/login/tweede-stap?redirectTo=${encodeURIComponent(redirectTo)}`)
  const db = getDatabase()
  const status = await mfaStatus(db, auth.user.id, platformRequired)
  return withContext(db, { userId: auth.user.id }, async (tx) => {
    const factors = await listFactors(tx, auth.user.id)
    const pending = factors.totp ? null : await pendingTotpEnrolment(tx, mfaSecretKey, auth.user)
    return {
      required: status.required,
      mustEnrol: auth.gate === 'second_factor_enrolment_required',
      redirectTo,
      totp: factors.totp ? { confirmedAt: factors.totp.confirmedAt.toISOString() } : null,
      recoveryCodesLeft: factors.recoveryCodesLeft,
      passkeys: factors.passkeys.map((p) => ({ ...p, createdAt: p.createdAt.toISOString(), lastUsedAt: p.lastUsedAt?.toISOString() ?? null })),
      events: factors.events.map((e) => ({ kind: e.kind, detail: e.detail, at: e.at.toISOString() })),
      pending: pending ? { keyText: pending.keyText, qr: qrPath(pending.uri) } : null,
    }
  })
}

/** The QR code (error correction M, 2 modules of quiet zone) as one SVG path of dark modules. */
function qrPath(text: string): { size: number; d: string } {
  const rows = encode(text, { ecc: 'M', border: 2 }).data
  const size = rows.length
  let d = ''
  rows.forEach((row, y) => row.forEach((dark, x) => (dark ? (d += `M${x} ${y}h1v1h-1z`) : null)))
  return { size, d }
}

/** The account's security log (mfa_events) in words. */
const EVENT_LABELS: Record<string, string> = {
  totp_enrolled: 'authenticator-app ingesteld',
  totp_removed: 'authenticator-app verwijderd',
  recovery_codes_generated: 'nieuwe herstelcodes gemaakt',
  recovery_code_used: 'ingelogd met een herstelcode',
  passkey_registered: 'passkey toegevoegd',
  passkey_removed: 'passkey verwijderd',
}

type ActionData = { error: string } | { codes: string[]; redirectTo: string } | { removed: true } | { removedPasskey: true }

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireSession(request, context, { beforeSecondFactor: true })
  if (auth.gate === 'second_factor_required') throw redirect('/login/tweede-stap')
  const form = await request.formData()
  const db = getDatabase()
  const meta = { ip: context.clientIp, userAgent: request.headers.get('user-agent') }
  const redirectTo = safeRedirect(form.get('redirectTo') as string | null, '/account')
  switch (form.get('intent')) {
    case 'begin': {
      const begun = await withContext(db, { userId: auth.user.id }, (tx) => beginTotpEnrolment(tx, mfaSecretKey, auth.user))
      if (!begun.ok) return data<ActionData>({ error: 'Je hebt al een authenticator-app ingesteld. Verwijder die eerst als je een andere wilt.' }, { status: 409 })
      return redirect(`/account/tweede-factor?redirectTo=${encodeURIComponent(redirectTo)}`)
    }
    case 'confirm': {
      const code = String(form.get('code') ?? '').trim()
      if (!code) return data<ActionData>({ error: 'Vul de code van 6 cijfers uit je app in.' }, { status: 400 })
      const confirmed = await withContext(db, { userId: auth.user.id }, (tx) =>
        confirmTotpEnrolment(tx, mfaSecretKey, { userId: auth.user.id, sessionId: auth.sessionId, code, now: new Date(), ...meta }),
      )
      if (!confirmed.ok) {
        return confirmed.reason === 'no_pending'
          ? data<ActionData>({ error: 'Begin eerst opnieuw met het instellen.' }, { status: 409 })
          : data<ActionData>({ error: 'Deze code klopt niet. Controleer of de tijd op je telefoon goed staat en vul de nieuwste code in.' }, { status: 400 })
      }
      return data<ActionData>({ codes: confirmed.recoveryCodes, redirectTo })
    }
    case 'regenerate': {
      requireFreshSecondFactor({ via: auth.via, surface: context.surface }, request, context)
      const factors = await withContext(db, { userId: auth.user.id }, (tx) => listFactors(tx, auth.user.id))
      if (!factors.totp && factors.passkeys.length === 0) return data<ActionData>({ error: 'Stel eerst een authenticator-app of een passkey in.' }, { status: 409 })
      const codes = await withContext(db, { userId: auth.user.id }, (tx) => replaceRecoveryCodes(tx, auth.user.id, meta))
      return data<ActionData>({ codes, redirectTo: '/account/tweede-factor' })
    }
    case 'remove': {
      requireFreshSecondFactor({ via: auth.via, surface: context.surface }, request, context)
      const status = await mfaStatus(db, auth.user.id, platformRequired)
      // The last factor stays when the role requires one; with a passkey left, the app may go.
      if (status.required && (await withContext(db, { userId: auth.user.id }, (tx) => countFactors(tx, auth.user.id))) <= 1) {
        return data<ActionData>({ error: 'Je organisatie vraagt een tweede factor voor jouw rol: je kunt je laatste tweede factor niet verwijderen.' }, { status: 409 })
      }
      const removed = await withContext(db, { userId: auth.user.id }, (tx) => removeTotp(tx, auth.user.id, meta))
      if (!removed) return data<ActionData>({ error: 'Er is geen authenticator-app ingesteld.' }, { status: 404 })
      return data<ActionData>({ removed: true })
    }
    case 'remove-passkey': {
      requireFreshSecondFactor({ via: auth.via, surface: context.surface }, request, context)
      const status = await mfaStatus(db, auth.user.id, platformRequired)
      const removed = await withContext(db, { userId: auth.user.id }, (tx) =>
        removePasskey(tx, { userId: auth.user.id, id: String(form.get('id') ?? ''), required: status.required, ...meta }),
      )
      if (!removed.ok) {
        return removed.reason === 'not_found'
          ? data<ActionData>({ error: 'Deze passkey bestaat niet (meer).' }, { status: 404 })
          : data<ActionData>({ error: 'Je organisatie vraagt een tweede factor voor jouw rol: je kunt je laatste tweede factor niet verwijderen.' }, { status: 409 })
      }
      return data<ActionData>({ removedPasskey: true })
    }
    default:
      return data<ActionData>({ error: 'Onbekende actie.' }, { status: 400 })
  }
}

export default function SecondFactor() {
  const { required, mustEnrol, redirectTo, totp, recoveryCodesLeft, pending, passkeys, events } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const revalidator = useRevalidator()
  // Recovery codes that came with a first passkey (registered by the page's script, not a form).
  const [passkeyCodes, setPasskeyCodes] = useState<string[] | null>(null)
  const [passkeyAdded, setPasskeyAdded] = useState(false)
  const error = actionData && 'error' in actionData ? actionData.error : null
  const codes = passkeyCodes ? { codes: passkeyCodes, redirectTo } : actionData && 'codes' in actionData ? actionData : null
  const factorCount = passkeys.length + (totp ? 1 : 0)
  if (codes) {
    return (
      <section className="card narrow">
        <h1>Je herstelcodes</h1>
        <p role="status">
          Bewaar deze 10 codes op een veilige plek (op papier of in een wachtwoordmanager). Elke code werkt één keer, als je je
          authenticator-app of passkey niet bij de hand hebt. Je ziet ze alleen nu.
        </p>
        <ol className="recovery-codes">
          {codes.codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <p>
          <Link to={codes.redirectTo} className="button">
            Ik heb ze bewaard, ga verder
          </Link>
        </p>
      </section>
    )
  }
  return (
    <section className="card narrow">
      <h1>Tweede factor</h1>
      {mustEnrol ? (
        <p className="notice" role="status">
          Je organisatie vraagt voor jouw rol een tweede factor. Stel die eerst in; daarna kun je verder.
        </p>
      ) : null}
      {error ? (
        <p className="error" role="alert" id="mfa-error">
          {error}
        </p>
      ) : null}
      {actionData && 'removed' in actionData ? <p role="status">Je authenticator-app is verwijderd.</p> : null}
      {actionData && 'removedPasskey' in actionData ? <p role="status">De passkey is verwijderd.</p> : null}
      {passkeyAdded ? <p role="status">De passkey is toegevoegd.</p> : null}
      {totp ? (
        <>
          <p>
            Authenticator-app ingesteld op {formatDate(totp.confirmedAt.slice(0, 10))}. Nog {recoveryCodesLeft} ongebruikte herstelcodes.
          </p>
          <Form method="post">
            <button type="submit" name="intent" value="regenerate" className="button secondary">
              Nieuwe herstelcodes maken
            </button>
          </Form>
          {required && factorCount <= 1 ? null : (
            <Form method="post">
              <button type="submit" name="intent" value="remove" className="button secondary">
                Authenticator-app verwijderen
              </button>
            </Form>
          )}
        </>
      ) : pending ? (
        <>
          <h2>Stap 1: scan de QR-code</h2>
          <p id="qr-help">Open je authenticator-app (bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP) en scan deze code.</p>
          <svg
            role="img"
            aria-label="QR-code om Baken toe te voegen aan je authenticator-app"
            viewBox={`0 0 ${pending.qr.size} ${pending.qr.size}`}
            width="220"
            height="220"
            shapeRendering="crispEdges"
            style={{ background: '#fff', maxWidth: '100%', height: 'auto' }}
          >
            <path d={pending.qr.d} fill="#000" />
          </svg>
          <p>
            Kun je niet scannen? Voer dan deze sleutel met de hand in (tijdgebaseerd, 6 cijfers):{' '}
            <code className="token" data-testid="totp-key">
              {pending.keyText}
            </code>
          </p>
          <h2>Stap 2: bevestig met een code</h2>
          <Form method="post" aria-describedby={error ? 'mfa-error' : undefined}>
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <div className="field">
              <label htmlFor="code">Code uit je app</label>
              <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={8} required aria-invalid={error ? true : undefined} />
            </div>
            <button type="submit" name="intent" value="confirm">
              Bevestigen
            </button>
          </Form>
        </>
      ) : (
        <>
          <p>Met een tweede factor kan niemand inloggen met alleen je wachtwoord. Je gebruikt een authenticator-app op je telefoon.</p>
          <Form method="post">
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <button type="submit" name="intent" value="begin">
              Authenticator-app instellen
            </button>
          </Form>
        </>
      )}
      <section aria-labelledby="passkeys-title">
        <h2 id="passkeys-title">Passkeys</h2>
        <p>
          Een passkey is een sleutel op je telefoon, laptop of beveiligingssleutel die je ontgrendelt met je vingerafdruk, gezicht of
          pincode. Je kunt ermee inloggen zonder wachtwoord, of hem gebruiken als tweede factor. Passkeys werken alleen met JavaScript.
        </p>
        {passkeys.length > 0 ? (
          <ul className="passkeys" aria-label="Je passkeys">
            {passkeys.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong>{' '}
                <span className="muted">
                  toegevoegd op {formatDate(p.createdAt)}
                  {p.lastUsedAt ? `, laatst gebruikt op ${formatDate(p.lastUsedAt)}` : ', nog niet gebruikt'}
                  {p.deviceType === 'multiDevice' ? (p.backedUp ? ' · gesynchroniseerd' : ' · kan synchroniseren') : ' · op één apparaat'}
                </span>
                {required && factorCount <= 1 ? null : (
                  <Form method="post">
                    <input type="hidden" name="id" value={p.id} />
                    <button type="submit" name="intent" value="remove-passkey" className="button secondary" aria-label={`Passkey ${p.name} verwijderen`}>
                      Verwijderen
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Je hebt nog geen passkey.</p>
        )}
        <PasskeyRegistration
          onRegistered={({ recoveryCodes }) => {
            if (recoveryCodes) setPasskeyCodes(recoveryCodes)
            setPasskeyAdded(true)
            revalidator.revalidate()
          }}
        />
      </section>
      {events.length > 0 ? (
        <section aria-labelledby="mfa-events-title">
          <h2 id="mfa-events-title">Recente gebeurtenissen</h2>
          <ul className="mfa-events">
            {events.map((e, i) => (
              <li key={`${e.at}-${i}`}>
                {`${formatDateTime(e.at)}: ${EVENT_LABELS[e.kind] ?? e.kind}${e.detail ? ` (${e.detail})` : ''}`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {mustEnrol ? (
        <Form method="post" action="/logout">
          <button type="submit" className="button secondary">
            Uitloggen
          </button>
        </Form>
      ) : (
        <p>
          <Link to="/account">Terug naar je account</Link>
        </p>
      )}
    </section>
  )
}
