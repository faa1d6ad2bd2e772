// Production bounds the V8 heap (ADR 039): the image sets NODE_OPTIONS, `pnpm start` sets the same,
// and the benchmark starts the server it measures with the same flags, so the memory budget it
// checks is the one production runs with.
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { PRODUCTION_NODE_OPTIONS } from '../../../scripts/bench/load.ts'

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8')

it('the Dockerfile, the start script and the benchmark bound the heap with the same flags', () => {
  expect(PRODUCTION_NODE_OPTIONS).toMatch(/--max-old-space-size=\d+/)
  const dockerfile = /^ENV NODE_OPTIONS="([^"]*)"$/m.exec(read('../../../infra/Dockerfile'))?.[1]
  expect(dockerfile).toBe(PRODUCTION_NODE_OPTIONS)
  const start = (JSON.parse(read('../package.json')) as { scripts: { start: string } }).scripts.start
  expect(/NODE_OPTIONS="([^"]*)"/.exec(start)?.[1]).toBe(PRODUCTION_NODE_OPTIONS)
})
