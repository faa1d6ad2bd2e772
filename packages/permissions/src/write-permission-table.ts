// `pnpm --filter @baken/permissions permissions:doc`: writes docs/permissions.md, the role × permission
// table rendered from abilities.ts (permission-table.ts). Run it after changing a CASL rule.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { renderPermissionsDoc } from './permission-table.ts'

export const permissionsDocPath = fileURLToPath(new URL('../../../docs/permissions.md', import.meta.url))

writeFileSync(permissionsDocPath, renderPermissionsDoc())
console.log(`Written ${permissionsDocPath}`)
