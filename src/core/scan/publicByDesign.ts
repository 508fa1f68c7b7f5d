// Values in a credential's shape that their vendor publishes on purpose: the API key in a Firebase app's client
// configuration, example values printed in a vendor's own reference documentation, and the fixed keys of a vendor's
// own SDK test suites. Each class has a row in
// docs/rules.md's "Not flagged" table (`notCredentials` in placeholders.ts) and a unit test beside a real value in
// the same place that is still found.

/** A Firebase app id, `1:<project number>:<web|android|ios>:<hex>`: Firebase writes one into every client configuration. */
const FIREBASE_APP_ID = /\b1:\d{6,15}:(?:web|android|ios):[0-9a-f]{6,40}\b/;

/** Another field only a Firebase client configuration has (web config object, google-services.json, GoogleService-Info.plist). */
const FIREBASE_FIELD =
  /\.firebaseapp\.com\b|\.firebasestorage\.app\b|\.appspot\.com\b|\.firebaseio\.com\b|messagingSenderId|gcm_?sender_?id|GCM_SENDER_ID|project_number|projectId|project_id|PROJECT_ID|storageBucket|STORAGE_BUCKET|setProjectId|setGcmSenderId/;

/**
 * The key is the value of the configuration's own key field, the whole name: `apiKey`, `api_key`, `API_KEY`,
 * `current_key`, `setApiKey(`, or with a Firebase prefix (`NEXT_PUBLIC_FIREBASE_API_KEY`); `GEMINI_API_KEY` beside
 * a Firebase configuration is another key, and flagged.
 */
const KEY_FIELD = /(?:(?<![\w$])|(?:firebase|Firebase|FIREBASE)_?)(?:apiKey|ApiKey|api_key|API_KEY|current_key|setApiKey)["'`]?\s*(?:=>|[:=(,])\s*["'`]?$|<key>API_KEY<\/key>\s*<string>$/;

/** How far around the key the configuration's other fields may lie (a google-services.json client entry fits). */
const REACH = 1000;

/**
 * A Google API key that is the API key of a Firebase client configuration: the key field of a configuration that
 * also carries a Firebase app id and another Firebase field. Google documents these keys as identifiers of the
 * project that are fine in code and checked-in configuration; access is decided by Security Rules and App Check.
 */
export function firebaseClientKey(text: string, start: number, end: number): boolean {
  if (!KEY_FIELD.test(text.slice(Math.max(0, start - 64), start))) return false;
  const around = text.slice(Math.max(0, start - REACH), Math.min(text.length, end + REACH));
  return FIREBASE_APP_ID.test(around) && FIREBASE_FIELD.test(around);
}

/**
 * Values in a credential's format that their vendor publishes itself, by the rule whose format they have, each with
 * where the vendor publishes it: example values printed in its reference documentation, and the fixed keys of its
 * own SDKs' public test suites. Copied from there into configurations, tutorials, forks and vendored copies of those
 * SDKs, they are known to everyone and protect nothing a scan could keep private. A value is listed only when it was
 * found at the vendor's own source named beside it, never because another tool's allowlist names it.
 */
interface Published {
  /** `documented-example` or `vendor-test-key`: the row of docs/rules.md's "Not flagged" table. */
  kind: 'documented-example' | 'vendor-test-key';
  /** The vendor's page, or its repository and file. */
  source: string;
  values: string[];
}

const PUBLISHED: Record<string, Published[]> = {
  'nuget-config-password': [
    { kind: 'documented-example', source: 'https://learn.microsoft.com/nuget/reference/nuget-config-file#packagesourcecredentials', values: ['33f!!lloppa', 'hal+9ooo_da!sY'] },
  ],
  // The sample test-mode key that Stripe's API reference prints in every example ("so you can test any example").
  'stripe-secret-key': [
    { kind: 'documented-example', source: 'https://docs.stripe.com/api/authentication', values: ['sk_test_BQokikJOvBiI2HlWgH4olfQ2'] },
  ],
  // Google API keys fixed in the Firebase SDKs' own tests (github.com/firebase): format checks and test apps.
  'gcp-api-key': [
    {
      kind: 'vendor-test-key',
      source: 'firebase/firebase-js-sdk packages/installations/src/util/precondition-checks.test.ts',
      values: ['AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs', 'AIzaSyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c', 'AIzaSyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4', 'AIzaSyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY', 'AIzaSyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM', 'AIzaSyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ'],
    },
    { kind: 'vendor-test-key', source: 'firebase/firebase-android-sdk firebase-storage/src/test/java/com/google/firebase/storage/TestUtil.java', values: ['AIzaSyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM'] },
    { kind: 'vendor-test-key', source: 'firebase/firebase-android-sdk firebase-storage/src/androidTest/java/com/google/firebase/storage/integration/IntegrationTest.java', values: ['AIzaSyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU'] },
    { kind: 'vendor-test-key', source: 'firebase/firebase-android-sdk firebase-common/src/androidTest/java/com/google/firebase/FirebaseOptionsTest.java', values: ['AIzaSyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0'] },
    { kind: 'vendor-test-key', source: 'firebase/firebase-android-sdk firebase-messaging/src/test/java/com/google/firebase/messaging/testing/MessagingTestHelper.java', values: ['AIzaSyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g'] },
    { kind: 'vendor-test-key', source: 'firebase/firebase-android-sdk firebase-messaging/src/test/java/com/google/firebase/messaging/testing/FirebaseIidRoboTestHelper.java', values: ['AIzaSyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU'] },
    { kind: 'vendor-test-key', source: 'firebase/firebase-android-sdk firebase-perf/src/test/java/com/google/firebase/perf/FirebasePerformanceTest.java', values: ['AIzaSyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw'] },
  ],
};

/** Whether the vendor publishes `value` itself (documentation example or SDK test key) for the rule `ruleId`. */
export function publishedByVendor(ruleId: string, value: string): boolean {
  return PUBLISHED[ruleId]?.some((p) => p.values.includes(value)) ?? false;
}

/** The listed values of one kind, by rule (for the tests and the docs). */
export function publishedValues(kind: Published['kind']): { ruleId: string; source: string; value: string }[] {
  return Object.entries(PUBLISHED).flatMap(([ruleId, list]) => list.filter((p) => p.kind === kind).flatMap((p) => p.values.map((value) => ({ ruleId, source: p.source, value }))));
}
