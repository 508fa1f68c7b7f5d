// Plain http is allowed only to this machine: the one definition of "loopback" for the policy source,
// the audit endpoints and the policy lint.

/** A URL hostname on this machine: `localhost`, IPv6 `::1` (bracketed or not) or IPv4 127.0.0.0/8. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
