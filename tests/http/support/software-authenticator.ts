// A software WebAuthn authenticator for the HTTP tests: a real EC P-256 key pair, real "none"
// attestation and real assertions, built byte by byte as an authenticator and a browser would
// (WebAuthn Level 2 §6.1 authenticator data, §6.5 attestation object, §5.8.1 client data), so the
// server's verification runs unchanged. Overrides produce the faults the server must refuse.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'

// ---- CBOR (RFC 8949), the subset WebAuthn uses: integers, byte and text strings, arrays, maps.
type Cbor = number | string | Uint8Array | Cbor[] | Map<Cbor, Cbor>

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n])
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n])
  if (n < 0x10000) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff])
  const b = Buffer.alloc(5)
  b[0] = (major << 5) | 26
  b.writeUInt32BE(n, 1)
  return b
}

export function cbor(value: Cbor): Buffer {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value)
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8')
    return Buffer.concat([head(3, bytes.length), bytes])
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value])
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cbor)])
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])])
}

// ---- Authenticator data flags (WebAuthn §6.1).
export const FLAGS = { UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40 } as const

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest()
const b64url = (data: Uint8Array) => Buffer.from(data).toString('base64url')

export interface CeremonyFaults {
  /** The origin the "browser" reports in clientDataJSON. */
  origin?: string
  /** The RP ID whose hash the authenticator puts in authenticator data. */
  rpId?: string
  flags?: number
  /** The signature counter to report (default: one more than last time). */
  counter?: number
  /** A challenge other than the server's. */
  challenge?: string
  /** The user handle to report (sign-in), base64url. */
  userHandle?: string
}

interface CreationOptions {
  challenge: string
  rp: { id?: string }
  user: { id: string }
}

interface RequestOptions {
  challenge: string
  rpId?: string
  allowCredentials?: { id: string }[]
}

export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(16)
  private readonly privateKey: KeyObject
  private readonly publicJwk: { x: string; y: string }
  counter = 0
  /** The user handle the relying party gave at registration (base64url), returned at sign-in. */
  userHandle: string | null = null

  constructor(
    readonly origin: string,
    readonly rpId: string,
    readonly baseFlags: number = FLAGS.UP | FLAGS.UV,
  ) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    this.privateKey = privateKey
    this.publicJwk = publicKey.export({ format: 'jwk' }) as { x: string; y: string }
  }

  get id(): string {
    return b64url(this.credentialId)
  }

  /** The public key as a COSE_Key (RFC 9053): EC2, ES256, P-256, x, y. */
  private coseKey(): Buffer {
    return cbor(
      new Map<Cbor, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(this.publicJwk.x, 'base64url')],
        [-3, Buffer.from(this.publicJwk.y, 'base64url')],
      ]),
    )
  }

  private authenticatorData(rpId: string, flags: number, counter: number, attested: boolean): Buffer {
    const count = Buffer.alloc(4)
    count.writeUInt32BE(counter >>> 0, 0)
    const parts: Uint8Array[] = [sha256(rpId), Buffer.from([flags | (attested ? FLAGS.AT : 0)]), count]
    if (attested) {
      const idLength = Buffer.alloc(2)
      idLength.writeUInt16BE(this.credentialId.length, 0)
      parts.push(Buffer.alloc(16), idLength, this.credentialId, this.coseKey())
    }
    return Buffer.concat(parts)
  }

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, faults: CeremonyFaults): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge: faults.challenge ?? challenge, origin: faults.origin ?? this.origin, crossOrigin: false }))
  }

  /** navigator.credentials.create() with "none" attestation, as JSON (RegistrationResponseJSON). */
  register(options: CreationOptions, faults: CeremonyFaults = {}) {
    this.userHandle = options.user.id
    const authData = this.authenticatorData(faults.rpId ?? this.rpId, faults.flags ?? this.baseFlags, faults.counter ?? this.counter, true)
    const attestationObject = cbor(new Map<Cbor, Cbor>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]))
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(this.clientData('webauthn.create', options.challenge, faults)),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    }
  }

  /** navigator.credentials.get(), as JSON (AuthenticationResponseJSON), signed with the private key. */
  assert(options: RequestOptions, faults: CeremonyFaults = {}) {
    const counter = faults.counter ?? ++this.counter
    const authData = this.authenticatorData(faults.rpId ?? this.rpId, faults.flags ?? this.baseFlags, counter, false)
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, faults)
    // ES256: ECDSA over SHA-256 of authenticatorData ‖ SHA-256(clientDataJSON), DER-encoded (WebAuthn §6.3.3).
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), this.privateKey)
    const userHandle = faults.userHandle ?? this.userHandle
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(userHandle ? { userHandle } : {}),
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    }
  }
}
