/** What a browser got for one request. */
export interface Page {
  status: number;
  url: URL;
  /** The redirect's target, resolved against the page's URL. */
  location?: URL;
  setCookies: string[];
  body: string;
}

/**
 * Just enough of a browser for redirect flows between servers: a cookie jar per origin, forms,
 * and redirects followed one at a time, so a test can stop at any of them. `aliases` maps an
 * origin the servers name (an ISSUER) to where it really listens, as a load balancer would:
 * pointing it elsewhere keeps the origin's cookies.
 */
export class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  constructor(readonly aliases: Record<string, string> = {}) {}

  get(url: string | URL): Promise<Page> {
    return this.send('GET', url);
  }

  /** Submits a form of `page` (the first unless `action` says which), with its hidden fields and `fields`. */
  submit(page: Page, fields: Record<string, string> = {}, action?: string): Promise<Page> {
    const forms = [...page.body.matchAll(/<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)];
    const form = forms.find(([, target]) => action === undefined || target === action);
    if (!form) throw new Error(`no form${action ? ` for ${action}` : ''} on ${page.url}: ${page.body.slice(0, 500)}`);
    const hidden = Object.fromEntries([...form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(([, name, value]) => [name, value]));
    return this.send('POST', new URL(form[1], page.url), new URLSearchParams({ ...hidden, ...fields }).toString());
  }

  /** Follows redirects from `page` until an answer is not one, or its target starts with `until`. */
  async follow(page: Page, until?: string): Promise<Page> {
    let current = page;
    while (current.location && !(until && current.location.toString().startsWith(until))) current = await this.get(current.location);
    return current;
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jarOf(origin).get(name);
  }

  setCookie(origin: string, name: string, value: string): void {
    this.jarOf(origin).set(name, value);
  }

  private async send(method: string, target: string | URL, form?: string): Promise<Page> {
    const url = new URL(target);
    const jar = this.jarOf(url.origin);
    const headers: Record<string, string> = {};
    if (jar.size) headers['cookie'] = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    if (form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(this.real(url), { method, headers, body: form, redirect: 'manual' });
    const setCookies = response.headers.getSetCookie();
    for (const setCookie of setCookies) {
      const [pair] = setCookie.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1)];
      if (value && !/expires=Thu, 01 Jan 1970/i.test(setCookie)) jar.set(name, value);
      else jar.delete(name);
    }
    const location = response.headers.get('location');
    return { status: response.status, url, location: location === null ? undefined : new URL(location, url), setCookies, body: await response.text() };
  }

  private jarOf(origin: string): Map<string, string> {
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    return jar;
  }

  private real(url: URL): URL {
    const alias = this.aliases[url.origin];
    return alias ? new URL(`${url.pathname}${url.search}`, alias) : url;
  }
}
