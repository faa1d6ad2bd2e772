// Open-redirect guard for every target a request names (after login, after switching the language,
// after a break-glass reason). Any origin serves as the base: the target is resolved against it only
// to see whether it stays there.
const SITE = 'http://baken.invalid'

/** Longer targets are not ours (our own paths are short) and make a Location header some proxies refuse. */
const MAX_TARGET_LENGTH = 2048

/**
 * The page on this site that a user-supplied target names, parsed; `null` when it is not a plain
 * local path. A browser resolves a Location with the WHATWG URL parser, which drops tabs and
 * newlines and reads "\" as "/" (WHATWG URL §4.4), so "/\t/evil.example" and "/\evil.example" lead
 * to another host although they start with one slash. Hence: control characters and backslashes
 * are refused outright, only an absolute path is accepted, and it must resolve to this origin with
 * a path that does not itself start with "//" ("/a/..//evil.example" parses to the path
 * "//evil.example", which as a Location is another host).
 */
export function localTarget(to: unknown): URL | null {
  if (typeof to !== 'string' || to.length > MAX_TARGET_LENGTH) return null
  // C0 controls, DEL and backslashes never appear in our own links.
  // eslint-disable-next-line no-control-regex
  if (!to.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(to)) return null
  let url: URL
  try {
    url = new URL(to, SITE)
  } catch {
    return null
  }
  if (url.origin !== SITE || url.pathname.startsWith('//')) return null
  // What we send must be read back as the same URL, or the browser could end up elsewhere.
  if (new URL(url.pathname + url.search + url.hash, SITE).href !== url.href) return null
  return url
}

/**
 * Where to send the user: the local path, query and fragment of `to` as parsed (never the raw
 * string), or `fallback` when `to` is missing or would leave the site.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  const url = localTarget(to)
  return url ? url.pathname + url.search + url.hash : fallback
}
