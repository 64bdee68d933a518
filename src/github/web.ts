// Where people see GitHub (links, and which hosts' URLs in chat are issue references) for the configured API.

/** api.github.com → https://github.com; GitHub Enterprise's https://host/api/v3 → https://host. */
export function webBaseOf(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.hostname === 'api.github.com') return 'https://github.com';
  return url.origin;
}

/** Hosts whose issue URLs chat messages may contain: github.com, plus an Enterprise host. */
export function issueHostsOf(apiUrl: string): string[] {
  const host = new URL(webBaseOf(apiUrl)).hostname;
  return host === 'github.com' ? ['github.com'] : ['github.com', host];
}
