import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotate } from '../support/annotate.js';
import { createTestApp, execute, uniqueTag, type TestApp } from '../support/services.js';

/**
 * Evidence sentences are cut inside Neo4j (only the sentence is sent). Their offsets are UTF-16
 * units while Cypher counts code points: a character outside the BMP before the sentence must
 * not shift it.
 */

const LOAD = `mutation EvidenceLoad($input: IngestDocumentInput!) { ingestDocument(input: $input) { document { id } } }`;
const READ = `query EvidenceRead($id: ID!) {
  entity(id: $id) { ... on Agency { tactics { edges { node { id } evidence { start end text document { id } } } } } }
}`;

interface ReadData {
  entity: { tactics: { edges: { node: { id: string }; evidence: { start: number; end: number; text: string }[] }[] } } | null;
}

describe('evidence text', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({});
  });

  afterAll(async () => {
    await app?.close();
  });

  const cases = [
    { label: 'plain text', prefix: 'A short note comes first. ' },
    { label: 'characters outside the BMP before the sentence', prefix: 'Signal 🛰️ seen 🔒 twice 𝔸. ' },
  ];

  for (const { label, prefix } of cases) {
    it(`cuts the supporting sentence exactly (${label})`, async () => {
      const tag = uniqueTag('ev');
      const agency = `Cell ${tag}`;
      const tactic = `phishing ${tag}`;
      const sentence = `The ${agency} relies on ${tactic}.`;
      const text = `${prefix}${sentence} Nothing else follows 🙂.`;
      const agencyId = `agency:cell-${tag}`;
      const tacticId = `tactic:phishing-${tag}`;
      const loaded = await execute(app.yoga, LOAD, {
        input: {
          text,
          language: 'EN',
          useExtractor: false,
          annotations: annotate(
            text,
            [
              { type: 'Agency', name: agency, mentions: [agency] },
              { type: 'Tactic', name: `Phishing ${tag}`, mentions: [tactic] },
            ],
            [{ type: 'USES', source: agencyId, target: tacticId, evidence: sentence }],
          ),
        },
      });
      expect(loaded.errors).toBeUndefined();

      const read = await execute<ReadData, { id: string }>(app.yoga, READ, { id: agencyId });
      expect(read.errors).toBeUndefined();
      const edge = read.data!.entity!.tactics.edges.find((candidate) => candidate.node.id === tacticId);
      expect(edge?.evidence).toHaveLength(1);
      const [evidence] = edge!.evidence;
      // The offsets are JavaScript's, into the stored text: slicing it gives the same sentence.
      expect(text.slice(evidence!.start, evidence!.end)).toBe(sentence);
      expect(evidence!.text).toBe(sentence);
    });
  }
});
