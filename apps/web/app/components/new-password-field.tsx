// The field for choosing a new password: the password policy's hint, and its Dutch refusal tied to
// the input (aria-describedby), so a screen reader hears both.
export function NewPasswordField({ id = 'password', name = 'password', label, minLength, error }: { id?: string; name?: string; label: string; minLength: number; error?: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="password"
        autoComplete="new-password"
        required
        minLength={minLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      />
      <p className="muted" id={`${id}-hint`}>
        Minstens {minLength} tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden; cijfers of leestekens zijn niet nodig.
      </p>
      {error ? (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
