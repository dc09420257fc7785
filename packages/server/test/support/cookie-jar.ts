/**
 * Cookies as a browser keeps them, for tests that walk a sign-in over plain HTTP: per host and
 * path, replaced by name, removed when expired. Enough for our server and oidc-provider; not a
 * general implementation (no Domain attribute, no public suffixes).
 */
export class CookieJar {
  private cookies = new Map<string, { host: string; path: string; name: string; value: string; attributes: string[] }>();

  /** Stores the response's Set-Cookie headers. */
  take(url: string, response: Response) {
    const { host } = new URL(url);
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...rest] = header.split(';').map((part) => part.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      const attributes = rest.map((a) => a.toLowerCase());
      const path = rest.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      const key = `${host} ${path} ${name}`;
      const expired = attributes.some((a) => a === 'max-age=0' || (a.startsWith('expires=') && Date.parse(a.slice(8)) <= Date.now()));
      if (expired || value === '') this.cookies.delete(key);
      else this.cookies.set(key, { host, path, name, value, attributes });
    }
  }

  /** The Cookie header a browser would send to `url`. */
  header(url: string): string {
    const { host, pathname } = new URL(url);
    return [...this.cookies.values()]
      .filter((c) => c.host === host && (pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  /** The attributes (lower case) of a stored cookie, or undefined. */
  attributesOf(name: string): string[] | undefined {
    return [...this.cookies.values()].find((c) => c.name === name)?.attributes;
  }
}

/** A browser-like fetch: sends and keeps cookies, follows redirects (GET after 303), returns the last response. */
export async function browse(
  jar: CookieJar,
  url: string,
  init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<{ url: string; response: Response; text: string; visited: string[] }> {
  const visited: string[] = [];
  let method = init.method ?? (init.form ? 'POST' : 'GET');
  let body: string | undefined = init.form ? new URLSearchParams(init.form).toString() : undefined;
  let current = url;
  for (let hops = 0; hops < 20; hops++) {
    visited.push(`${method} ${current}`);
    const headers: Record<string, string> = { ...(hops === 0 ? init.headers : {}) };
    const cookie = jar.header(current);
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(current, { method, headers, body, redirect: 'manual' });
    jar.take(current, response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.arrayBuffer();
      current = new URL(location, current).href;
      method = 'GET';
      body = undefined;
      continue;
    }
    return { url: current, response, text: await response.text(), visited };
  }
  throw new Error(`Too many redirects:\n${visited.join('\n')}`);
}

/** The first form on a page: its absolute action and its fields' values (hidden ones included). */
export function formOf(html: string, pageUrl: string, match?: RegExp): { action: string; fields: Record<string, string> } {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)];
  const form = match ? forms.find((f) => match.test(f[0])) : forms[0];
  if (!form) throw new Error(`No form on the page:\n${html.slice(0, 2000)}`);
  const action = /action="([^"]*)"/i.exec(form[1]!)?.[1] ?? pageUrl;
  const fields: Record<string, string> = {};
  for (const input of form[2]!.matchAll(/<input\b([^>]*)>/gi)) {
    const name = /name="([^"]*)"/i.exec(input[1]!)?.[1];
    const value = /value="([^"]*)"/i.exec(input[1]!)?.[1] ?? '';
    if (name) fields[name] = value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  }
  return { action: new URL(action.replace(/&amp;/g, '&'), pageUrl).href, fields };
}
