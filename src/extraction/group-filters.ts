/**
 * Target-group candidates that are not groups, whatever the words:
 *  - a group word followed by the names of persons is those persons ("les Français Anne Martin
 *    et Paul Durand", "the Chinese students Wang Li and Zhou Bo");
 *  - in French, a word in -ique or -aire after a common noun is that noun's adjective
 *    ("des données scientifiques" are not scientists).
 */
import type { AnalysedDocument } from './document.js';
import type { FoundMention } from './mentions.js';

const stopwordSets = new Map<string, Set<string>>();
function stopwordsOf(doc: AnalysedDocument): Set<string> {
  const language = doc.grammar?.language ?? '';
  let set = stopwordSets.get(language);
  if (!set) {
    set = new Set(doc.grammar?.stopwords ?? []);
    stopwordSets.set(language, set);
  }
  return set;
}

export function notAGroup(doc: AnalysedDocument, m: FoundMention, agencies: readonly FoundMention[]): boolean {
  if (m.ref.type !== 'TargetGroup') return false;
  const { tokens } = doc;
  const inSentence = (k: number) => k >= 0 && k < tokens.length && doc.sentenceOfToken[k] === m.sentence;
  // Persons named right after the group word.
  const a = tokens[m.endToken];
  const b = tokens[m.endToken + 1];
  if (a && b && inSentence(m.endToken + 1) && a.kind === 'word' && b.kind === 'word' && a.capitalized && b.capitalized && a.cased.length > 1 && b.cased.length > 1 && !/^[A-Z]+$/.test(a.cased) && !/^[A-Z]+$/.test(b.cased)) {
    const covered = agencies.some((g) => g.firstToken <= m.endToken + 1 && m.endToken < g.endToken);
    if (!covered) return true;
  }
  // A French adjective after its noun.
  if (doc.language === 'fr' && m.endToken - m.firstToken === 1) {
    const w = tokens[m.firstToken]!;
    const prev = tokens[m.firstToken - 1];
    if (/(ique|aire)s?$/.test(w.norm) && prev && inSentence(m.firstToken - 1) && prev.kind === 'word' && !prev.capitalized && !stopwordsOf(doc).has(prev.norm) && /^\p{Ll}{3,}$/u.test(prev.cased)) return true;
  }
  return false;
}

const ORGANISATION_POSSESSIVES = new Set(['its']);
/**
 * Tactic candidates that are not methods: an organisation's own channel ("on its WeChat
 * account", "its official LinkedIn page") is where it publishes, not an approach.
 */
export function notATactic(doc: AnalysedDocument, m: FoundMention): boolean {
  if (m.ref.type !== 'Tactic') return false;
  const { tokens } = doc;
  let k = m.firstToken - 1;
  if (k >= 0 && ['official', 'officiel', 'officielle'].includes(tokens[k]!.norm)) k--;
  return k >= 0 && doc.sentenceOfToken[k] === m.sentence && ORGANISATION_POSSESSIVES.has(tokens[k]!.norm);
}
