// Masking: findings show enough to recognise a value, never the value itself.

/** `ghp_****…a1`: a short head (at most a quarter of the value, 6 chars for known prefixes) and 2 tail chars. */
export function mask(value: string): string {
  const v = value.trim();
  if (v.length < 8) return '****';
  const prefix = /^[A-Za-z]{2,6}[_-]/.exec(v)?.[0];
  const head = prefix && prefix.length * 3 <= v.length ? prefix : v.slice(0, Math.min(4, Math.floor(v.length / 4)));
  return `${head}****…${v.slice(-2)}`;
}
