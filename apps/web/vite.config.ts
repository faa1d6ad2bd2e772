import { vitePlugin as remix } from '@remix-run/dev'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
  resolve: { alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) } },
  ssr: {
    // The workspace packages stay outside Vite's server build, so the Express server and the routes
    // share one module graph and one database instance: under tsx in development, and in
    // build/server.js, where server/bundle.mjs compiles server, Remix build and packages together.
    external: ['@baken/db', '@baken/domain', '@baken/permissions'],
  },
  // ssr.external alone does not keep linked workspace packages out of the production SSR bundle.
  build: isSsrBuild ? { rollupOptions: { external: [/^@baken\//] } } : {},
  server: { hmr: { port: Number(process.env.HMR_PORT ?? 24678) } },
}))
