// Pointing the agents' own OpenTelemetry at the audit server: the OTLP/HTTP base URL derived from the policy's
// audit endpoint, and Claude Code's `env` block. The variable names follow Claude Code's documented monitoring
// settings as we know them (CLAUDE_CODE_ENABLE_TELEMETRY, OTEL_*); no vendor documentation could be fetched
// when this was written, so docs/telemetry.md says where to check them.
import type { Policy } from '../policy/types';

/** What the exports write where the ingest token goes: the administrator replaces it when deploying. */
export const TOKEN_PLACEHOLDER = 'REPLACE_WITH_INGEST_TOKEN';

/** The OTLP encoding the exports ask for (the audit server reads JSON and protobuf). */
export const OTLP_PROTOCOL = 'http/json';

/**
 * The OTLP/HTTP base URL (an exporter appends `/v1/logs` and `/v1/metrics`) of the audit server: `override`
 * when given, else the policy's `audit.endpoint` (`https://audit.example.com/v1/events`) or `audit.otlpEndpoint`
 * (`…/v1/logs`) without its path suffix. Undefined when no endpoint is configured: nothing leaves the machine.
 */
export function otlpBaseUrl(policy: Policy, override?: string): string | undefined {
  const raw = override ?? policy.audit?.endpoint ?? policy.audit?.otlpEndpoint;
  if (!raw) return undefined;
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`audit endpoint "${raw}" is not an http(s) URL`);
  url.pathname = url.pathname.replace(/\/v1\/(events|logs|metrics)\/?$/, '').replace(/\/+$/, '');
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

/**
 * Claude Code's `env` block that exports its metrics and events to the audit server. Prompt text stays off:
 * OTEL_LOG_USER_PROMPTS is not written (Claude Code's default is off), and the server drops prompt text anyway.
 */
export function claudeTelemetryEnv(base: string): Record<string, string> {
  return {
    CLAUDE_CODE_ENABLE_TELEMETRY: '1',
    OTEL_METRICS_EXPORTER: 'otlp',
    OTEL_LOGS_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_PROTOCOL: OTLP_PROTOCOL,
    OTEL_EXPORTER_OTLP_ENDPOINT: base,
    OTEL_EXPORTER_OTLP_HEADERS: `Authorization=Bearer ${TOKEN_PLACEHOLDER}`,
  };
}
