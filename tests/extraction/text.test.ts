import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/extraction/text/tokenize.js';
import { segmentSentences, MAX_SENTENCE_TOKENS } from '../../src/extraction/text/segment.js';
import { detectLanguage } from '../../src/extraction/text/language.js';
import { foldText } from '../../src/domain/fold.js';
import { GRAMMARS } from '../../src/extraction/grammar/index.js';

const elisions = new Set(GRAMMARS.flatMap((g) => g.elisions));
const abbreviations = new Set(GRAMMARS.flatMap((g) => g.abbreviations));

function sentences(text: string): string[] {
  const tokens = tokenize(text, { elisions });
  return segmentSentences(tokens, abbreviations, text).map((s) => text.slice(s.start, s.end));
}

describe('folding', () => {
  it('keeps the length and folds case, accents, apostrophes, quotes and spaces', () => {
    const raw = 'Sécurité d’État « Œuvre »\u00a0ÉTÉ';
    const folded = foldText(raw);
    expect(folded.length).toBe(raw.length);
    expect(folded).toBe('securite d\'etat " œuvre " ete');
  });
});

describe('tokenisation', () => {
  it("splits French elisions and keeps offsets", () => {
    const text = "La Sécurité d'État combat l’espionnage qu'elle observe.";
    const tokens = tokenize(text, { elisions });
    for (const t of tokens) expect(foldText(text.slice(t.start, t.end))).toBe(t.norm);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['La', 'Sécurité', "d'", 'État', 'combat', 'l’', 'espionnage', "qu'", 'elle', 'observe', '.']);
  });

  it('keeps hyphenated words and possessives apart', () => {
    const text = "China's counter-espionage law, aujourd'hui";
    const tokens = tokenize(text, { elisions }).map((t) => text.slice(t.start, t.end));
    expect(tokens).toEqual(['China', "'s", 'counter-espionage', 'law', ',', "aujourd'hui"]);
  });

  it('reads 4.000 as one number', () => {
    const text = 'Plus de 4.000 Français';
    expect(tokenize(text, { elisions }).map((t) => t.kind)).toEqual(['word', 'word', 'number', 'word']);
  });
});

describe('sentence segmentation', () => {
  it('survives M., Mr., Dr. and U.S.', () => {
    expect(sentences('M. Dupont a parlé. Mr. Smith met Dr. Lee in the U.S. Army office. It rained.')).toEqual([
      'M. Dupont a parlé.',
      'Mr. Smith met Dr. Lee in the U.S. Army office.',
      'It rained.',
    ]);
  });

  it('ends sentences at line breaks and keeps closing quotes', () => {
    expect(sentences('Title line\n« Il faut rester vigilant. » Il a ajouté.')).toEqual(['Title line', '« Il faut rester vigilant. »', 'Il a ajouté.']);
  });

  it('cuts a sentence longer than the window', () => {
    const text = Array.from({ length: MAX_SENTENCE_TOKENS * 3 }, (_, i) => `w${i}`).join(' ');
    const parts = sentences(text);
    expect(parts.length).toBe(3);
    expect(parts.join(' ')).toBe(text);
  });
});

describe('language detection', () => {
  it('tells short French and English apart', () => {
    expect(detectLanguage('Les services de renseignement ont averti les étudiants.').code).toBe('fr');
    expect(detectLanguage('The agency warned students about foreign spies.').code).toBe('en');
  });

  it('reports other languages as unsupported', () => {
    const de = detectLanguage('Der Verfassungsschutz warnt vor chinesischer Spionage gegen deutsche Unternehmen und Hochschulen.');
    expect(de.supported).toBe(false);
    expect(de.code).toBe('de');
  });
});
