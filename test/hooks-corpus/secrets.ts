// Live-looking credentials and customer records for the corpus repository, generated at run time from their
// documented formats (nothing of the kind is stored in this repository). Deterministic per seed so that a
// failing case reproduces, but different from every other fixture.

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = UPPER + 'abcdefghijklmnopqrstuvwxyz0123456789';
const B64 = ALNUM + '+/';

/** A small deterministic generator (xorshift32), so every run builds the same repository. */
export class Gen {
  private x: number;
  constructor(seed: number) {
    this.x = seed || 1;
  }
  next(): number {
    let x = this.x;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.x = x >>> 0;
    return this.x;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.next() % xs.length];
  }
  str(n: number, alphabet = ALNUM): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.next() % alphabet.length];
    return s;
  }
  digits(n: number): string {
    return this.str(n, '0123456789');
  }
}

/** mod-97 check digits of an IBAN (ISO 13616): country + "00" + BBAN, rearranged, letters as numbers. */
function ibanCheck(country: string, bban: string): string {
  const rearranged = (bban + country + '00').toUpperCase().replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const d of rearranged) rem = (rem * 10 + Number(d)) % 97;
  return String(98 - rem).padStart(2, '0');
}

export function iban(g: Gen, country: 'DE' | 'NL' | 'FR' = 'DE'): string {
  const bban = country === 'DE' ? g.digits(18) : country === 'NL' ? g.str(4, UPPER) + g.digits(10) : g.digits(10) + g.str(11, ALNUM.slice(0, 36)).toUpperCase() + g.digits(2);
  return country + ibanCheck(country, bban) + bban;
}

export interface Secrets {
  awsKeyId: string;
  awsSecret: string;
  stripeKey: string;
  stripeKeyProd: string;
  dbPassword: string;
  dbUrl: string;
  dbUrlProd: string;
  /** The AWS secret of the .env committed once and removed later (still in the history). */
  oldAwsSecret: string;
  oldAwsKeyId: string;
  /** The secrets YAML: committed values and the local (uncommitted) ones. */
  yamlCommittedToken: string;
  yamlLocalToken: string;
  webhookSecret: string;
  sshPrivateKey: string;
  /** The deploy key's public half (not a secret). */
  sshPublicKey: string;
  customers: { name: string; email: string; iban: string; country: string }[];
}

const FIRST = ['Anna', 'Jonas', 'Marie', 'Lukas', 'Sofia', 'Noah', 'Emma', 'Elias', 'Mila', 'Paul', 'Lena', 'Felix'];
const LAST = ['Keller', 'Brandt', 'Vogel', 'Hartmann', 'Jansen', 'de Vries', 'Moreau', 'Lefebvre', 'Schulz', 'Bakker'];

/** The AWS secret access key alphabet and length (40, base64 without padding). */
function awsSecret(g: Gen): string {
  return g.str(40, B64);
}

function openSshKey(g: Gen): string {
  // The OpenSSH private key container: a fixed magic ("openssh-key-v1\0") then base64 of the key blob.
  const body = Buffer.concat([Buffer.from('openssh-key-v1\0none\0none\0', 'latin1'), Buffer.from(g.str(300, B64), 'latin1')]).toString('base64');
  const lines = body.match(/.{1,70}/g) ?? [];
  const edge = ['-----', 'OPENSSH PRIVATE KEY', '-----'];
  return [`${edge[0]}BEGIN ${edge[1]}${edge[2]}`, ...lines, `${edge[0]}END ${edge[1]}${edge[2]}`, ''].join('\n');
}

export function makeSecrets(seed = 0x5eed2026): Secrets {
  const g = new Gen(seed);
  const sk = ['sk', 'live', ''].join('_');
  const dbPassword = g.str(24);
  const customers = Array.from({ length: 40 }, (_, i) => {
    const first = g.pick(FIRST);
    const last = g.pick(LAST);
    const country = (['DE', 'NL', 'FR'] as const)[i % 3];
    return { name: `${first} ${last}`, email: `${first}.${last.replace(/\s/g, '')}${i}@mail-${g.str(5).toLowerCase()}.de`.toLowerCase(), iban: iban(g, country), country };
  });
  return {
    awsKeyId: 'AKIA' + g.str(16, UPPER + '234567'),
    awsSecret: awsSecret(g),
    stripeKey: sk + '51' + g.str(97),
    stripeKeyProd: sk + '51' + g.str(97),
    dbPassword,
    dbUrl: `postgres://payments:${dbPassword}@db.staging.northwind-pay.internal:5432/payments`,
    dbUrlProd: `postgresql://payments_rw:${g.str(28)}@db-prod-1.northwind-pay.internal:5432/payments?sslmode=require`,
    oldAwsKeyId: 'AKIA' + g.str(16, UPPER + '234567'),
    oldAwsSecret: awsSecret(g),
    yamlCommittedToken: 'nwk_' + g.str(32),
    yamlLocalToken: 'nwk_' + g.str(32),
    webhookSecret: ['wh', 'sec', '_'].join('') + g.str(32),
    sshPrivateKey: openSshKey(g),
    sshPublicKey: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${g.str(43, B64)} deploy@northwind-pay`,
    customers,
  };
}
