// One definition of loopback for every place that allows plain http: the policy source, the audit
// endpoints and the policy lint.
import * as assert from 'node:assert/strict';
import { checkEndpoint, isLoopbackHost as auditLoopback } from '../../../src/core/audit';
import { isLoopbackHost as policyLoopback, sourceError } from '../../../src/core/policy';

describe('loopback hosts', () => {
  it('is one function for the policy and the audit trail', () => {
    assert.equal(policyLoopback, auditLoopback);
  });

  it('accepts localhost, ::1 and 127.0.0.0/8 only', () => {
    for (const h of ['localhost', 'LOCALHOST', '::1', '[::1]', '127.0.0.1', '127.255.0.9']) assert.equal(policyLoopback(h), true, h);
    for (const h of ['localhost.example', '127.0.0.1.example.com', '128.0.0.1', '10.0.0.1', '127.0.0.1234', '::2', '']) assert.equal(policyLoopback(h), false, h);
  });

  it('gives the same answer for the policy source and the audit endpoint', () => {
    for (const url of ['http://127.8.9.10/p', 'http://localhost:9/p', 'http://[::1]:9/p', 'http://127.0.0.1.evil.example/p', 'http://10.0.0.5/p']) {
      const policyOk = sourceError(url) === undefined;
      let auditOk = true;
      try {
        checkEndpoint(url);
      } catch {
        auditOk = false;
      }
      assert.equal(policyOk, auditOk, url);
    }
  });
});
