// Personal data: e-mail addresses, phone numbers, payment cards, IBANs, US SSN/ITIN, UK NHS numbers.
import type { RawMatch, Rule } from '../types';
import { placeholderEmail, routeWord } from '../placeholders';
import { ibanMod97, luhn, validItin, validNhs, validSsn } from '../validators';
import { IBAN_LENGTHS } from './ibanLengths';

const LOCAL = /[A-Za-z0-9._%+-]/;
const DOMAIN = /[A-Za-z0-9.-]/;
const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,24}|xn--[a-z0-9-]{2,30})$/;
/** Reserved (RFC 2606/6761) and service domains, file extensions that look like TLDs. */
const NOT_PERSONAL = /(?:^|\.)(?:example\.(?:com|org|net)|[\w-]+\.(?:example|test|invalid|localhost|local))$|\.(?:png|jpe?g|gif|svg|webp|js|mjs|cjs|ts|tsx|jsx|css|json|md|html?|py|rb|go|rs|java|map|lock|txt|xml|ya?ml|toml|ini|sh|d)$/i;
const PROJECT_METADATA = /(?:^|\/)(?:package\.json|LICEN[SC]E[^/]*|COPYING[^/]*|AUTHORS[^/]*|CONTRIBUTORS[^/]*|MAINTAINERS[^/]*|NOTICE[^/]*|CODEOWNERS|\.mailmap|[^/]*\.gemspec|setup\.(?:py|cfg)|pyproject\.toml|Cargo\.toml|composer\.json|pom\.xml|bower\.json)$/i;
/** `@author`, `Copyright`, `Maintainer:` lines credit the people who wrote the code. */
const AUTHOR_LINE = /@author\b|\bauthors?\s*[:=]|copyright|\(c\)|\u00a9|maintainers?\s*[:=]|\bcontributors?\b/i;
const lineBefore = (text: string, at: number) => text.slice(Math.max(text.lastIndexOf('\n', at - 1) + 1, at - 200), at);
const SERVICE_LOCAL = /^(?:git|noreply|no-reply|donotreply|do-not-reply|users\.noreply|npm|postmaster|mailer-daemon)$/i;

/** Scans around each `@` instead of running a regex that would start at every character. */
function* findEmails(text: string): Iterable<RawMatch> {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let s = at;
    while (s > 0 && at - s < 64 && LOCAL.test(text[s - 1])) s--;
    let e = at + 1;
    while (e < text.length && e - at < 256 && DOMAIN.test(text[e])) e++;
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    if (s === at || e === at + 1) continue;
    const value = text.slice(s, e);
    if (!EMAIL.test(value)) continue;
    const domain = value.slice(value.indexOf('@') + 1);
    if (NOT_PERSONAL.test(domain) || SERVICE_LOCAL.test(value.slice(0, value.indexOf('@')))) continue;
    if (s > 0 && /[/:$]/.test(text[s - 1])) continue; // user info of a URL (`scheme://user:pass@host`), `$VAR@host`
    if (placeholderEmail(value)) continue;
    yield { start: s, end: e, secret: value, secretStart: s };
  }
}

/** Issuer identification ranges and lengths of the major card schemes. */
function cardIin(d: string): boolean {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  const p6 = Number(d.slice(0, 6));
  if (d[0] === '4') return n === 13 || n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) return n >= 16 && n <= 19; // Discover
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39 || p3 === 309) return n >= 14 && n <= 19; // Diners Club
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  if (p2 === 62 || p2 === 81) return n >= 16 && n <= 19; // UnionPay
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return n >= 12 && n <= 19; // Maestro, Dankort and others
  if (d[0] === '1') return n === 15; // UATP
  return false;
}

function card(value: string): boolean {
  const d = value.replace(/[ -]/g, '');
  if (/^(\d)\1+$/.test(d)) return false;
  const groups = value.split(/[ -]/);
  if (groups.length > 1 && !groups.slice(0, -1).every((g) => g.length >= 4 && g.length <= 6)) return false;
  return cardIin(d) && luhn(d);
}

const IBAN_START = /\b[A-Z]{2}\d{2}[ -]?[A-Z0-9]/g;

/** Takes exactly the country's IBAN length (separators allowed), so trailing words do not spoil a match. */
function* findIbans(text: string): Iterable<RawMatch> {
  const re = new RegExp(IBAN_START.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const len = IBAN_LENGTHS[m[0].slice(0, 2)];
    if (!len) continue;
    let compact = '';
    let i = m.index;
    let sep = '';
    for (; i < text.length && compact.length < len; i++) {
      const c = text[i];
      if (/[A-Z0-9]/.test(c)) compact += c;
      else if ((c === ' ' || c === '-') && (!sep || sep === c) && /[A-Z0-9]/.test(text[i + 1] ?? '')) sep = c;
      else break;
    }
    if (compact.length !== len || /[A-Za-z0-9]/.test(text[i] ?? '') || !ibanMod97(compact)) continue;
    yield { start: m.index, end: i, secret: text.slice(m.index, i), secretStart: m.index };
    re.lastIndex = i;
  }
}

function ssnParts(value: string): [string, string, string] {
  const d = value.replace(/\D/g, '');
  return [d.slice(0, 3), d.slice(3, 5), d.slice(5)];
}

const ssn = (v: string) => {
  const [a, g, s] = ssnParts(v);
  return validSsn(a, g, s);
};
const itin = (v: string) => {
  const [a, g, s] = ssnParts(v);
  return validItin(a, g) && s !== '0000';
};

const NUM_L = String.raw`(?<![\w.+\-/])`;
const NUM_R = String.raw`(?![\w/]|[.\-]\d)`;

/** Account names that are not a person: CI runners, containers, templates. */
const NOT_A_PERSON =
  /^(?:user|username|users|name|me|you|your[\w-]*|runner|runneradmin|ubuntu|debian|node|root|admin|administrator|vscode|codespace|codespaces|gitpod|circleci|travis|jenkins|buildkite|builder|build|app|www|www-data|default|public|shared|guest|all users|linuxbrew|docker|vagrant|ec2-user|centos|fedora|pi|test|tester|example|sample|foo|bar|john|jane|johndoe|janedoe|someone|somebody|myuser|myname|xxx+|runner\w*)$/i;

/** `/Users/<name>`, `/home/<name>`, `C:\Users\<name>` (also with doubled backslashes in string literals). */
const HOME_DIR = String.raw`(?:(?<![\w.-])\/(?:Users|home)\/|(?<![A-Za-z])[A-Za-z]:(?:\\){1,2}Users(?:\\){1,2})([A-Za-z][\w.-]{1,31})(?=[\/\\"'\s\`),;:]|$)`;

export const piiRules: Rule[] = [
  {
    id: 'home-directory-path', name: 'Home directory naming a user', family: 'home-directory', dataClass: 'pii', severity: 'low',
    anchors: ['/users/', '/home/', '\\users\\'],
    regex: new RegExp(HOME_DIR, 'gm'),
    reach: [16, 64],
    validate: (s) => !NOT_A_PERSON.test(s) && !routeWord(s) && !/^[$%{<]/.test(s) && !/\.(?:html?|js|ts|json|md|php|aspx?|css|png|jpe?g|svg)$/i.test(s),
  },
  {
    id: 'email-address', name: 'E-mail address', family: 'email', dataClass: 'pii', anchors: ['@'], find: findEmails,
    // Maintainer contacts in project metadata are published on purpose; they are not the data the policy protects.
    validate: (_s, ctx) => !(ctx.path && PROJECT_METADATA.test(ctx.path)) && !AUTHOR_LINE.test(lineBefore(ctx.text, ctx.match.start)),
  },
  {
    id: 'phone-number', name: 'Phone number', family: 'phone', dataClass: 'pii',
    anchors: ['phone', 'tel', 'mobile', 'cell', 'fax', 'whatsapp', 'sms'],
    regex: /(?:[pP]hone|[tT]el(?:ephone)?|[mM]obile|[cC]ell|[fF]ax|[wW]hats[aA]pp|SMS|sms)(?:[\w ]{0,15}?)["'`]?\s*(?:[:=]|=>|\bis\b)?\s*["'`]?(\+?\(?\d{1,4}\)?(?:[ .-]?\(?\d{2,4}\)?){2,4})(?![\w-])/g,
    validate: (v) => {
      const d = v.replace(/\D/g, '');
      return d.length >= 8 && d.length <= 15 && !/^(\d)\1+$/.test(d) && (/^\+/.test(v) || /[ .()-]/.test(v));
    },
  },
  {
    id: 'payment-card', name: 'Payment card number', family: 'payment-card', dataClass: 'pii', anchors: [], prefilter: 'digits',
    regex: new RegExp(String.raw`${NUM_L}(\d{4,6}(?:[ -]\d{4,6}){2,3}(?:[ -]\d{1,4})?|\d{12,19})${NUM_R}`, 'g'),
    validate: card,
  },
  {
    // Every country's account part holds a run of nine or more digits (separators between groups allowed), and
    // the IBAN starts at most about 25 characters before that run's ninth digit and ends within 42 after its start.
    id: 'iban', name: 'IBAN', family: 'iban', dataClass: 'pii', anchors: [], find: findIbans, prefilter: 'digits', reach: [60, 60],
  },
  {
    id: 'us-ssn', name: 'US Social Security number', family: 'us-ssn', dataClass: 'pii', anchors: [], prefilter: 'digits',
    regex: new RegExp(String.raw`${NUM_L}(\d{3}([- ])\d{2}\2\d{4})${NUM_R}|(?:SSN|[sS]ocial [sS]ecurity)[\w ]{0,20}?[:=#]?\s*["']?(\d{9})\b`, 'g'),
    validate: (v) => ssn(v) && !itin(v),
  },
  {
    id: 'us-itin', name: 'US Individual Taxpayer Identification Number', family: 'us-itin', dataClass: 'pii', anchors: [], prefilter: 'digits',
    regex: new RegExp(String.raw`${NUM_L}(9\d{2}([- ]?)(?:5[0-9]|6[0-5]|7[0-9]|8[0-8]|9[0-24-9])\2\d{4})${NUM_R}`, 'g'),
    validate: itin,
  },
  {
    id: 'uk-nhs-number', name: 'UK NHS number', family: 'uk-nhs', dataClass: 'pii', anchors: [], prefilter: 'digits',
    regex: new RegExp(String.raw`${NUM_L}(\d{3}([ -])\d{3}\2\d{4})${NUM_R}|\b(?:NHS|nhs)[\w ]{0,20}?[:=#]?\s*["']?(\d{10})\b`, 'g'),
    validate: (v) => validNhs(v.replace(/\D/g, '')),
  },
];
