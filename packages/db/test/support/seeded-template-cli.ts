// For scripts/test-all.mjs, so that the db and http suites of one run share one seeded snapshot
// and one template database (vitest's globalSetup would otherwise make them once per suite):
//
//   node --import tsx packages/db/test/support/seeded-template-cli.ts create <dir>
//       makes them and writes <dir>/seeded-env.json: the environment that points tests at them
//   node --import tsx packages/db/test/support/seeded-template-cli.ts drop <template database>
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { dropPgTemplate, prepareSeededTemplates } from './seeded-template.ts'

const [command, arg] = process.argv.slice(2)
if (command === 'create' && arg) {
  // The files stay where the caller asked (it removes its directory); only the env is reported.
  const templates = await prepareSeededTemplates({ postgres: true, dir: arg })
  writeFileSync(join(arg, 'seeded-env.json'), JSON.stringify(templates.env))
} else if (command === 'drop' && arg) {
  await dropPgTemplate(arg)
} else {
  console.error('usage: seeded-template-cli.ts create <dir> | drop <template database>')
  process.exit(2)
}
