// `pnpm admin:bootstrap --email X --name Y [--reissue]` (in the image: `node build/admin-bootstrap.js …`):
// invites the first platform_beheerder of a new installation (packages/domain/src/accounts/
// bootstrap-platform.ts). Applies the migrations first, so it works on an empty database, as the
// migration owner (DATABASE_OWNER_URL, else DATABASE_URL, else the embedded database in
// PGLITE_DATA_DIR, default apps/web/data/pglite: the folder `pnpm start` uses; stop the server
// first, only one process can open an embedded database).
//
// With RESEND_API_KEY (and MAIL_FROM, RESEND_API_URL as for the server) the link goes by mail and is
// not shown; without it, it is printed here, once. The link points at BAKEN_PUBLIC_URL.
// Exit codes: 0 invited, 1 refused (already a platform_beheerder, an open invitation without
// --reissue, bad input), 2 the mail could not be sent (run again with --reissue).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { openDatabase, runMigrations, type DatabaseConfig } from '../packages/db/src/index.ts'
import { bootstrapPlatform } from '../packages/domain/src/accounts/bootstrap-platform.ts'
import { resendApiUrlFromEnv } from '../packages/email/src/mail-config.ts'
import { resendTransport } from '../packages/email/src/resend-transport.ts'

const USAGE = 'gebruik: pnpm admin:bootstrap --email <e-mailadres> --name "<naam>" [--reissue]'

function databaseConfig(env: NodeJS.ProcessEnv): DatabaseConfig {
  const url = env.DATABASE_OWNER_URL || env.DATABASE_URL
  if (url) return { kind: 'postgres', url, max: 1 }
  if (env.PGLITE_DATA_DIR) return { kind: 'pglite', dataDir: env.PGLITE_DATA_DIR }
  // From the repository (tsx) the web app's folder; from the bundle (apps/web/build or /app/build)
  // the data folder next to build/, as the server resolves './data/pglite' from its working directory.
  const web = new URL('../apps/web/', import.meta.url)
  const dataDir = existsSync(fileURLToPath(new URL('package.json', web))) ? fileURLToPath(new URL('data/pglite', web)) : fileURLToPath(new URL('../data/pglite', import.meta.url))
  return { kind: 'pglite', dataDir }
}

async function main(): Promise<number> {
  let values: { email?: string; name?: string; reissue?: boolean; help?: boolean }
  try {
    ;({ values } = parseArgs({
      args: process.argv.slice(2).filter((a) => a !== '--'),
      options: { email: { type: 'string' }, name: { type: 'string' }, reissue: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }))
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    return 1
  }
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const env = process.env
  const mailKey = env.RESEND_API_KEY?.trim()
  const from = env.MAIL_FROM?.trim()
  if (mailKey && (!from || !from.includes('@'))) {
    console.error('MAIL_FROM moet gezet zijn naast RESEND_API_KEY, bijvoorbeeld MAIL_FROM="Baken <noreply@school.nl>".')
    return 1
  }
  const baseUrl = mailKey ? resendApiUrlFromEnv(env) : null

  const handle = await openDatabase(databaseConfig(env))
  try {
    await runMigrations(handle)
    const outcome = await bootstrapPlatform(handle.db, { email: values.email, name: values.name, reissue: values.reissue ?? false }, { env })
    if (!outcome.ok) {
      console.error(outcome.reason === 'invalid' ? `${outcome.message}\n${USAGE}` : outcome.message)
      return 1
    }
    for (const old of outcome.replaced) console.log(`De vorige uitnodiging (${old}) is ingetrokken.`)
    const until = outcome.expiresAt.toISOString()
    if (!mailKey || !baseUrl || !from) {
      console.log(`Uitnodiging voor ${outcome.email} (geldig tot ${until}). RESEND_API_KEY is niet gezet, dus geen mail; geef deze link veilig door, hij wordt niet opnieuw getoond:`)
      console.log(outcome.link)
      return 0
    }
    const result = await resendTransport({ apiKey: mailKey, from, baseUrl }).send({ id: outcome.invitationId, ...outcome.mail })
    if (result.kind !== 'sent') {
      console.error(`De uitnodiging voor ${outcome.email} is gemaakt, maar de mail ging niet weg (${result.error}). Probeer opnieuw met --reissue.`)
      return 2
    }
    console.log(`Uitnodiging voor ${outcome.email} gemaild (geldig tot ${until}).`)
    return 0
  } finally {
    await handle.close()
  }
}

process.exitCode = await main()
