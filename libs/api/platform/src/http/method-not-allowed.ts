import type { FastifyInstance } from 'fastify';

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

interface KnownPath {
  pattern: RegExp;
  methods: Set<string>;
}

/**
 * RFC 9110 15.5.6: a request whose path exists but not for its method is answered 405 with the
 * methods that path takes in `Allow`, not 404 (which would say the resource is not there).
 * Must be registered before the routes, so that every route passes through `onRoute`.
 */
export function answerMethodNotAllowed(fastify: FastifyInstance): void {
  const paths = new Map<string, KnownPath>();
  fastify.addHook('onRoute', (route) => {
    // A catch-all (the console's `/admin/*`) says nothing about which paths exist.
    if (route.url.includes('*')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const known = paths.get(route.url) ?? { pattern: patternOf(route.url), methods: new Set<string>() };
    for (const method of methods) known.methods.add(method.toUpperCase());
    paths.set(route.url, known);
  });
  fastify.addHook('onRequest', async (request, reply) => {
    // A matched route has its pattern; only unmatched requests (on their way to 404) are looked at.
    if (request.routeOptions.url !== undefined) return;
    const path = request.url.split('?', 1)[0];
    const allowed = new Set<string>();
    for (const known of paths.values()) {
      if (known.pattern.test(path)) for (const method of known.methods) allowed.add(method);
    }
    if (allowed.size === 0 || allowed.has(request.method)) return;
    const allow = METHOD_ORDER.filter((method) => allowed.has(method)).join(', ');
    await reply
      .status(405)
      .header('Allow', allow)
      .send({ message: `${request.method} is not allowed here; this path takes ${allow}.` });
  });
}

/** A Fastify route pattern (`/admin/api/users/:id`) as a regular expression over paths. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}
