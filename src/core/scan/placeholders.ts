// What is written where a credential or a person's data will go, but is not one: template references,
// placeholder words, documentation addresses, web routes that look like home folders. Each class is listed in
// `notCredentials` (docs/rules.md prints the table) and has its own unit test.
import { looksPlaceholder } from './validators';

/** A reference the runtime or a template engine replaces: `${VAR}`, `$VAR`, `$(cmd)`, `{{var}}`, `{VAR}`, `%VAR%`, `#{var}`, `__VAR__`, `@@VAR@@`, `<password>`. */
const TEMPLATE_REF = /^(?:\$\{[^}]*\}?|\$\(.*\)?|\$[A-Za-z_]\w*|\{\{.*\}\}|\{[\w.-]+\}|%[\w.-]+%|#\{[^}]*\}|__[A-Za-z]\w*__|@@?[A-Za-z]\w*@?@|<[^>]*>|\[[\w .-]+\])$/;

/** A value made of the word it stands for: `password`, `YOUR_PASSWORD`, `REPLACE_ME`, `mypassword`, `dbpass`, `pass123`. */
const PLACEHOLDER_WORD =
  /^(?:(?:your|my|db|app|the|some|user|admin|new|default|enter|put|insert|replace|change|sample|dummy|fake|test)[-_.]?)*(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[-_]?key|key|credentials?|user(?:name)?|login|me|here|it|this|value|changeme|change[-_]?me|todo|tbd|fixme)(?:[-_.]?(?:here|value|goes[-_]?here|\d{1,3}))?$/i;

/** An environment variable's name in place of its value: `DB_PASSWORD`, `NPM_TOKEN`. */
const VARIABLE_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_?(?:PASS(?:WORD)?|PWD|SECRET|TOKEN|KEY|CREDENTIALS?)(?:_[A-Z0-9]+)*$/;

/** A short value of one repeated character or pair: `1111`, `0000`, `abab`. */
const REPEATED = /^(.{1,2})\1+$/;

/** A reference to a value supplied elsewhere (environment, template engine, build step). */
export function templateReference(s: string): boolean {
  return TEMPLATE_REF.test(s.trim());
}

/** A password or token slot that holds a placeholder, not a credential. */
export function placeholderSecret(s: string): boolean {
  const v = s.trim().replace(/^["']|["']$/g, '');
  return !v || templateReference(v) || PLACEHOLDER_WORD.test(v) || VARIABLE_NAME.test(v) || REPEATED.test(v) || looksPlaceholder(v);
}

/** `your-name@your-project…`, `user@domain.com`, `name@company.com`: an address shown as a form to fill in. */
const PLACEHOLDER_LOCAL = /^(?:(?:your|my)(?:[-_.]?[a-z]*)?|user(?:name)?|name|email|e-?mail|someone|somebody|me|you|first\.?last|firstname\.?lastname|john\.?doe|jane\.?doe)$/i;
const PLACEHOLDER_DOMAIN = /^(?:(?:your|my)[-_]?[\w-]*\.)|(?:^|\.)(?:domain|your-?domain|my-?domain|company|your-?company|acme|email)\.[a-z]{2,}$/i;

export function placeholderEmail(address: string): boolean {
  const at = address.indexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (/^(?:your|my)[-_.]/i.test(local) || /^(?:your|my)[-_]/i.test(domain) || /^your/i.test(domain)) return true;
  return PLACEHOLDER_LOCAL.test(local) && PLACEHOLDER_DOMAIN.test(domain);
}

/**
 * Words that name web routes and folders, not people: `/home/about`, `/home/dashboard/settings`, `/Users/list`.
 * A user name is a person's login, rarely one of these.
 */
const ROUTE_WORDS = new Set(
  ('about account accounts admin api app apps assets blog bin build cache cart config contact dashboard data default ' +
    'docs edit feed files help index lib list login logout main media new news page pages profile projects public ' +
    'search settings share shop signin signup site src static store tmp var view views web welcome work').split(' '),
);

export function routeWord(name: string): boolean {
  return ROUTE_WORDS.has(name.toLowerCase());
}

/** One row per class in docs/rules.md: what is not flagged, an example, and why. */
export const notCredentials: { id: string; what: string; example: string; why: string }[] = [
  { id: 'template-reference', what: 'Template and variable references in a URL, a connection string or an assignment', example: 'postgres://${DB_USER}:${DB_PASSWORD}@db:5432/app, {{password}}, {PASS}, %PASS%, $PASS, #{pass}, __PASS__, <password>', why: 'The value is supplied at run time from the environment or a secret store; the file holds no credential.' },
  { id: 'placeholder-word', what: 'Placeholder words where a password or token goes', example: 'YOUR_PASSWORD, REPLACE_ME, changeme, username:password, user:pass, mypassword', why: 'Documentation and templates show where the credential goes; the word is the slot, not the secret.' },
  { id: 'repeated-value', what: 'A short value of one repeated character or pair', example: 'amqp://guest:1111@mq:5672/, password: "0000"', why: 'Not a credential anyone issues; a filler in samples and tests.' },
  { id: 'variable-name', what: 'An environment variable\'s name in place of its value', example: 'DB_PASSWORD=DB_PASSWORD, NPM_TOKEN', why: 'Names where the value comes from, not the value.' },
  { id: 'npmrc-env-token', what: '`.npmrc` lines whose token is an environment reference', example: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}', why: 'npm reads the token from the environment at run time; this is the documented safe form.' },
  { id: 'database-url-without-credentials', what: 'Database URLs with a host, port and database name but no user information', example: 'postgres://db.internal:5432/orders, mongodb://mongo-0:27017/admin', why: 'An address is not a credential, whatever the variable is called; never reported as a generic secret.' },
  { id: 'placeholder-email', what: 'Placeholder e-mail addresses in templates and documentation', example: 'your-name@your-project.iam.gserviceaccount.com, user@example.com, user@domain.com', why: 'Reserved (RFC 2606) or form-to-fill-in addresses name no person.' },
  { id: 'firebase-client-config', what: 'The Google API key of a Firebase app\'s client configuration: the `apiKey` / `current_key` / `API_KEY` field of a configuration that also has a Firebase app id (`1:<number>:web:<hex>`) and another Firebase field (project id, sender id, `*.firebaseapp.com`)', example: 'apiKey: "AIzaSy…" beside appId: "1:1234567890:web:0a1b2c3d4e5f" and projectId: "shop-app", "current_key": "AIzaSy…" in google-services.json, <key>API_KEY</key> in GoogleService-Info.plist', why: 'Google documents these keys as public by design: they identify the Firebase project to Google\'s services and ship in every web page and app; access is decided by Security Rules and App Check (firebase.google.com/docs/projects/api-keys). The same key anywhere else, and any key beside a configuration without those fields, is still flagged. Google asks that such a key be restricted to Firebase APIs: a key that also serves other APIs (Gemini, billable Cloud APIs) belongs outside the client configuration.' },
  { id: 'documented-example', what: 'A value printed as the example in the vendor\'s own reference documentation, for the rule whose format it has', example: '<add key="ClearTextPassword" value="33f!!lloppa" /> in a NuGet.Config (from learn.microsoft.com/nuget/reference/nuget-config-file), sk_test_BQokikJOvBiI2HlWgH4olfQ2 (the sample key of docs.stripe.com/api/authentication)', why: 'Copied from the vendor\'s page into configurations and tutorials, it grants nothing anywhere; the list holds only values the vendor itself publishes as examples (src/core/scan/publicByDesign.ts), never because another tool\'s allowlist names it. Any other value in the same place is still flagged.' },
  { id: 'vendor-test-key', what: 'A Google API key that Google fixes in the public test suites of its own Firebase SDKs', example: 'KEY = "AIzaSyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g" (firebase-android-sdk, firebase-messaging/src/test/…/MessagingTestHelper.java)', why: 'Published by the vendor in its own repositories, the value is known to everyone, and code that forks or vendors those SDKs would otherwise be flagged for a key nobody here leaked. The list holds only keys found in the vendor\'s own repository, each with its file (src/core/scan/publicByDesign.ts), never because another tool\'s allowlist names it; a key one character off, and every other key, is still flagged.' },
  { id: 'route-not-home', what: 'Text that looks like a home folder but is a web route or a folder word', example: '/home/about, /home/dashboard/settings, /Users/list', why: 'Names a page or folder, not a person\'s account.' },
];
