// Templates and placeholders are not credentials: one test per class of docs/rules.md's "Not flagged" table,
// each beside a real value in the same place that is still found.
import * as assert from 'node:assert/strict';
import { Scanner } from '../../../src/core/scan';
import { notCredentials } from '../../../src/core/scan/placeholders';
import { publishedValues } from '../../../src/core/scan/publicByDesign';
import { j, rnd } from './fixtures';

const scanner = new Scanner();
const ids = (text: string, path = 'config/app.yaml') => scanner.scanText(text, path).findings.map((f) => f.ruleId);
const tested = new Set<string>();
const cls = (id: string, title: string, fn: () => void) => {
  tested.add(id);
  it(`${id}: ${title}`, fn);
};
const url = (user: string, pass: string) => `url: ${j('postgres', '://')}${user}:${pass}@db.internal.corp:5432/app\n`;

describe('not a credential', () => {
  cls('template-reference', 'template and variable references in URLs, connection strings and assignments', () => {
    for (const v of ['${DB_PASSWORD}', '$DB_PASSWORD', '$(cat /run/secrets/db)', '{{password}}', '{{ .Values.db.password }}', '{PASSWORD}', '%DB_PASSWORD%', '#{db_password}', '__DB_PASSWORD__', '@@DB_PASSWORD@@', '<password>']) {
      assert.deepEqual(ids(url('app', v)), [], v);
      assert.deepEqual(ids(`conn = "Server=db;Database=app;User Id=sa;Password=${v};"\n`, 'src/a.cs'), [], v);
      assert.deepEqual(ids(`DB_PASSWORD=${v}\n`, 'config/app.env.txt'), [], v);
    }
    assert.deepEqual(ids(url('${DB_USER}', '${DB_PASSWORD}')), []);
    assert.deepEqual(ids(url('$DB_USER', '$DB_PASSWORD')), [], 'not a finding, and not an e-mail address either');
    assert.deepEqual(ids(url('%USER%', '%PASSWORD%')), []);
    assert.deepEqual(ids(url('{{user}}', '{{password}}')), []);
    assert.ok(ids(url('app', rnd(14, undefined, 201))).includes('url-password'), 'a real password in the same place is found');
  });

  cls('placeholder-word', 'placeholder words where the password goes', () => {
    for (const [u, p] of [['admin', 'YOUR_PASSWORD'], ['root', 'REPLACE_ME'], ['username', 'password'], ['user', 'pass'], ['myuser', 'mypassword'], ['dbuser', 'dbpass'], ['app', 'changeme'], ['app', 'your-password-here'], ['USER', 'PASSWORD']]) {
      assert.deepEqual(ids(url(u, p)), [], `${u}:${p}`);
    }
    assert.deepEqual(ids(`conn = "Server=db;Database=app;User Id=sa;Password=YOUR_PASSWORD;"\n`, 'src/a.cs'), []);
    assert.deepEqual(ids('DB_PASSWORD=REPLACE_ME\n', 'config/app.env.txt'), []);
    assert.ok(ids(url('myuser', rnd(12, undefined, 202))).includes('url-password'));
  });

  cls('repeated-value', 'a short value of one repeated character or pair', () => {
    for (const v of ['1111', '0000', 'abab', '12121212']) assert.deepEqual(ids(url('guest', v)), [], v);
    assert.deepEqual(ids('password: "1111111111"\n'), []);
    assert.ok(ids(url('guest', '8302')).includes('url-password'), 'four digits that are not a repetition are a password');
  });

  cls('variable-name', 'an environment variable\'s name in place of its value', () => {
    assert.deepEqual(ids(url('app', 'DB_PASSWORD')), []);
    assert.deepEqual(ids('password = "PROD_DB_PASSWORD_2"\n', 'src/a.py'), []);
    assert.ok(ids(`password = "${rnd(17, undefined, 203)}7"\n`, 'src/a.py').includes('generic-secret'));
  });

  cls('npmrc-env-token', '.npmrc lines whose token is an environment reference', () => {
    for (const line of ['//registry.npmjs.org/:_authToken=${NPM_TOKEN}', '//npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}', '//registry.internal.corp/npm/:_auth=${NPM_AUTH}', '_authToken="${NPM_TOKEN}"']) {
      assert.deepEqual(ids(`${line}\n`, 'project/.npmrc.txt'), [], line);
    }
    assert.ok(ids(`//registry.internal.corp/:_authToken=${rnd(36, undefined, 204)}\n`, 'project/.npmrc.txt').includes('npmrc-auth'));
  });

  cls('database-url-without-credentials', 'database URLs with host, port and database but no credentials, whatever the name', () => {
    for (const line of [
      `DATABASE_URL=${j('postgres', '://')}db.internal:5432/orders`,
      `DB_PASSWORD_URL=${j('postgresql', '://')}db.prod.internal:5432/orders?sslmode=require`,
      `AUTH_URL=${j('mongodb', '://')}mongo.internal:27017/admin`,
      `auth_db: ${j('mongodb', '://')}mongo-0.mongo.svc.cluster.local:27017,mongo-1:27017/admin?replicaSet=rs0`,
      `secret_store: ${j('redis', '://')}cache.internal:6379/2`,
      `TOKEN_DB=${j('postgresql+asyncpg', '://')}db7.internal:5432/tokens_v2`,
      `spring.datasource.url=${j('jdbc:postgresql', '://')}db.internal:5432/orders`,
    ]) {
      assert.deepEqual(ids(`${line}\n`, 'config/app.env.txt'), [], line);
    }
  });

  cls('placeholder-email', 'placeholder e-mail addresses in templates', () => {
    for (const a of ['your-name@your-project.iam.gserviceaccount.com', 'your-email@your-domain.com', 'my-sa@my-project.iam.gserviceaccount.com', 'user@example.com', 'user@domain.com', 'name@company.com', 'you@yourcompany.com', 'firstname.lastname@company.com']) {
      assert.deepEqual(ids(`<p>Contact ${a}</p>\n`, 'templates/invite.html'), [], a);
    }
    assert.deepEqual(ids('<p>Contact jane.martin@acme-corp.io</p>\n', 'templates/invite.html'), ['email-address']);
  });

  cls('route-not-home', 'home-folder-looking text that is not a path to a home folder', () => {
    for (const t of ['The /home/ directory of each user', 'see /home/about and /Users/list', "route('/home/dashboard/settings')", '// like /home/projects/app']) {
      assert.deepEqual(ids(t, 'src/a.ts'), [], t);
    }
    assert.deepEqual(ids('See /home/alice.smith/notes', 'notes.md'), ['home-directory-path']);
  });

  cls('firebase-client-config', 'the API key of a Firebase client configuration (web, Android, Apple, FirebaseOptions)', () => {
    const key = j('AI', 'zaSy', rnd(33, undefined, 205));
    const appId = (platform: string) => `1:635258614906:${platform}:${rnd(16, '0123456789abcdef', 206)}`;
    const web = `const firebaseConfig = {\n  apiKey: "${key}",\n  authDomain: "shop-app.firebaseapp.com",\n  projectId: "shop-app",\n  storageBucket: "shop-app.firebasestorage.app",\n  messagingSenderId: "635258614906",\n  appId: "${appId('web')}"\n};\n`;
    assert.deepEqual(ids(web, 'src/firebase.ts'), []);
    const android = `{\n  "project_info": { "project_number": "635258614906", "project_id": "shop-app" },\n  "client": [{\n    "client_info": { "mobilesdk_app_id": "${appId('android')}" },\n    "api_key": [{ "current_key": "${key}" }]\n  }]\n}\n`;
    assert.deepEqual(ids(android, 'app/google-services.json'), []);
    const apple = `<dict>\n\t<key>API_KEY</key>\n\t<string>${key}</string>\n\t<key>GCM_SENDER_ID</key>\n\t<string>635258614906</string>\n\t<key>GOOGLE_APP_ID</key>\n\t<string>${appId('ios')}</string>\n</dict>\n`;
    assert.deepEqual(ids(apple, 'ios/GoogleService-Info.plist'), []);
    const options = `public static final String APP_ID = "${appId('android')}";\npublic static final String API_KEY = "${key}";\npublic static final String PROJECT_ID = "shop-app";\n`;
    assert.deepEqual(ids(options, 'src/test/java/Fixtures.java'), []);
    const builder = `FirebaseOptions.Builder()\n  .setApplicationId("${appId('android')}")\n  .setApiKey("${key}")\n  .setProjectId("shop-app")\n  .build()\n`;
    assert.deepEqual(ids(builder, 'app/src/main/kotlin/Setup.kt'), []);
    assert.deepEqual(ids(`NEXT_PUBLIC_FIREBASE_API_KEY=${key}\nNEXT_PUBLIC_FIREBASE_PROJECT_ID=shop-app\nNEXT_PUBLIC_FIREBASE_APP_ID=${appId('web')}\n`, 'web/env.production.txt'), []);
    // The same key elsewhere is still a credential.
    assert.deepEqual(ids(`GOOGLE_API_KEY=${key}\n`, 'config/app.env.txt'), ['gcp-api-key'], 'alone');
    assert.deepEqual(ids(`FIREBASE_PROJECT_ID=shop-app\nFIREBASE_APP_ID=${appId('web')}\nGEMINI_API_KEY=${key}\n`, 'web/env.production.txt'), ['gcp-api-key'], 'another key beside a Firebase configuration');
    assert.deepEqual(ids(web.replace(/appId: "[^"]*"/, 'appId: "shop-app"'), 'src/firebase.ts'), ['gcp-api-key'], 'no Firebase app id');
    assert.deepEqual(ids(web.replace(/projectId.*\n|authDomain.*\n|storageBucket.*\n|messagingSenderId.*\n/g, ''), 'src/firebase.ts'), ['gcp-api-key'], 'an app id and no other Firebase field');
    assert.deepEqual(ids(web.replace('};', `};\nconst gemini = { model: "gemini-pro", key: "${key}" };`), 'src/firebase.ts'), ['gcp-api-key'], 'beside the configuration, not its key field');
    assert.deepEqual(ids(`${web}${'// filler line of an unrelated module\n'.repeat(40)}const maps = { apiKey: "${key}" };\n`, 'src/firebase.ts'), ['gcp-api-key'], 'a key field far from the configuration');
  });

  cls('documented-example', 'example values from the vendor\'s own reference documentation', () => {
    for (const v of ['33f!!lloppa', 'hal+9ooo_da!sY']) {
      assert.deepEqual(ids(`<add key="ClearTextPassword" value="${v}" />\n`, 'build/NuGet.Config'), [], v);
    }
    assert.deepEqual(ids(`<add key="ClearTextPassword" value="${rnd(14, undefined, 207)}" />\n`, 'build/NuGet.Config'), ['nuget-config-password'], 'any other value');
    assert.deepEqual(ids('<add key="ClearTextPassword" value="33f!!lloppa2" />\n', 'build/NuGet.Config'), ['nuget-config-password'], 'only the exact example');
    // Stripe's API reference prints one sample test key in every example; any other key is a key.
    const [stripe] = publishedValues('documented-example').filter((p) => p.ruleId === 'stripe-secret-key');
    assert.match(stripe.source, /^https:\/\/docs\.stripe\.com\//);
    assert.deepEqual(ids(`curl https://api.stripe.com/v1/charges -u ${stripe.value}:\n`, 'docs/payments.md'), []);
    assert.deepEqual(ids(`const stripe = require("stripe")("${stripe.value}");\n`, 'src/pay.js'), []);
    assert.deepEqual(ids(`const stripe = require("stripe")("${stripe.value.slice(0, -1)}R");\n`, 'src/pay.js'), ['stripe-secret-key'], 'one character off');
    assert.deepEqual(ids(`STRIPE_SECRET_KEY=sk_live_${rnd(24, undefined, 209)}\n`, 'config/app.env.txt'), ['stripe-secret-key'], 'a live key');
  });

  cls('vendor-test-key', 'Google API keys fixed in the Firebase SDKs\' own public test suites', () => {
    const listed = publishedValues('vendor-test-key');
    assert.ok(listed.length >= 10, 'the list is read');
    for (const { ruleId, source, value } of listed) {
      assert.match(source, /^firebase\/firebase-[a-z]+-sdk \S+\.(?:java|ts)$/, 'only the vendor\'s own repositories, with the file');
      for (const text of [`${value}\n`, `GOOGLE_API_KEY=${value}\n`, `public static final String KEY = "${value}";\n`]) assert.deepEqual(ids(text, 'src/test/Keys.java'), [], `${value} in ${text}`);
      // One character off is another key, and flagged.
      const last = value.at(-1) === 'A' ? 'B' : 'A';
      assert.deepEqual(ids(`GOOGLE_API_KEY=${value.slice(0, -1)}${last}\n`, 'config/app.env.txt'), [ruleId], `${value} changed`);
    }
    assert.deepEqual(ids(`GOOGLE_API_KEY=AIzaSy${rnd(33, undefined, 208)}\n`, 'config/app.env.txt'), ['gcp-api-key'], 'any other key');
  });

  it('every class in the table has its test above', () => {
    assert.deepEqual(notCredentials.map((n) => n.id).filter((id) => !tested.has(id)), []);
  });
});
