// Bundles the Express server for production: `node build/server.js` with plain Node, no tsx.
//
// Runs after `remix vite:build` (the `build` script). The workspace packages export raw TypeScript,
// so they are compiled into the bundle here, together with the server and the Remix server build
// (which Vite leaves importing @baken/*): one module graph, one database instance. Third-party
// packages (but for BUNDLED below) stay external and load from node_modules at run time, as their
// authors ship them — PGlite finds its wasm and data files, pdfkit its fonts and argon2 its native
// addon next to their own code. Because the bundle imports them from apps/web, each must be a
// dependency of @baken/web; the build fails when one is missing or its range differs from the
// workspace package's.
//
// Files the workspace packages read relative to their own source (`new URL('…', import.meta.url)`:
// the migrations, the IRIS codes) are copied to build/files/ and the URL is rewritten to point there.
//
// Outputs (next to build/client and build/server, so '../build/client' from build/server.js is
// still apps/web/build/client):
//   build/server.js             the web server (apps/web/server/index.ts)
//   build/migrate.js            applies the migrations (packages/db/src/migrate-cli.ts)
//   build/access-log-verify.js  verifies the access-log chain (packages/db/src/access-log-verify.ts)
//   build/admin-bootstrap.js    invites the first platform_beheerder (scripts/admin-bootstrap.ts)
//   build/files/                the data files above
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const web = fileURLToPath(new URL('..', import.meta.url))
const repo = path.resolve(web, '../..')
const packagesDir = path.join(repo, 'packages')
const out = path.join(web, 'build')
const filesDir = path.join(out, 'files')

const webManifest = JSON.parse(readFileSync(path.join(web, 'package.json'), 'utf8'))
const webDeps = webManifest.dependencies ?? {}

// Imported only on the development path (the Vite dev server), never when NODE_ENV=production.
const DEV_ONLY = new Set(['vite'])
// Third-party packages compiled in rather than left external: plain JavaScript that reads no files
// of its own. drizzle-orm's package.json is ~180 kB (an export per file), and Node's resolver
// deserialises it for each of the few hundred drizzle files a start loads: ~130 MB of garbage that
// V8 keeps while the server idles (on a Postgres server ~400 MB resident, ~130 MB with it bundled).
const BUNDLED = new Set(['drizzle-orm'])

const entries = [
  { in: path.join(web, 'server/index.ts'), out: 'server' },
  { in: path.join(packagesDir, 'db/src/migrate-cli.ts'), out: 'migrate' },
  { in: path.join(packagesDir, 'db/src/access-log-verify.ts'), out: 'access-log-verify' },
  { in: path.join(repo, 'scripts/admin-bootstrap.ts'), out: 'admin-bootstrap' },
]

if (!existsSync(path.join(out, 'server/index.js'))) {
  console.error('bundle: build/server/index.js is missing; run `remix vite:build` first')
  process.exit(1)
}
function removeOutputs() {
  for (const entry of entries) {
    rmSync(path.join(out, `${entry.out}.js`), { force: true })
    rmSync(path.join(out, `${entry.out}.js.map`), { force: true })
  }
}
removeOutputs()
rmSync(filesDir, { recursive: true, force: true })

/** 'pdfkit/js/x' → 'pdfkit', '@scope/name/x' → '@scope/name' */
function packageName(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/** The nearest package.json above `file`: a workspace package's, apps/web's or a bundled one's. */
function ownerManifest(file) {
  let dir = path.dirname(file)
  while (dir.startsWith(repo)) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest)) return { dir, json: JSON.parse(readFileSync(manifest, 'utf8')) }
    dir = path.dirname(dir)
  }
  return null
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))
const problems = []

const workspacePlugin = (entryFile) => ({
  name: 'baken-workspace',
  setup(b) {
    // Every bare import but @baken/* stays external; check it is a dependency of @baken/web.
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@baken/')) return undefined
      if (builtins.has(args.path)) return { path: args.path, external: true }
      const name = packageName(args.path)
      if (BUNDLED.has(name)) return undefined
      if (!(args.kind === 'dynamic-import' && DEV_ONLY.has(name))) {
        const owner = ownerManifest(args.importer)
        const wanted = owner?.json.dependencies?.[name] ?? owner?.json.devDependencies?.[name]
        if (!webDeps[name]) {
          problems.push(`${name} (imported by ${path.relative(repo, args.importer)}) is not in apps/web/package.json "dependencies"`)
        } else if (wanted && owner.dir.startsWith(packagesDir + path.sep) && wanted !== webDeps[name]) {
          problems.push(`${name}: ${owner.json.name} wants ${wanted}, @baken/web has ${webDeps[name]}; keep them equal`)
        }
      }
      return { path: args.path, external: true }
    })

    // Workspace sources: copy what they read relative to import.meta.url, and refuse any other use
    // of import.meta, whose meaning changes once the module lives inside the bundle.
    b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
      if (!args.path.startsWith(packagesDir + path.sep)) return undefined
      const source = readFileSync(args.path, 'utf8')
      const owner = ownerManifest(args.path)
      const fileUrl = /new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g
      // createRequire(import.meta.url) resolves packages (e.g. the PDF font files of dejavu-fonts-ttf):
      // inside the bundle from apps/web, where every external package is a dependency as well.
      const packageRequire = /createRequire\(\s*import\.meta\.url\s*\)/g
      if (args.path !== entryFile && /import\.meta/.test(source.replace(fileUrl, '').replace(packageRequire, ''))) {
        problems.push(`${path.relative(repo, args.path)} uses import.meta in a way the bundle cannot keep`)
      }
      const contents = source.replace(
        fileUrl,
        (_match, _quote, relative) => {
          const target = path.resolve(path.dirname(args.path), relative)
          if (!existsSync(target)) problems.push(`${path.relative(repo, args.path)}: ${relative} does not exist`)
          const inPackage = path.relative(owner.dir, target)
          const copy = path.join(filesDir, path.basename(owner.dir), inPackage)
          cpSync(target, copy, { recursive: true })
          return `new URL(${JSON.stringify(`./${path.relative(out, copy).split(path.sep).join('/')}`)}, import.meta.url)`
        },
      )
      return { contents, loader: path.extname(args.path).slice(1).replace(/^[cm]/, '') || 'ts' }
    })
  },
})

const started = Date.now()
for (const entry of entries) {
  await build({
    entryPoints: [entry.in],
    outfile: path.join(out, `${entry.out}.js`),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    // Some externals are CommonJS; a bundled module that calls require() needs a real one.
    banner: { js: "import { createRequire as __bakenCreateRequire } from 'node:module'; const require = __bakenCreateRequire(import.meta.url);" },
    sourcemap: 'linked',
    // Keep names readable in stack traces; the server is not shipped to browsers.
    minify: false,
    logLevel: 'warning',
    plugins: [workspacePlugin(entry.in)],
  })
}

if (problems.length > 0) {
  removeOutputs()
  console.error(`bundle: ${[...new Set(problems)].join('\n  ')}`)
  process.exit(1)
}
console.log(`bundle: ${entries.map((e) => `build/${e.out}.js`).join(', ')} in ${Date.now() - started} ms`)
