/**
 * Event frames on short texts written for these tests (paraphrases of each phenomenon, never
 * copies of evaluation articles): trigger vocabulary over inflections and voice, mention spans,
 * dates, and the relations events take part in.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expandFrame } from '../../src/extraction/frames.js';
import { extractDocument } from '../../src/extraction/index.js';

const events = (text: string, language: 'fr' | 'en', publishedAt = '2025-03-14') =>
  extractDocument({ text, language, publishedAt }).entities.filter((e) => e.type === 'Event');
const mentionTexts = (text: string, language: 'fr' | 'en') => events(text, language).flatMap((e) => e.mentions.map((m) => m.text));

// The first extraction compiles every lexicon and grammar pattern: pay that once, outside the tests' timeouts.
beforeAll(() => {
  extractDocument({ text: 'Warm-up.', language: 'en' });
}, 60_000);

describe('frame expansion', () => {
  it('inflects French second-group verbs and keeps irregular forms from the data', () => {
    const { strong } = expandFrame('fr', { verbs: ['avertir'], participles: ['mis en garde'], finite: ['met en garde'] });
    const all = strong.join(' ');
    for (const form of ['averti', 'averties', 'avertit', 'avertissent', 'mis en garde', 'mise en garde', 'met en garde']) expect(all).toContain(form);
  });

  it('doubles the final consonant of short English verbs', () => {
    expect(expandFrame('en', { verbs: ['nab'] }).strong.join(' ')).toContain('nabbed');
  });

  it('makes every form weak when the frame says so, and ties publishing verbs to their objects', () => {
    expect(expandFrame('en', { verbs: ['warn'], weak: true }).strong).toEqual([]);
    const publish = expandFrame('en', { verbs: ['publish'], objects: ['report'] }).strong;
    expect(publish.every((p) => p.includes('report'))).toBe(true);
  });
});

describe('event mentions', () => {
  it('keep a short reason in the mention, and leave a long one out', () => {
    expect(mentionTexts('Un technicien a été arrêté pour espionnage, a indiqué la police.', 'fr')).toContain('a été arrêté pour espionnage');
    const long = mentionTexts('A clerk was arrested for passing plans of the harbour to a handler, police said.', 'en');
    expect(long.some((m) => m.startsWith('was arrested'))).toBe(true);
    expect(long.some((m) => m.includes('handler'))).toBe(false);
  });

  it('read an English object past the article "a" (French stop words stay French)', () => {
    expect(mentionTexts('Officials said they had arrested a Latvian engineer.', 'en')).toContain('had arrested a Latvian engineer');
  });

  it('accept one adverb between the auxiliary and the participle', () => {
    expect(events('Le technicien a été discrètement interpellé lundi à Lille.', 'fr')).toHaveLength(1);
    expect(events('The courier was later detained at the border on Monday.', 'en')).toHaveLength(1);
  });
});

describe('event vocabulary per kind', () => {
  it.each([
    ['fr', 'La DGSI a averti mardi les chercheurs contre les faux recruteurs.', 'warning'],
    ['en', 'MI5 published on Monday a short advisory for travellers.', 'warning'],
    ['fr', "L'ASIO a présenté son rapport annuel sur les menaces mardi.", 'warning'],
    ['fr', 'Le suspect doit comparaître jeudi devant le tribunal de Lille.', 'court-appearance'],
    ['en', 'The engineer was remanded in custody on Friday.', 'court-appearance'],
    ['fr', 'La police lettone a démantelé un réseau de renseignement en mars.', 'dismantling-of-a-spy-network'],
    ['en', 'Officers broke up a spy ring working for a foreign service in March.', 'dismantling-of-a-spy-network'],
    ['fr', "La DGSI a révélé lundi une affaire d'espionnage visant des fonctionnaires.", 'disclosure'],
    ['en', 'The former clerk was tried in Vilnius in May.', 'trial'],
  ] as const)('%s: "%s" is an event named %s', (language, text, label) => {
    expect(events(text, language).map((e) => e.id).join(' ')).toContain(label);
  });

  it('reads two coordinated acts on the same people as one mention', () => {
    const found = events('Trois agents ont été interpellés et expulsés du territoire en mai.', 'fr');
    expect(found).toHaveLength(1);
    expect(found[0]!.mentions.map((m) => m.text)).toContain('ont été interpellés et expulsés du territoire en mai');
  });

  it('does not read "passed on information" as a law passed, nor a suspect "accused of" spying as an event of its own', () => {
    const text = 'Under the National Security Act (South Korea), the man allegedly passed on information. A clerk accused of spying was seen.';
    expect(events(text, 'en')).toEqual([]);
  });

  it('does not take a publishing verb without what it publishes for an event', () => {
    expect(events('The agency published its budget figures on Monday.', 'en')).toEqual([]);
  });
});

describe('relations between events', () => {
  it('has the legislature take part in the adoption of the law it enacted', () => {
    const text = 'Le Bundestag a adopté mardi la loi sur le renseignement extérieur.';
    const result = extractDocument({ text, language: 'fr', publishedAt: '2025-03-14' });
    const adoption = result.entities.find((e) => e.type === 'Event' && e.id.includes('adoption'));
    const legislature = result.entities.find((e) => e.type === 'Agency' && e.name === 'Bundestag');
    expect(adoption && legislature).toBeTruthy();
    expect(result.relations.some((r) => r.type === 'INVOLVES' && r.source === adoption!.id && r.target === legislature!.id)).toBe(true);
  });

  it('makes the procedural steps of a case part of it', () => {
    const text = 'Latvian police arrested a port worker on Monday. He was remanded in custody on Wednesday.';
    const result = extractDocument({ text, language: 'en', publishedAt: '2025-03-14' });
    const arrest = result.entities.find((e) => e.type === 'Event' && e.id.includes('arrest'));
    const remand = result.entities.find((e) => e.type === 'Event' && e.id.includes('court-appearance'));
    expect(arrest && remand).toBeTruthy();
    expect(result.relations.some((r) => r.type === 'PART_OF' && r.source === remand!.id && r.target === arrest!.id)).toBe(true);
  });
});

describe('event dates', () => {
  it('dates a statement reported without a date of its own to the publication day, wherever it stands', () => {
    const text = 'Police in Riga arrested a technician in January. He worked at a port. His lawyer spoke to reporters. The case drew attention. MI5 said in a statement that it was aware of the case.';
    const warning = events(text, 'en', '2025-03-14').find((e) => e.name.startsWith('MI5'));
    expect(warning?.date).toBe('2025-03-14');
  });
});
