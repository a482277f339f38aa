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

  it.each([
    ['en', 'A Moscow court extended the pre-trial detention of the reporter until June.', 'detention'],
    ['en', 'The researcher has remained in custody since his arrest last year.', 'detention'],
    ['fr', "Le militant reste toujours détenu dans l'attente de son procès.", 'detention'],
    ['en', 'Counter-intelligence officers foiled an attempt to plant malware on ministry laptops.', 'foiled-operation'],
    ['fr', 'Une tentative de piratage déjouée par le service a visé des députés.', 'foiled-operation'],
    ['en', 'The two countries swapped several convicted spies on the bridge in June.', 'prisoner-exchange'],
    ['fr', 'Les deux pays ont échangé des espions condamnés en 2022.', 'prisoner-exchange'],
    ['en', 'Federal prosecutors seized dozens of domains used by the intruders.', 'asset-seizure'],
    ['fr', 'Le ministère a engagé deux actions civiles pour récupérer les fonds volés.', 'asset-seizure'],
    ['en', 'The cabinet said it would introduce export controls on lithography machines.', 'restrictions'],
    ['fr', 'Le gouvernement a imposé de nouvelles restrictions aux visas des chercheurs.', 'restrictions'],
    ['en', 'The prosecutors’ investigation is still ongoing, a spokesman said.', 'investigation'],
    ['fr', "Une enquête est toujours en cours sur l'origine des fuites.", 'investigation'],
    ['en', 'Three engineers were named in an indictment unsealed in Boston.', 'charges'],
    ['en', 'A judge issued arrest warrants for four hackers working for the military.', 'arrest-warrant'],
    ['fr', "Un mandat d'arrêt international a été émis contre l'ancien attaché.", 'arrest-warrant'],
    ['en', 'Two men were executed at dawn after a closed trial for spying.', 'execution'],
    ['fr', "Le journaliste a été libéré après huit mois de détention.", 'release'],
    ['en', 'The former aide pleaded not guilty in a Munich court on Tuesday.', 'court-appearance'],
    ['en', 'The MI5 chief warned of sabotage plots in a rare interview with a broadcaster.', 'warning'],
    ['fr', "Le directeur de la DGSI a détaillé ces menaces lors d'une audition devant les députés.", 'warning'],
  ] as const)('%s: "%s" is an event named %s (states, foiled plots, swaps, seizures, measures, warrants)', (language, text, label) => {
    expect(events(text, language).map((e) => e.id).join(' ')).toContain(label);
  });

  it('tells a state of detention from an arrest on the same words, and leaves a plain passive to the arrest', () => {
    expect(events('The courier is still detained in Vilnius.', 'en').map((e) => e.id).join(' ')).toContain('detention');
    expect(events('Le coursier est détenu depuis mardi à Vilnius.', 'fr').map((e) => e.id).join(' ')).toContain('detention');
    expect(events('Le coursier a été détenu mardi à Vilnius.', 'fr').map((e) => e.id).join(' ')).toContain('arrest');
  });

  it('reads a newspaper revelation as an event reported by that outlet, with the outlet in the mention', () => {
    const text = "Selon une information du journal Le Figaro, des agents ont tenté de recruter des ingénieurs d'un chantier naval.";
    const result = extractDocument({ text, language: 'fr', publishedAt: '2025-03-14' });
    const report = result.entities.find((e) => e.type === 'Event' && e.id.includes('press-report'));
    const outlet = result.entities.find((e) => e.type === 'Agency' && e.name === 'Le Figaro');
    expect(report?.mentions.map((m) => m.text)).toContain('une information du journal Le Figaro');
    expect(result.relations.some((r) => r.type === 'REPORTED_BY' && r.source === report!.id && r.target === outlet?.id)).toBe(true);
  });

  it('has a press report reported by its outlet only, not by a body that confirms it', () => {
    const text = "Selon une information du journal Le Figaro, des agents ont approché des étudiants, a confirmé le ministère de l'Intérieur.";
    const result = extractDocument({ text, language: 'fr', publishedAt: '2025-03-14' });
    const report = result.entities.find((e) => e.type === 'Event' && e.id.includes('press-report'));
    const reporters = result.relations.filter((r) => r.type === 'REPORTED_BY' && r.source === report?.id).map((r) => r.target);
    expect(reporters).toEqual(['agency:le-figaro']);
  });

  it('does not take an outlet cited as a source, nor a reporting verb without an outlet, for a press report', () => {
    expect(events('Three couriers were questioned, Reuters reported.', 'en').some((e) => e.id.includes('press-report'))).toBe(false);
    expect(events('Le ministère a révélé que des agents visaient des étudiants.', 'fr').some((e) => e.id.includes('press-report'))).toBe(false);
  });

  it('keeps a series of arrests apart from the single case of the story', () => {
    const text = 'Police arrested a port clerk on Monday for spying. Since 2019, the service has arrested at least 12 people working for foreign services.';
    expect(events(text, 'en').filter((e) => e.id.includes('arrest'))).toHaveLength(2);
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

describe('roles in events', () => {
  const relationsOf = (text: string, language: 'fr' | 'en') => {
    const result = extractDocument({ text, language, publishedAt: '2025-03-14' });
    const byId = new Map(result.entities.map((e) => [e.id, e]));
    return result.relations.map((r) => `${byId.get(r.source)?.name} ${r.type} ${byId.get(r.target)?.name}`);
  };

  it('has charges announced by the story\'s prosecutors, with the court named beside them taking part', () => {
    const rels = relationsOf('The Justice Department said prosecutors were handling the case. Four men were charged on Monday at the Boston federal court with spying for China.', 'en');
    expect(rels.some((r) => r.startsWith('US Department of Justice ISSUED Charges'))).toBe(true);
    expect(rels.some((r) => r.includes('ISSUED') && r.startsWith('Court'))).toBe(false);
    expect(rels.some((r) => r.startsWith('Charges') && r.endsWith('INVOLVES Court (Boston)'))).toBe(true);
  });

  it('links a case to the method its sentence says the accused used', () => {
    const rels = relationsOf('A courier was arrested on Monday after posing as a headhunter on LinkedIn to approach defence engineers.', 'en');
    expect(rels).toContain('Arrest (2025-03-10) INVOLVES Posing as recruiters or headhunters');
  });

  it('does not take a government that announces restrictions for the hostile actor using the methods', () => {
    const rels = relationsOf('The Dutch government said on Monday it would impose export controls on chip machines. Foreign firms used covert investments and corporate takeovers to reach researchers.', 'en');
    expect(rels.some((r) => r.startsWith('Government of the Netherlands ISSUED Restrictions'))).toBe(true);
    expect(rels.some((r) => r.includes(' USES '))).toBe(false);
  });

  it('has a security service warn the groups its statement names, and a prosecutor only report', () => {
    expect(relationsOf('MI5 said in a statement on Monday that defence contractors had been approached by fake headhunters.', 'en')).toContain('MI5 (Security Service, UK) WARNS Defense contractors');
    const rels = relationsOf('A port engineer was arrested in Hamburg on Monday. The US Justice Department said in a statement that defence contractors had been approached by fake headhunters.', 'en');
    expect(rels.some((r) => r.includes(' WARNS '))).toBe(false);
  });

  it('makes a body that speaks of a campaign one of its issuers, not its reporter', () => {
    const rels = relationsOf('MI5 launched a campaign on Monday. The CPNI said the campaign targets civil servants.', 'en');
    expect(rels.some((r) => r.startsWith('Centre for the Protection of National Infrastructure (CPNI) ISSUED'))).toBe(true);
    expect(rels.some((r) => r.includes('REPORTED_BY'))).toBe(false);
  });
});

describe('event dates', () => {
  it('reads a weekday after "doit" (is to) forward, not back', () => {
    // 2025-03-14 is a Friday: "mardi" after a future marker is the coming Tuesday.
    const found = events('Le technicien doit comparaître mardi devant le tribunal de Lyon.', 'fr', '2025-03-14');
    expect(found[0]?.date).toBe('2025-03-18');
  });

  it('leaves a date that stands next to one event to that event, not to another of the same sentence', () => {
    const text = 'On March 8, the cabinet said it would introduce rules, in line with export controls rolled out in October 2022.';
    const dates = events(text, 'en', '2023-04-17').filter((e) => e.id.includes('restrictions')).map((e) => e.date).sort();
    expect(dates).toEqual(['2022-10', '2023-03-08']);
  });

  it('dates a statement reported without a date of its own to the publication day, wherever it stands', () => {
    const text = 'Police in Riga arrested a technician in January. He worked at a port. His lawyer spoke to reporters. The case drew attention. MI5 said in a statement that it was aware of the case.';
    const warning = events(text, 'en', '2025-03-14').find((e) => e.name.startsWith('MI5'));
    expect(warning?.date).toBe('2025-03-14');
  });
});

describe('event frames: voice, distinct happenings, media', () => {
  it('accepts an adverb inside a compound auxiliary', () => {
    expect(mentionTexts('Deux techniciens avaient déjà été interpellés à Brest.', 'fr').some((m) => m.startsWith('avaient déjà été interpellés'))).toBe(true);
    expect(mentionTexts('The courier has also been detained in Riga.', 'en').some((m) => m.startsWith('has also been detained'))).toBe(true);
  });

  it('reads what a publishing verb publishes when it is the subject of the passive', () => {
    expect(mentionTexts('Une alerte avait été diffusée aux chercheurs par la DGSI.', 'fr')).toContain('alerte avait été diffusée');
    expect(mentionTexts('An advisory was issued to exporters by the NCSC.', 'en')).toContain('advisory was issued');
  });

  it('keeps an arrest of "other" suspects apart from the story\'s first one', () => {
    const text = 'Un ingénieur a été arrêté mardi à Lyon. La veille, deux autres suspects avaient été interpellés à Lille.';
    const arrests = events(text, 'fr', '2025-03-14').filter((e) => e.name.startsWith('Arrest'));
    expect(arrests.map((e) => e.date).sort()).toEqual(['2025-03-11', '2025-03-13']);
    expect(new Set(arrests.map((e) => e.id)).size).toBe(2);
  });

  it('makes one documentary of a revelation made in it', () => {
    const found = events('La DGSI a révélé trois affaires dans un documentaire diffusé en avril.', 'fr');
    expect(found).toHaveLength(1);
    expect(found[0]!.name).toContain('documentary');
    expect(found[0]!.mentions[0]!.text.startsWith('a révélé trois affaires dans un documentaire')).toBe(true);
  });

  it('runs a detention over its place up to "since"', () => {
    expect(mentionTexts('Les deux chercheurs, détenus à Téhéran depuis deux ans, ont reçu une visite.', 'fr')).toContain('détenus à Téhéran depuis deux ans');
  });

  it('creates an accusation from the passive when the sentence opens on its date', () => {
    const found = events('En février, des agents étrangers ont été accusés de surveiller des exilés.', 'fr', '2025-03-14');
    expect(found.map((e) => e.date)).toContain('2025-02');
  });
});

describe('event dates: relative and anchored', () => {
  it('resolves "la veille" and "the day before" to the day before publication', () => {
    expect(events('La veille, un technicien avait été arrêté à Nantes.', 'fr', '2025-03-14')[0]?.date).toBe('2025-03-13');
    expect(events('The day before, a clerk was arrested in Leeds.', 'en', '2025-03-14')[0]?.date).toBe('2025-03-13');
  });

  it('dates a bare weekday by an explicit day of its sentence when publication gives only the month', () => {
    // 9 November 2023 is a Thursday: the Monday of that week is the 6th.
    const text = 'La police a arrêté lundi un informaticien, selon un communiqué publié jeudi 9 novembre.';
    expect(events(text, 'fr', '2023-11').find((e) => e.name.startsWith('Arrest'))?.date).toBe('2023-11-06');
  });
});

describe('attributions and published statements', () => {
  it('reads "called out X for" and an accusation a body makes as one attribution', () => {
    const found = events('The Dutch government called out APT29 for a breach of the tax office. The Dutch government has accused a state-backed group of hacking the office.', 'en');
    expect(found).toHaveLength(1);
    expect(found[0]!.name).toContain('attribution');
    expect(found[0]!.mentions.map((m) => m.text)).toContain('called out APT29');
  });

  it('keeps a passive accusation an accusation about the accused', () => {
    const found = events('En février, des agents étrangers ont été accusés de surveiller des exilés.', 'fr', '2025-03-14');
    expect(found[0]?.name).toMatch(/^Accusation/);
  });

  it('reads a French statement whose issuer stands between it and its participle', () => {
    expect(mentionTexts("Selon un communiqué de la DGSI publié mardi, des chercheurs ont été approchés.", 'fr').some((m) => m.startsWith('communiqué de la DGSI publié mardi'))).toBe(true);
  });
});

describe('the case a story is about', () => {
  const relationsOf = (text: string, language: 'fr' | 'en') => {
    const result = extractDocument({ text, language, publishedAt: '2025-03-14' });
    const byId = new Map(result.entities.map((e) => [e.id, e]));
    return result.relations.map((r) => `${byId.get(r.source)?.name} ${r.type} ${byId.get(r.target)?.name}`);
  };

  it('is its charge rather than a detention named first', () => {
    const rels = relationsOf('Two engineers, detained in Boston since 2022, were charged on Monday. Prosecutors cited the Foreign Agents Registration Act.', 'en');
    expect(rels.some((r) => /^Charges.* INVOLVES Foreign Agents Registration Act/.test(r))).toBe(true);
    expect(rels.some((r) => /^Detention.* INVOLVES Foreign Agents Registration Act/.test(r))).toBe(false);
  });
});

describe('statements and states', () => {
  it('reads an expressed concern as a dated statement of the body that voices it', () => {
    const found = events('La DGSI a exprimé mardi sa vive inquiétude face à ces approches.', 'fr', '2025-03-14');
    expect(found.map((e) => e.name)).toContain('General Directorate for Internal Security (DGSI) statement (2025-03-11)');
    expect(events('The State Department voiced serious concern over the new law on Monday.', 'en').length).toBe(1);
    expect(events('Le Quai d\'Orsay s\'est dit préoccupé par cette loi.', 'fr').length).toBe(1);
  });

  it('makes the body named inside a statement its author, not another body of the sentence', () => {
    const found = events("Viginum a repéré ces comptes, d'après un communiqué du Quai d'Orsay publié jeudi.", 'fr', '2025-03-14');
    expect(found[0]?.name.startsWith('Ministry for Europe and Foreign Affairs (France)')).toBe(true);
  });

  it('does not take a French "détenus" (held) for an arrest', () => {
    expect(events('La prison où étaient détenus les deux Français a été évacuée.', 'fr')).toHaveLength(0);
  });
});

describe('hostile campaigns', () => {
  it('reads a hacking or interference campaign as an event of the hostile side, not of the body that exposes it', () => {
    const en = events('The NCSC warned on Monday of a phishing campaign by APT29 against ministries.', 'en');
    const campaign = en.find((e) => e.name.startsWith('Hostile campaign'));
    expect(campaign?.name).toContain('APT29');
    const fr = events("L'ANSSI alerte sur une campagne d'espionnage visant des laboratoires.", 'fr');
    expect(fr.some((e) => e.name.startsWith('Hostile campaign') && !e.name.includes('ANSSI'))).toBe(true);
  });

  it('does not tie a statement of concern to the hostile services named beside it', () => {
    const text = 'The State Department voiced concern on Monday about the Russian intelligence services.';
    const result = extractDocument({ text, language: 'en', publishedAt: '2025-03-14' });
    const statement = result.entities.find((e) => e.type === 'Event');
    expect(result.relations.some((r) => r.type === 'INVOLVES' && r.source === statement?.id)).toBe(false);
  });
});

describe('strikes, consular visits, notifications, statements', () => {
  it('reads a bombing in the passive with its agent and date', () => {
    expect(mentionTexts('Le dépôt a été bombardé par un drone le 2 mai.', 'fr')).toContain('a été bombardé par un drone le 2 mai');
    expect(events('The depot was shelled on Monday.', 'en').map((e) => e.name)).toContain('Strike (2025-03-10)');
  });

  it('reads a consular visit in both languages and joins its mentions', () => {
    const found = events('Les détenus ont reçu une visite consulaire. Ils ont été visités par un diplomate en mars.', 'fr');
    expect(found.filter((e) => e.name.startsWith('Consular visit'))).toHaveLength(1);
    expect(events('The two engineers were granted consular access last week.', 'en').length).toBe(1);
  });

  it('makes people told of a threat by a body a notification that body issued, warning them', () => {
    const text = 'Two journalists had been told by the Metropolitan Police that their lives were at risk.';
    const result = extractDocument({ text, language: 'en', publishedAt: '2025-03-14' });
    const note = result.entities.find((e) => e.type === 'Event');
    expect(note?.mentions[0]?.text).toBe('had been told by the Metropolitan Police');
    expect(result.relations.some((r) => r.type === 'WARNS')).toBe(true);
  });

  it('reads "in a statement" as a statement in English as "dans un communiqué" is in French', () => {
    expect(events('MI5 said in a statement that the risk had grown.', 'en')).toHaveLength(1);
  });

  it('does not take the French noun "juge" for a trial', () => {
    expect(events('Un juge a entendu les deux suspects.', 'fr').some((e) => e.name.startsWith('Trial'))).toBe(false);
  });
});

describe('exposures', () => {
  it('reads someone exposed or unmasked (as a spy, by a service) as a disclosure', () => {
    expect(events('The senator has been exposed as an informer by the FBI.', 'en').some((e) => e.name.includes('disclosure'))).toBe(true);
    expect(events("L'attaché a été démasqué par la DGSI en mai.", 'fr').some((e) => e.name.includes('disclosure'))).toBe(true);
    expect(events('The workers were exposed to toxic fumes.', 'en')).toHaveLength(0);
  });
});

describe('press releases', () => {
  it('reads a press release of a body as its statement, dated to publication when undated', () => {
    const found = events('Prosecutors at the US Attorney\'s Office described the scheme in the press release.', 'en', '2025-03-14');
    expect(found.map((e) => e.date)).toContain('2025-03-14');
    expect(events('La DGSI détaille ces approches dans son communiqué de presse.', 'fr', '2025-03-14').length).toBe(1);
  });
});
