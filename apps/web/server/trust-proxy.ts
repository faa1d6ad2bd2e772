// TRUST_PROXY: which hops in front of the server may tell it the client's address (X-Forwarded-For),
// as a value for Express's `trust proxy` setting. The client address is what login throttling
// counts per address, so a setting that trusts too much lets a client pick its own address, and one
// that trusts too little puts every user behind the proxy on one address.
//
// Express reads the setting by type: a number is a count of hops, `true` trusts every hop, and a
// string is a list of proxy addresses; so the string "1" would mean the address 0.0.0.1 (trusting no
// real proxy at all) and "true" would fail at start. Hence this parser, which refuses at start
// whatever is neither of the forms below.
import { isIP } from 'node:net'

/** `false`: trust no proxy; a number: that many hops; a list: proxies at these addresses or subnets. */
export type TrustProxy = false | number | string[]

/** More hops than this is a typing error, not a deployment. */
const MAX_HOPS = 10

// proxy-addr's (Express's) names for the reserved ranges.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function isAddressOrSubnet(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true
  const [address, prefix, ...rest] = entry.split('/')
  const family = isIP(address ?? '')
  if (family === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  if (!/^\d{1,3}$/.test(prefix)) return false
  return Number(prefix) <= (family === 4 ? 32 : 128)
}

/**
 * Parses TRUST_PROXY:
 * - unset, empty, `0` or `false`: no proxy; the client address is the connection's peer;
 * - a whole number 1–10: that many proxies in front (`1`: one reverse proxy; the client address is
 *   the last X-Forwarded-For entry, the one that proxy added; entries further left, which the
 *   client can write, are ignored). Only when the server cannot be reached except through them;
 * - a comma-separated list of proxy addresses, CIDR subnets, or `loopback`, `linklocal`,
 *   `uniquelocal`: hops from those addresses are trusted, and the client address is the last entry
 *   added by a hop that is not.
 * Anything else (including `true`, which would let every client name its own address) throws.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim()
  if (text === '' || text === '0' || text.toLowerCase() === 'false') return false
  if (/^\d+$/.test(text)) {
    const hops = Number(text)
    if (hops > MAX_HOPS) throw new Error(`TRUST_PROXY must be a number of proxy hops from 1 to ${MAX_HOPS}, not ${text}`)
    return hops
  }
  if (text.toLowerCase() === 'true') {
    throw new Error(
      'TRUST_PROXY=true would trust every hop, so any client could choose its own address; give the number of proxies in front (e.g. 1) or their addresses',
    )
  }
  const entries = text.split(',').map((e) => e.trim())
  const bad = entries.filter((e) => !isAddressOrSubnet(e))
  if (bad.length > 0) {
    throw new Error(
      `TRUST_PROXY must be a number of proxy hops, or proxy addresses/subnets (e.g. 10.0.0.1, 10.0.0.0/8, loopback), not ${bad.map((b) => JSON.stringify(b)).join(', ')}`,
    )
  }
  return entries
}
