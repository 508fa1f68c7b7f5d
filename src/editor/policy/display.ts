// How a policy source is shown to people and in audit events.
/** The source as shown to people: URLs without query strings (they may carry tokens). */
export function displaySource(source: string): string {
  if (!/^https?:\/\//i.test(source)) return source;
  try {
    const u = new URL(source);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return source;
  }
}
