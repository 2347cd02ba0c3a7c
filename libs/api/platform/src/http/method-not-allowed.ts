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
    const allowed = allowedAt(request.url.split('?', 1)[0], request.routeOptions.url);
    if (!allowed?.size || allowed.has(request.method)) return;
    const allow = METHOD_ORDER.filter((method) => allowed.has(method)).join(', ');
    await reply
      .status(405)
      .header('Allow', allow)
      .send({ message: `${request.method} is not allowed here; this path takes ${allow}.` });
  });

  /** The methods a path takes, where the request's own route (`matched`) does not settle it. */
  function allowedAt(path: string, matched: string | undefined): Set<string> | undefined {
    // Unmatched, on its way to 404: the methods of every route the path fits.
    if (matched === undefined) return new Set([...paths.values()].filter(({ pattern }) => pattern.test(path)).flatMap(({ methods }) => [...methods]));
    // A route with a parameter may catch a path that another route names outright
    // (`GET /email-templates/preview` is no id): that path is the resource, with its methods.
    if (matched.includes(':')) return paths.get(path.replace(/(.)\/$/, '$1'))?.methods;
    return undefined;
  }
}

/** A Fastify route pattern (`/admin/api/users/:id`) as a regular expression over paths. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}
