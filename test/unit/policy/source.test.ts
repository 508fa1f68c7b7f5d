import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchPolicy, signatureUrl, sourceError, SourceError } from '../../../src/core/policy';
import { starterText, tempDir } from './helpers';

/** A real policy server on 127.0.0.1 whose behaviour each test sets. */
class PolicyServer {
  readonly server: http.Server;
  requests: { url: string; ifNoneMatch?: string }[] = [];
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_q, r) => r.end();
  constructor() {
    this.server = http.createServer((req, res) => {
      this.requests.push({ url: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] });
      this.handler(req, res);
    });
  }
  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

describe('policy source', () => {
  const srv = new PolicyServer();
  let base = '';
  const text = starterText();
  before(async () => (base = await srv.start()));
  after(() => srv.stop());
  beforeEach(() => (srv.requests = []));

  it('fetches the policy and its signature, then answers 304 with If-None-Match', async () => {
    srv.handler = (req, res) => {
      if (req.url === '/p.yaml.sig') return res.end('c2lnbmF0dXJl\n');
      if (req.headers['if-none-match'] === '"v1"') {
        res.statusCode = 304;
        return res.end();
      }
      res.setHeader('etag', '"v1"');
      res.end(text);
    };
    const first = await fetchPolicy(`${base}/p.yaml`);
    assert.equal(first.notModified, false);
    if (!first.notModified) {
      assert.equal(first.data.toString(), text);
      assert.equal(first.etag, '"v1"');
      assert.equal(first.signature, 'c2lnbmF0dXJl');
    }
    const second = await fetchPolicy(`${base}/p.yaml`, { etag: '"v1"' });
    assert.equal(second.notModified, true);
    assert.deepEqual(srv.requests.map((r) => r.url), ['/p.yaml', '/p.yaml.sig', '/p.yaml']);
    assert.equal(srv.requests[2].ifNoneMatch, '"v1"');
  });

  it('treats a missing .sig as unsigned and other HTTP errors as failures', async () => {
    srv.handler = (req, res) => {
      res.statusCode = req.url === '/p.yaml' ? 200 : 404;
      res.end(req.url === '/p.yaml' ? text : 'no');
    };
    const r = await fetchPolicy(`${base}/p.yaml`);
    assert.ok(!r.notModified && r.signature === undefined);
    srv.handler = (_q, res) => {
      res.statusCode = 503;
      res.end();
    };
    await assert.rejects(fetchPolicy(`${base}/p.yaml`), /HTTP 503/);
  });

  it('refuses an oversized response, declared or streamed', async () => {
    srv.handler = (_q, res) => res.end('x'.repeat(5000));
    await assert.rejects(fetchPolicy(`${base}/big.yaml`, { maxBytes: 1000 }), (e: unknown) => e instanceof SourceError && /5000 bytes, more than the 1000 allowed/.test(e.message));
    srv.handler = (_q, res) => {
      res.write('x'.repeat(800));
      res.write('x'.repeat(800));
      res.end();
    };
    await assert.rejects(fetchPolicy(`${base}/chunked.yaml`, { maxBytes: 1000 }), /larger than the 1000 bytes allowed/);
  });

  it('times out a slow response', async () => {
    srv.handler = (_q, res) => {
      res.write('apiVersion: aipolicy/v1\n'); // then never finishes
    };
    await assert.rejects(fetchPolicy(`${base}/slow.yaml`, { timeoutMs: 300 }), /timed out after 300 ms/);
  });

  it('refuses plain http off loopback and unknown schemes, without connecting', async () => {
    assert.match(sourceError('http://policy.example.com/p.yaml') ?? '', /refusing plain http/);
    assert.match(sourceError('ftp://x/p.yaml') ?? '', /unsupported scheme/);
    assert.equal(sourceError('http://localhost:8080/p.yaml'), undefined);
    assert.equal(sourceError('http://[::1]:8080/p.yaml'), undefined);
    assert.equal(sourceError('https://policy.example.com/p.yaml'), undefined);
    await assert.rejects(fetchPolicy('http://10.1.2.3/p.yaml'), /refusing plain http to 10\.1\.2\.3/);
  });

  it('does not follow a redirect from loopback to plain http elsewhere', async () => {
    srv.handler = (_q, res) => {
      res.statusCode = 302;
      res.setHeader('location', 'http://policy.example.com/p.yaml');
      res.end();
    };
    await assert.rejects(fetchPolicy(`${base}/moved.yaml`), /refusing plain http to policy\.example\.com/);
  });

  it('reads a file path and its .sig, and bounds its size', async () => {
    const t = tempDir();
    try {
      const file = `${t.dir}/org.aipolicy.yaml`;
      writeFileSync(file, text);
      const unsigned = await fetchPolicy(file);
      assert.ok(!unsigned.notModified && unsigned.signature === undefined && unsigned.data.toString() === text);
      writeFileSync(`${file}.sig`, 'c2ln\n');
      const signed = await fetchPolicy(`file://${file}`);
      assert.ok(!signed.notModified && signed.signature === 'c2ln');
      await assert.rejects(fetchPolicy(file, { maxBytes: 10 }), /more than the 10 allowed/);
      await assert.rejects(fetchPolicy(`${t.dir}/missing.yaml`), /ENOENT/);
    } finally {
      t.done();
    }
  });

  it('puts .sig on the path, not the query', () => {
    assert.equal(signatureUrl('https://p.example/a/policy.yaml?ref=main'), 'https://p.example/a/policy.yaml.sig?ref=main');
  });
});
