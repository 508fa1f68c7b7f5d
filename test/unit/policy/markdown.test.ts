import * as assert from 'node:assert/strict';
import { renderMarkdown, safeHref } from '../../../src/editor/policy/markdown';

describe('policy markdown', () => {
  it('renders the supported constructs', () => {
    const html = renderMarkdown('# Title\n\nSome **bold** and *em* and `code`.\n\n- one\n- [two](https://x.example/t)\n\n1. first\n');
    assert.equal(html, [
      '<h3>Title</h3>',
      '<p>Some <strong>bold</strong> and <em>em</em> and <code>code</code>.</p>',
      '<ul>', '<li>one</li>', '<li><a href="https://x.example/t">two</a></li>', '</ul>',
      '<ol>', '<li>first</li>', '</ol>',
    ].join('\n'));
  });

  it('escapes markup and refuses unsafe links', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](http://plain.example) `<b>`');
    assert.doesNotMatch(html, /<script|<img|<b>|href="javascript|href="http:/);
    assert.match(html, /&lt;script&gt;/);
    assert.match(html, /<code>&lt;b&gt;<\/code>/);
    assert.equal(safeHref('https://a.example/"onmouseover=x'), undefined);
    assert.equal(safeHref('mailto:a@example.com'), 'mailto:a@example.com');
  });

  it('keeps fenced code verbatim and escaped', () => {
    assert.equal(renderMarkdown('```\n<a> **not bold**\n```'), '<pre><code>&lt;a&gt; **not bold**</code></pre>');
  });
});
