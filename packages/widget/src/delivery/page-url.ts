/** The collector's longest `pageUrl` (wire protocol v1). */
const MAX_PAGE_URL = 2_048;

/**
 * The page's address as an answer carries it: without the user name and password a URL may
 * hold (they would be stored with every answer), and within the collector's 2,048 characters
 * by dropping the fragment, then the query, then the end of the path — never cutting inside a
 * percent-escape, which would leave a malformed address in the site owner's data.
 */
export function pageUrlOf(href: string): string {
  let text = href;
  try {
    const url = new URL(href);
    url.username = url.password = '';
    for (const part of ['hash', 'search'] as const) {
      if (url.href.length <= MAX_PAGE_URL) break;
      url[part] = '';
    }
    text = url.href;
  } catch {
    // Not a URL (it always is in a browser): cut it like the rest.
  }
  return text.slice(0, MAX_PAGE_URL).replace(/%[0-9a-f]?$/i, '');
}
