// Values in a credential's shape that their vendor publishes on purpose: the API key in a Firebase app's client
// configuration, and example values printed in a vendor's own reference documentation. Each class has a row in
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
 * Example values printed in a vendor's own reference documentation, by the rule whose format they have, with the
 * page: copied from the page into configurations and tutorials, they grant nothing anywhere.
 */
const DOCUMENTED_EXAMPLES: Record<string, { page: string; values: string[] }> = {
  'nuget-config-password': {
    page: 'https://learn.microsoft.com/nuget/reference/nuget-config-file#packagesourcecredentials',
    values: ['33f!!lloppa', 'hal+9ooo_da!sY'],
  },
};

export function documentedExample(ruleId: string, value: string): boolean {
  return DOCUMENTED_EXAMPLES[ruleId]?.values.includes(value) ?? false;
}

