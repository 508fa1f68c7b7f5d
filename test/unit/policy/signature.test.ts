import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { acceptPolicy, generateSigningKeys, publicKeyError, signPolicy, verifyPolicy } from '../../../src/core/policy';
import { NOW, starterText } from './helpers';

describe('policy signatures', () => {
  const keys = generateSigningKeys();
  const other = generateSigningKeys();
  const text = starterText();

  it('verifies a good signature over the exact bytes', () => {
    const sig = signPolicy(text, keys.privateKeyPem);
    assert.match(sig, /^[A-Za-z0-9+/]{86}==$/);
    assert.equal(verifyPolicy(Buffer.from(text), sig, keys.publicKeyPem), true);
  });

  it('rejects a tampered text, a wrong key and garbage', () => {
    const sig = signPolicy(text, keys.privateKeyPem);
    assert.equal(verifyPolicy(text.replace('version: 1', 'version: 2'), sig, keys.publicKeyPem), false);
    assert.equal(verifyPolicy(text + '\n', sig, keys.publicKeyPem), false);
    assert.equal(verifyPolicy(text, sig, other.publicKeyPem), false);
    assert.equal(verifyPolicy(text, 'not base64!', keys.publicKeyPem), false);
    assert.equal(verifyPolicy(text, Buffer.alloc(64).toString('base64'), keys.publicKeyPem), false);
  });

  it('refuses non-Ed25519 keys', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    assert.match(publicKeyError(pem) ?? '', /expected an Ed25519 key, got rsa/);
    assert.match(publicKeyError('hello') ?? '', /not an Ed25519 public key \(PEM SPKI\)/);
    assert.equal(publicKeyError(keys.publicKeyPem), undefined);
    assert.throws(() => signPolicy(text, rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()), /Ed25519/);
    // A swapped key file says what was expected, not only OpenSSL's decoder error.
    assert.throws(() => signPolicy(text, keys.publicKeyPem), /this is a public key; signing needs the private key/);
    assert.throws(() => signPolicy(text, 'hello'), /not an Ed25519 private key \(PEM PKCS#8\)/);
    assert.throws(() => verifyPolicy(text, 'AAAA', 'hello'), /not an Ed25519 public key \(PEM SPKI\)/);
  });

  it('refuses a private key where a public key is pinned, instead of deriving the public key from it', () => {
    const sig = signPolicy(text, keys.privateKeyPem);
    assert.throws(() => verifyPolicy(text, sig, keys.privateKeyPem), /this is a private key; verifying needs the public key/);
    assert.match(publicKeyError(keys.privateKeyPem) ?? '', /this is a private key/);
    const r = acceptPolicy({ data: text, signature: sig, source: '/etc/policy.yaml' }, { publicKey: keys.privateKeyPem, now: NOW });
    assert.equal(r.ok, false);
  });

  it('accepts a signature by any of several pinned keys (key rotation), and only those', () => {
    const third = generateSigningKeys();
    const both = keys.publicKeyPem + other.publicKeyPem;
    assert.equal(publicKeyError(both), undefined);
    assert.equal(verifyPolicy(text, signPolicy(text, keys.privateKeyPem), both), true, 'old key');
    assert.equal(verifyPolicy(text, signPolicy(text, other.privateKeyPem), both), true, 'new key');
    assert.equal(verifyPolicy(text, signPolicy(text, third.privateKeyPem), both), false, 'a key not pinned');
    const accepted = acceptPolicy({ data: text, signature: signPolicy(text, other.privateKeyPem), source: 's' }, { publicKey: `# old\n${keys.publicKeyPem}\n# new\n${other.publicKeyPem}`, now: NOW });
    assert.ok(accepted.ok && accepted.loaded.signature === 'valid', 'comments between the keys are ignored');
    assert.match(publicKeyError(keys.publicKeyPem + '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n') ?? '', /key 2 of 2/);
  });

  it('with a key pinned, refuses unsigned, badly signed and wrongly signed policies', () => {
    const source = '/etc/policy.yaml';
    const good = signPolicy(text, keys.privateKeyPem);
    const ok = acceptPolicy({ data: text, signature: good, source }, { publicKey: keys.publicKeyPem, now: NOW });
    assert.ok(ok.ok && ok.loaded.signature === 'valid');
    const cases = [
      { signature: undefined, re: /not signed/ },
      { signature: signPolicy(text, other.privateKeyPem), re: /does not match/ },
      { signature: 'AAAA', re: /does not match/ },
    ];
    for (const c of cases) {
      const r = acceptPolicy({ data: text, signature: c.signature, source }, { publicKey: keys.publicKeyPem, now: NOW });
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.equal(r.problems[0].code, 'signature');
        assert.match(r.problems[0].message, c.re);
      }
    }
    const tampered = acceptPolicy({ data: text.replace('dataClasses: [code]', 'dataClasses: [code, pii]'), signature: good, source }, { publicKey: keys.publicKeyPem, now: NOW });
    assert.equal(tampered.ok, false);
  });

  it('without a pinned key, records whether the policy was signed', () => {
    const r = acceptPolicy({ data: text, source: 'x' }, { now: NOW });
    assert.ok(r.ok && r.loaded.signature === 'unsigned');
    const s = acceptPolicy({ data: text, signature: 'anything', source: 'x' }, { now: NOW });
    assert.ok(s.ok && s.loaded.signature === 'not-required');
  });
});
