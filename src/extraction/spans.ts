/**
 * Mention span adjustments for descriptive types (Tactic, TargetGroup): a nationality or
 * qualifier next to a group belongs to its mention ("German scientists", "étudiants chinois"),
 * and mentions of one group joined by a coordination ("A, B ou C") form one mention.
 */
import type { AnalysedDocument } from './document.js';
import { PLACES } from './lexicon/index.js';
import type { FoundMention } from './mentions.js';
import { foldText } from '../domain/fold.js';

const QUALIFIERS = new Set(Object.values(PLACES.nationalities).flat().map((w) => foldText(w)));
const COORDINATION = new Set([',', 'et', 'ou', 'and', 'or', 'les', 'la', 'le', 'des', 'the', 'l\'']);
const MAX_COORDINATION_GAP = 5;

export function adjustDescriptiveSpans(doc: AnalysedDocument, mentions: FoundMention[]): FoundMention[] {
  const { tokens } = doc;
  const taken = new Uint8Array(tokens.length);
  for (const m of mentions) taken.fill(1, m.firstToken, m.endToken);
  for (const m of mentions) {
    if (m.ref.type !== 'TargetGroup' || m.anaphor) continue;
    const s = doc.sentences[m.sentence]!;
    // Up to two qualifiers before ("U.S. defense contractors") or after ("chercheurs allemands").
    for (let n = 0; n < 2; n++) {
      const before = m.firstToken - 1;
      if (before >= s.firstToken && !taken[before] && QUALIFIERS.has(tokens[before]!.norm)) {
        m.firstToken = before;
        taken[before] = 1;
      }
      const after = m.endToken;
      if (after < s.endToken && !taken[after] && QUALIFIERS.has(tokens[after]!.norm)) {
        m.endToken = after + 1;
        taken[after] = 1;
      }
    }
    m.start = tokens[m.firstToken]!.start;
    m.end = tokens[m.endToken - 1]!.end;
  }
  // Coordination of mentions of the same group.
  const out: FoundMention[] = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    if (prev && prev.ref.name === m.ref.name && prev.ref.type === 'TargetGroup' && prev.sentence === m.sentence && m.firstToken - prev.endToken <= MAX_COORDINATION_GAP && !prev.anaphor && !m.anaphor) {
      let joinable = false;
      for (let i = prev.endToken; i < m.firstToken; i++) {
        const n = tokens[i]!.norm;
        if (COORDINATION.has(n)) joinable = true;
        else if (tokens[i]!.kind === 'punct' || taken[i]) { joinable = false; break; }
      }
      if (joinable) {
        prev.endToken = m.endToken;
        prev.end = m.end;
        continue;
      }
    }
    out.push(m);
  }
  return out;
}
