/**
 * The web console, served by the server itself at /console/ from the bundle `npm run
 * build:console` writes to web/dist. Hashed assets are cached for good; every other path under
 * /console/ (and the customer's /status/<token> link) answers the app's page, whose router
 * shows the right screen. Without a bundle the console says how to build it.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import fastifyStatic from '@fastify/static'

export const consoleBundleDir = fileURLToPath(new URL('../../web/dist/', import.meta.url))

// The console loads only its own scripts; ECharts and Preact set inline styles through the DOM.
const pagePolicy = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'",
].join('; ')

const notBuilt = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sellahead console</title></head>
<body><main><h1>The console is not built yet</h1><p>Run <code>npm run build:console</code> (or <code>npm run demo</code>, which builds it), then reload.</p></main></body></html>`

export function consoleRoutes({ bundleDir = consoleBundleDir }: { bundleDir?: string } = {}): FastifyPluginAsync {
  return async (app) => {
    const built = existsSync(`${bundleDir}/index.html`)
    if (built) {
      await app.register(fastifyStatic, {
        root: bundleDir,
        prefix: '/console/',
        index: false,
        wildcard: false,
        serve: false,
      })
    }
    const page = (reply: FastifyReply) => {
      // The customer's status link carries its token in the path: no page may pass it on as a referrer.
      reply.header('content-security-policy', pagePolicy).header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
      return built ? reply.sendFile('index.html', { cacheControl: false }) : reply.code(503).type('text/html').send(notBuilt)
    }
    const options = { config: { public: true }, schema: { hide: true } }
    app.get('/console', options, (_req, reply) => reply.redirect('/console/'))
    app.get('/console/', options, (_req, reply) => page(reply))
    app.get('/status/:token', options, (_req, reply) => page(reply))
    app.get('/console/*', options, (req, reply) => {
      const path = (req.params as { '*': string })['*']
      if (built && /^(assets|widget)\/[A-Za-z0-9._-]+$/.test(path) && existsSync(`${bundleDir}/${path}`)) {
        // Hashed assets never change; the widget keeps its name, so shops get a new one within minutes.
        if (path.startsWith('assets/')) return reply.sendFile(path, { maxAge: '365d', immutable: true })
        // The widget is loaded by shops on other origins.
        reply.header('access-control-allow-origin', '*')
        return reply.sendFile(path, { maxAge: '5m' })
      }
      if (/\.[a-z0-9]+$/i.test(path)) return reply.callNotFound()
      return page(reply)
    })
  }
}
