// What a production-mode Baken needs around it in the tests (the HTTP suite's bootstrap test and the
// browser suite's onboarding path): the secrets production refuses to start without, freshly made
// per run, an empty embedded database in a temp folder, and `pnpm admin:bootstrap` run the way an
// installer runs it (a child process on the same database, before the server opens it).
import { execFileSync, spawn } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** BAKEN_MODE=production with its required keys (never the same twice, never in the repo). */
export function productionEnv(): Record<string, string> {
  const { privateKey } = generateKeyPairSync('ed25519')
  return {
    BAKEN_MODE: 'production',
    BAKEN_SECRET_KEY: randomBytes(32).toString('base64'),
    BAKEN_AUDIT_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  }
}

export interface TempDir {
  path: string
  remove(): void
}

export function tempDir(prefix: string): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

export interface CommandResult {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * The first platform_beheerder's invitation with `env` over a clean environment: as a checkout runs
 * it (`pnpm admin:bootstrap`: scripts/admin-bootstrap.ts through tsx, which compiles the workspace
 * first) or, with `{ bundled: true }`, as the image does (`node build/admin-bootstrap.js`, the web
 * build's bundle, plain node).
 */
export function runBootstrap(args: string[], env: Record<string, string>, options: { bundled?: boolean } = {}): Promise<CommandResult> {
  const command = options.bundled ? ['apps/web/build/admin-bootstrap.js'] : ['--import', 'tsx', 'scripts/admin-bootstrap.ts']
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...command, ...args], {
      cwd: ROOT,
      // Only what the command is given: no DATABASE_URL or RESEND_API_KEY from the caller's shell.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += String(d)))
    child.stderr.on('data', (d) => (stderr += String(d)))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** The token in an invitation link (…/uitnodiging/<token>) inside a mail or a printed line. */
export function invitationToken(text: string): string {
  const token = /\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(text)?.[1]
  if (!token) throw new Error(`no invitation link in: ${text.slice(0, 300)}`)
  return token
}

export interface SelfSignedCert {
  key: string
  cert: string
  /** The certificate's file, for NODE_EXTRA_CA_CERTS (the server then trusts it as its own CA). */
  certFile: string
}

/**
 * A throw-away self-signed certificate for 127.0.0.1 (openssl, one day), so a test's OIDC provider
 * can serve https as production mode demands of an issuer.
 */
export function selfSignedCert(dir: string): SelfSignedCert {
  const keyFile = join(dir, 'tls-key.pem')
  const certFile = join(dir, 'tls-cert.pem')
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-addext', 'basicConstraints=critical,CA:TRUE', '-keyout', keyFile, '-out', certFile],
    { stdio: 'pipe' },
  )
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile }
}
