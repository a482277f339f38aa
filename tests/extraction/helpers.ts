import { expect } from 'vitest';
import type { ExtractionResult, ExtractedEntity } from '../../src/extraction/types.js';

export function byName(result: ExtractionResult, name: string): ExtractedEntity | undefined {
  return result.entities.find((e) => e.name === name);
}

export function entity(result: ExtractionResult, name: string): ExtractedEntity {
  const e = byName(result, name);
  if (!e) throw new Error(`no entity named ${name}; got: ${result.entities.map((x) => x.name).join(' | ')}`);
  return e;
}

export function hasRelation(result: ExtractionResult, type: string, source: string, target: string): boolean {
  return result.relations.some((r) => r.type === type && r.source === source && r.target === target);
}

/** Every mention's text is exactly the text at its offsets; every relation end exists; evidence lies in the text. */
export function expectWellFormed(text: string, result: ExtractionResult): void {
  const ids = new Set(result.entities.map((e) => e.id));
  expect(ids.size).toBe(result.entities.length);
  for (const e of result.entities) {
    expect(e.id).toMatch(/^(agency|law|tactic|target-group|event):[a-z0-9-]+$/);
    for (const m of e.mentions) {
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(m.text).toBe(text.slice(m.start, m.end));
    }
  }
  for (const r of result.relations) {
    expect(ids.has(r.source)).toBe(true);
    expect(ids.has(r.target)).toBe(true);
    for (const ev of r.evidence) {
      expect(ev.start).toBeGreaterThanOrEqual(0);
      expect(ev.end).toBeLessThanOrEqual(text.length);
    }
  }
}
