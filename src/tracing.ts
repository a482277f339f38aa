/**
 * OpenTelemetry tracing, on only when an OTLP endpoint is configured through the standard
 * variables (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT; also read:
 * OTEL_EXPORTER_OTLP_HEADERS, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, OTEL_SDK_DISABLED,
 * OTEL_TRACES_EXPORTER=none). Off, the SDK is not even loaded and the server adds no span hook.
 */
import type { Logger } from './logger.js';

let enabled = false;

/** Whether startTracing registered a tracer provider in this process. */
export function tracingEnabled(): boolean {
  return enabled;
}

type Env = Record<string, string | undefined>;

export function tracingRequested(env: Env = process.env): boolean {
  if ((env.OTEL_SDK_DISABLED ?? '').toLowerCase() === 'true') return false;
  if ((env.OTEL_TRACES_EXPORTER ?? '').toLowerCase() === 'none') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/** Starts the SDK (OTLP over HTTP) when requested; resolves to a function that flushes and stops it. */
export async function startTracing(logger: Logger, env: Env = process.env): Promise<(() => Promise<void>) | null> {
  if (!tracingRequested(env)) return null;
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes, detectResources, envDetector }] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
    ]);
  // The exporter reads its endpoint, headers and timeout from the OTEL_EXPORTER_OTLP_* variables.
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'dossier' }).merge(detectResources({ detectors: [envDetector] })),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  enabled = true;
  logger.info(
    { endpoint: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT },
    'OpenTelemetry tracing on: one span per request, exported over OTLP/HTTP',
  );
  return async () => {
    enabled = false;
    await provider.shutdown(); // flushes the spans not yet sent
    const { context, propagation, trace } = await import('@opentelemetry/api');
    trace.disable();
    propagation.disable();
    context.disable();
  };
}
