// A real policy server on 127.0.0.1 for host and UI checks: serves one policy (and optional .sig) with an ETag.
import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export class PolicyServer {
  private readonly server: http.Server;
  text = '';
  signature: string | undefined;
  hits = 0;
  /** Requests answered 304 (the client sent the current ETag). */
  notModified = 0;

  constructor() {
    this.server = http.createServer((req, res) => {
      this.hits++;
      if (req.url === '/org.aipolicy.yaml.sig') {
        res.statusCode = this.signature ? 200 : 404;
        return res.end(this.signature ?? '');
      }
      if (req.url !== '/org.aipolicy.yaml') {
        res.statusCode = 404;
        return res.end();
      }
      const etag = `"${createHash('sha256').update(this.text).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) {
        this.notModified++;
        res.statusCode = 304;
        return res.end();
      }
      res.setHeader('etag', etag);
      res.setHeader('content-type', 'application/yaml');
      res.end(this.text);
    });
  }

  /** Starts listening; returns the policy URL. */
  async start(port = 0): Promise<string> {
    await new Promise<void>((r) => this.server.listen(port, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/org.aipolicy.yaml`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}
