import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stderr, so a CLI's stdout carries nothing but its answer. */
export function createLogger(level = 'info', name = 'dossier'): Logger {
  return pino({ name, level }, pino.destination(2));
}
