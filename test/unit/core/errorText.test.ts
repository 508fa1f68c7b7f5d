// Log lines about failures keep the error in full (stack and cause), as util.format writes an Error.
import * as assert from 'node:assert/strict';
import { errorText } from '../../../src/core/errorText';

describe('errorText', () => {
  function failing(): never {
    throw new Error('disk full', { cause: new Error('ENOSPC') });
  }

  it('writes the message, then the error with its stack and its cause', () => {
    let caught: unknown;
    try {
      failing();
    } catch (e) {
      caught = e;
    }
    const line = errorText('Cannot cache the policy:', caught);
    assert.match(line, /^Cannot cache the policy: Error: disk full\n/);
    assert.match(line, /\n\s+at failing \(/, 'the stack names the function that threw');
    assert.match(line, /\[cause\]: Error: ENOSPC/);
  });

  it('writes other values as they are, and leaves % in the message alone', () => {
    assert.equal(errorText('100% failed:', 'plain text'), '100% failed: plain text');
    assert.equal(errorText('%s %d:', { code: 7 }), '%s %d: { code: 7 }');
    assert.equal(errorText('gone:', undefined), 'gone: undefined');
  });
});
