// Decodes an OTLP/HTTP export request (logs or metrics), protobuf or JSON, optionally gzip-compressed, into
// the OTLP JSON shape (camelCase fields, 64-bit integers as strings). Protobuf is read with the
// OpenTelemetry JS project's generated code for the official opentelemetry-proto definitions
// (@opentelemetry/otlp-transformer), never by hand.
import { gunzipSync } from 'node:zlib';
import * as generated from '@opentelemetry/otlp-transformer/build/src/generated/root';

export type Signal = 'logs' | 'metrics';

interface Codec {
  decode(bytes: Uint8Array): unknown;
  encode(message: unknown): { finish(): Uint8Array };
  fromObject(o: Record<string, unknown>): unknown;
  toObject(message: unknown, opts: Record<string, unknown>): Record<string, unknown>;
}

interface Root {
  opentelemetry: { proto: { collector: Record<Signal, { v1: Record<string, Codec> }> } };
}

const collector = (generated as unknown as Root).opentelemetry.proto.collector;
const REQUEST: Record<Signal, Codec> = { logs: collector.logs.v1.ExportLogsServiceRequest, metrics: collector.metrics.v1.ExportMetricsServiceRequest };
const RESPONSE: Record<Signal, Codec> = { logs: collector.logs.v1.ExportLogsServiceResponse, metrics: collector.metrics.v1.ExportMetricsServiceResponse };

export type Encoding = 'protobuf' | 'json';

/** The encoding a Content-Type names, or undefined when it is neither OTLP encoding. */
export function encodingOf(contentType: string | undefined): Encoding | undefined {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-protobuf' || type === 'application/protobuf') return 'protobuf';
  if (type === 'application/json') return 'json';
  return undefined;
}

export class DecodeError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** Inflates a gzip body, refusing (413) one that would grow past `limit` bytes. */
export function inflate(body: Buffer, encoding: string | undefined, limit: number): Buffer {
  const enc = (encoding ?? 'identity').trim().toLowerCase();
  if (enc === 'identity' || enc === '') return body;
  if (enc !== 'gzip') throw new DecodeError(`unsupported content-encoding "${enc.slice(0, 20)}" (gzip or none)`, 415);
  try {
    return gunzipSync(body, { maxOutputLength: limit });
  } catch (e) {
    if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new DecodeError(`body larger than ${limit} bytes once inflated`, 413);
    throw new DecodeError('malformed gzip body');
  }
}

/** The request as an OTLP JSON object. */
export function decodeRequest(signal: Signal, encoding: Encoding, body: Buffer): Record<string, unknown> {
  if (encoding === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch (e) {
      throw new DecodeError(`malformed JSON: ${e instanceof Error ? e.message.slice(0, 120) : 'unreadable'}`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new DecodeError('body must be an OTLP export request object');
    return value as Record<string, unknown>;
  }
  const codec = REQUEST[signal];
  try {
    return codec.toObject(codec.decode(body), { longs: String, enums: Number, bytes: String, defaults: false, arrays: true });
  } catch (e) {
    throw new DecodeError(`malformed protobuf: ${e instanceof Error ? e.message.slice(0, 120) : 'unreadable'}`);
  }
}

/** The export response in the request's encoding: empty, or a partial success naming what was rejected. */
export function encodeResponse(signal: Signal, encoding: Encoding, rejected: number, message: string): Buffer {
  const field = signal === 'logs' ? 'rejectedLogRecords' : 'rejectedDataPoints';
  const value = rejected ? { partialSuccess: { [field]: String(rejected), errorMessage: message } } : {};
  if (encoding === 'json') return Buffer.from(JSON.stringify(value));
  const codec = RESPONSE[signal];
  return Buffer.from(codec.encode(codec.fromObject(value)).finish());
}

/** Encodes a request object (OTLP JSON shape) as protobuf: used by tests and the benchmark to send what an exporter sends. */
export function encodeRequest(signal: Signal, request: Record<string, unknown>): Buffer {
  const codec = REQUEST[signal];
  return Buffer.from(codec.encode(codec.fromObject(request)).finish());
}
