/**
 * Agencies, laws, tactics and target groups on short texts written for these tests
 * (paraphrases of each phenomenon, never copies of evaluation articles).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extraction/index.js';

// The pattern sets compile on first use: once here, so no single test pays for it on a busy machine.
beforeAll(() => {
  for (const language of ['fr', 'en'] as const) extractDocument({ text: 'Warm-up.', language });
}, 60_000);

const names = (text: string, language: 'fr' | 'en', type: string) =>
  extractDocument({ text, language, publishedAt: '2025-03-14' }).entities.filter((e) => e.type === type).map((e) => e.name);
const mentionsOf = (text: string, language: 'fr' | 'en', type: string) =>
  extractDocument({ text, language, publishedAt: '2025-03-14' }).entities.filter((e) => e.type === type).map((e) => e.mentions.map((m) => m.text));

describe('offences in their legal wording', () => {
  it('reads a French list of charges introduced by a colon, each offence a law of the story\'s country', () => {
    const text = 'Au Canada, un technicien fait face aux chefs d’accusation suivants : obtention de secrets commerciaux, utilisation non autorisée d’ordinateur et abus de confiance par un fonctionnaire.';
    expect(mentionsOf(text, 'fr', 'Law')).toEqual([['obtention de secrets commerciaux'], ['utilisation non autorisée d’ordinateur'], ['abus de confiance par un fonctionnaire']]);
    expect(names(text, 'fr', 'Law')[0]).toMatch(/^Canada law: /);
  });

  it('keeps the repeated preposition out of the second offence of a coordination', () => {
    const text = 'En Belgique, le comptable a plaidé coupable de complot de fraude bancaire et d’usurpation d’identité aggravée.';
    expect(mentionsOf(text, 'fr', 'Law')).toEqual([['complot de fraude bancaire'], ['usurpation d’identité aggravée']]);
  });

  it('finds the offence after a prison term, and ends it before a place or a beneficiary', () => {
    expect(mentionsOf('Un ingénieur a été condamné à huit ans de prison pour espionnage industriel en Italie.', 'fr', 'Law')).toEqual([['espionnage industriel']]);
    expect(mentionsOf('He was sentenced to ten years in prison for conspiracy to commit economic espionage in Ohio.', 'en', 'Law')).toEqual([['conspiracy to commit economic espionage']]);
    expect(names('Le militaire a été arrêté pour trahison pour le compte de la Russie.', 'fr', 'Law').every((n) => !/pour/.test(n))).toBe(true);
  });

  it('names an attempt after the offence it attempts, so both mentions are one law', () => {
    const text = 'Aux États-Unis, il a été reconnu coupable de tentative d’espionnage économique. Le jury a retenu l’espionnage économique après deux jours, condamné pour espionnage économique.';
    const laws = extractDocument({ text, language: 'fr', publishedAt: '2025-03-14' }).entities.filter((e) => e.type === 'Law');
    expect(laws).toHaveLength(1);
    expect(laws[0]!.mentions.map((m) => m.text)).toEqual(['tentative d’espionnage économique', 'espionnage économique']);
  });

  it('reads quoted offences and goes on past an item cut short', () => {
    const text = 'Selon la justice iranienne, ils sont accusés de « complot pour renverser le régime » et de "corruption sur terre" pour le compte d’un service étranger.';
    expect(mentionsOf(text, 'fr', 'Law')).toEqual([['complot pour renverser le régime'], ['corruption sur terre']]);
  });

  it('gives an offence the country of the prosecutors who charge it, not of the accused', () => {
    const text = 'A Chinese national was charged with visa fraud and alien smuggling as well as misusing funds, US prosecutors said. China denied it; China called it a smear.';
    expect(names(text, 'en', 'Law')).toEqual(['United States law: visa fraud', 'United States law: alien smuggling']);
  });

  it('does not take a verb phrase or a bare count for an offence', () => {
    expect(names('Ils sont accusés d’avoir vendu des identités volées à des sociétés.', 'fr', 'Law')).toEqual([]);
    expect(names('Il est poursuivi pour deux accusations de complot connexes.', 'fr', 'Law')).toEqual([]);
  });
});

describe('ministries and governments named by their function', () => {
  it('reads a foreign minister as the ministry of that country, and "the ministry" as the same body', () => {
    const text = "Hungary's deputy foreign minister summoned the envoy. The ministry said the expulsion was final.";
    const result = extractDocument({ text, language: 'en', publishedAt: '2025-03-14' });
    const ministry = result.entities.find((e) => e.name === 'Ministry of Foreign Affairs (Hungary)');
    expect(ministry?.mentions.map((m) => m.text)).toEqual(["Hungary's deputy foreign minister", 'The ministry']);
    expect(ministry?.aliases).toEqual(["Hungary's deputy foreign minister"]);
  });

  it('maps a described ministry to the lexicon body that fills that function', () => {
    expect(names('Le ministre britannique des Affaires étrangères a convoqué le chargé d’affaires.', 'fr', 'Agency')).toContain('Foreign, Commonwealth and Development Office (UK)');
    expect(names('The French defence minister visited the base in Toulon.', 'en', 'Agency')).toContain('Ministry of the Armed Forces (France)');
  });

  it('gives a bare "ministère des Affaires étrangères" the country the story is set in', () => {
    const text = 'En Suisse, un diplomate a été expulsé. Le ministère des Affaires étrangères a confirmé la mesure à Berne.';
    expect(names(text, 'fr', 'Agency')).toContain('Ministry of Foreign Affairs (Switzerland)');
  });

  it("reads possessive and 'side' forms of a government", () => {
    expect(names("The Netherlands' government tightened the rules.", 'en', 'Agency')).toContain('Government of the Netherlands');
    expect(names('The Russian side rejected the accusation.', 'en', 'Agency')).toContain('Government of Russia');
    expect(names('La partie chinoise a démenti.', 'fr', 'Agency')).toContain('Government of China');
  });
});

describe('names several bodies share', () => {
  it('reads a shared acronym as the body the document names in full, else as the one of its country', () => {
    const us = extractDocument({ text: 'The National Counterintelligence and Security Centre warned federal workers in the US. The NCSC said fake firms approach them.', language: 'en' });
    expect(us.entities.filter((e) => e.type === 'Agency').map((e) => e.name)).toEqual(['National Counterintelligence and Security Center (US)']);
    expect(names("Britain's NCSC warned companies in the UK about ransomware.", 'en', 'Agency')).toEqual(['National Cyber Security Centre (UK)']);
  });

  it("reads MSS as North Korea's ministry in a story set in the Koreas, and China's in a Chinese one", () => {
    expect(names('North Korea sent agents to Seoul, South Korean officials said. The MSS ran them from Pyongyang.', 'en', 'Agency')).toContain('Ministry of State Security (North Korea)');
    expect(names('China warned its students. The MSS said foreign spies approach them in China.', 'en', 'Agency')).toContain('Ministry of State Security (China)');
  });
});

describe('tactics as phrases', () => {
  it('inflects French -ir and -re verbs of composed tactics', () => {
    expect(names('Les complices fournissaient des identités volées à des recruteurs.', 'fr', 'Tactic')).toContain('Use of stolen or fake identities');
    expect(names('Il a vendu des identités volées à des inconnus.', 'fr', 'Tactic')).toContain('Use of stolen or fake identities');
  });

  it('takes the attempt with the infiltration, and knows takeovers and covert stakes', () => {
    expect(mentionsOf('Le service déjoue chaque année des tentatives d’infiltration.', 'fr', 'Tactic')).toEqual([['tentatives d’infiltration']]);
    expect(names('Foreign states use hostile takeovers and covert investments to reach technology.', 'en', 'Tactic')).toEqual(expect.arrayContaining(['Corporate takeovers', 'Covert investments']));
  });

  it('reads unsolicited job offers and consultancies as covers', () => {
    const tactics = names('Spies pose as consulting firms and send unsolicited job offers to officials.', 'en', 'Tactic');
    expect(tactics).toEqual(expect.arrayContaining(['Posing as academics, researchers or consultants', 'Fake job or internship offers']));
  });
});

describe('definite descriptions of a law', () => {
  it("links 'cette loi' and 'ce texte' to the document's one named law, and never makes them aliases", () => {
    const text = 'Le Parlement a adopté la loi sur le renseignement. Cette loi autorise les écoutes, et ce texte a été critiqué.';
    const law = extractDocument({ text, language: 'fr' }).entities.find((e) => e.type === 'Law');
    expect(law?.mentions.map((m) => m.text)).toEqual(['loi sur le renseignement', 'Cette loi', 'ce texte']);
    expect(law?.aliases).toEqual(['loi sur le renseignement']);
  });

  it('links nothing when the description names another law or the document names two', () => {
    const two = 'Britain passed the National Security Act and kept the Official Secrets Act. The new law took effect.';
    expect(extractDocument({ text: two, language: 'en' }).entities.filter((e) => e.type === 'Law').flatMap((e) => e.mentions.map((m) => m.text))).not.toContain('The new law');
    const other = 'Britain passed the National Security Act. The law of the sea is another matter.';
    expect(extractDocument({ text: other, language: 'en' }).entities.filter((e) => e.type === 'Law').flatMap((e) => e.mentions.map((m) => m.text))).toEqual(['National Security Act']);
  });
});

describe('gazetteer from domain knowledge', () => {
  it('knows news agencies by their full names, party and police names, and the government by its adjective', () => {
    expect(mentionsOf('The Belga News Agency reported the raid.', 'en', 'Agency')).toEqual([['Belga News Agency']]);
    expect(names('NYPD officers and the Vlaams Belang leadership were named.', 'en', 'Agency')).toEqual(expect.arrayContaining(['New York City Police Department (NYPD)', 'Vlaams Belang']));
    expect(names('The Iranian government denied any role.', 'en', 'Agency')).toContain('Government of Iran');
    expect(names("Le secrétaire d'État américain a réagi.", 'fr', 'Agency')).toContain('US Department of State');
  });

  it('knows more services, hacking groups and news agencies by their names and acronyms', () => {
    expect(names("L'Équipe intégrée de la sécurité nationale de la GRC enquête.", 'fr', 'Agency')).toContain('RCMP Integrated National Security Enforcement Team (INSET)');
    expect(names('Researchers tied the intrusion to APT27, also called Emissary Panda.', 'en', 'Agency')).toEqual(['APT27 (Emissary Panda)']);
    expect(names('Selon l’agence Chine nouvelle, le procès a eu lieu.', 'fr', 'Agency')).toContain('Xinhua');
  });

  it("reads 'the national intelligence agency' as the service of the country whose police and prosecutors act", () => {
    const text = 'North Korea trained the spies. North Korean agents met them twice. South Korean prosecutors and the national intelligence agency searched their homes.';
    expect(names(text, 'en', 'Agency')).toContain('National Intelligence Service (South Korea)');
  });

  it("keeps a state's formal name in front of one of its bodies", () => {
    expect(names('A spokesman for the Republic of Korea Fleet Command declined to comment.', 'en', 'Agency')).toEqual(['Republic of Korea Fleet Command']);
  });

  it('names an embassy by the country it represents and the country it sits in', () => {
    expect(names('The Chinese embassy in Washington did not comment.', 'en', 'Agency')).toEqual(['Embassy of China in the United States']);
    expect(names("L'ambassade de Chine à Paris a démenti.", 'fr', 'Agency')).toEqual(['Embassy of China in France']);
  });
});

describe('agency names and their country', () => {
  it('ends a name before a weekday or a month, in both languages', () => {
    expect(names('The Federal Assembly on Monday approved the new screening rules.', 'en', 'Agency')).toEqual(['Federal Assembly']);
    expect(names('The Supreme Court of Appeal in June quashed the verdict.', 'en', 'Agency').some((n) => /June/.test(n))).toBe(false);
  });

  it("reads a regime as its government, but those working for it in secret as its services", () => {
    expect(names('The Iranian regime denied any role.', 'en', 'Agency')).toEqual(['Government of Iran']);
    const agents = names('Two men acting as agents of the Iranian regime watched the exiles.', 'en', 'Agency');
    expect(agents).toContain('Iranian intelligence services (unspecified)');
    expect(agents).not.toContain('Government of Iran');
  });

  it('reads a capital that acts as its government, but not a capital that is a place or a dateline', () => {
    expect(names('Tallinn et Riga ont expulsé deux diplomates.', 'fr', 'Agency')).toEqual(['Government of Estonia', 'Government of Latvia']);
    expect(names('Le suspect a été arrêté à Tallinn la semaine dernière.', 'fr', 'Agency')).toEqual([]);
    expect(names('Washington (Reuters) - The trial opened in a federal court.', 'en', 'Agency')).not.toContain('Government of the United States');
  });

  it('does not take a person of an unnamed service for the service, and names hackers by the country behind them', () => {
    expect(names('He reported to a Chinese intelligence official in Shanghai.', 'en', 'Agency')).toEqual([]);
    expect(names('Des pirates informatiques liés à la Corée du Nord ont vidé les comptes.', 'fr', 'Agency')).toEqual(['North Korean state-sponsored hackers (unspecified)']);
    expect(names('The breach was the work of North Korean state-backed hackers.', 'en', 'Agency')).toEqual(['North Korean state-sponsored hackers (unspecified)']);
  });

  it("reads a place in front of a known police force's name as that place's police, not the known force", () => {
    const found = names('Two tourists were questioned by the Incheon Metropolitan Police on Friday.', 'en', 'Agency');
    expect(found).toContain('Police (Incheon)');
    expect(found).not.toContain('Metropolitan Police (UK)');
  });

  it("reads an acronym of a law's initials as that law, even where an agency shares the letters", () => {
    const text = 'The activists were charged under the National Security Act. Critics say the NSA is used against dissent.';
    const result = extractDocument({ text, language: 'en' });
    expect(result.entities.filter((e) => e.type === 'Agency').map((e) => e.name)).not.toContain('National Security Agency (NSA)');
    expect(result.entities.find((e) => e.type === 'Law')?.mentions.map((m) => m.text)).toEqual(['National Security Act', 'NSA']);
  });
});


describe('laws named by their topic, and the jurisdiction of generic names', () => {
  it("maps a generic 'intelligence law' to the known law only in a story set in that law's country", () => {
    const swiss = 'En Suisse, le Conseil fédéral a présenté la loi sur le renseignement. La Suisse veut surveiller davantage.';
    expect(names(swiss, 'fr', 'Law')).toEqual(['loi sur le renseignement (Switzerland)']);
    const french = 'En France, les députés ont adopté la loi sur le renseignement. La France renforce ses services.';
    expect(names(french, 'fr', 'Law')).toEqual(['French Intelligence Act (2015)']);
  });

  it("reads the country of a lower-case law from its adjective or possessor, and one law whether or not it is repeated", () => {
    const fr = 'Le Parlement a voté la loi suisse sur le renseignement. La loi sur le renseignement entre en vigueur en mars.';
    expect(extractDocument({ text: fr, language: 'fr' }).entities.filter((e) => e.type === 'Law').map((e) => [e.name, e.mentions.length])).toEqual([['loi sur le renseignement (Switzerland)', 2]]);
    expect(mentionsOf("Germany's new espionage law took effect on Monday.", 'en', 'Law')).toEqual([["Germany's new espionage law"]]);
    expect(names('Critics said any espionage law could be abused.', 'en', 'Law')).toEqual([]);
  });
});

describe('tactics as compositional phrases', () => {
  it('lets a method hold the body it works with, without cutting a name in two', () => {
    expect(mentionsOf('The defendant admitted meeting Russian intelligence officers in Vienna.', 'en', 'Tactic')).toEqual([['meeting Russian intelligence officers']]);
  });

  it('inflects -ger and -cer verbs the French way (hébergeaient, commençait)', () => {
    expect(mentionsOf('Les complices hébergeaient des ordinateurs portables dans leur garage.', 'fr', 'Tactic')).toEqual([['hébergeaient des ordinateurs portables']]);
  });

  it('knows requests that grow more precise, in both languages', () => {
    expect(names('Le traitant réclamait des renseignements toujours plus pointus.', 'fr', 'Tactic')).toContain('Gradual escalation of requests');
    expect(names('Over months she was asked for increasingly sensitive documents.', 'en', 'Tactic')).toContain('Gradual escalation of requests');
  });

  it('takes hacking as a method but not the hackers who do it', () => {
    expect(names('Des pirates ont revendiqué l’attaque.', 'fr', 'Tactic')).not.toContain('Cyber intrusion');
    expect(names('Le groupe a piraté les serveurs du ministère.', 'fr', 'Tactic')).toContain('Cyber intrusion');
  });

  it('reads staged protests and threats against critics as methods', () => {
    expect(names('Agents of the network organised protests against the new policy.', 'en', 'Tactic')).toContain('Foreign interference / covert influence on public decision-making');
    expect(names('Le régime cherche à museler les opposants exilés.', 'fr', 'Tactic')).toContain('Transnational repression (targeting dissidents and diaspora)');
  });
});

describe('tactic spans over a list of objects', () => {
  it('runs on over a list that repeats the shape of the last object, and stops before a second verb', () => {
    expect(mentionsOf('Les officiers cherchent à identifier ses faiblesses, ses ambitions et ses besoins.', 'fr', 'Tactic')).toEqual([['identifier ses faiblesses, ses ambitions et ses besoins']]);
    expect(mentionsOf('He was paid to recruit engineers and chemists for the bureau.', 'en', 'Tactic')).toEqual([['recruit engineers and chemists']]);
    expect(mentionsOf('Ils piratent des serveurs et volent des données.', 'fr', 'Tactic')[0]).toEqual(['piratent des serveurs']);
  });
});

describe('a topic law that holds an agency-like phrase', () => {
  it("keeps 'la loi sur le renseignement extérieur' one law, with its accents, not a law cut before a service's name", () => {
    const text = 'Le Bundestag a adopté mardi la loi sur le renseignement extérieur.';
    expect(mentionsOf(text, 'fr', 'Law')).toEqual([['loi sur le renseignement extérieur']]);
    expect(names(text, 'fr', 'Agency')).toEqual(['Bundestag']);
  });
});

describe('tactics as verb classes x object classes (issue 11)', () => {
  const INTERFERENCE = 'Foreign interference / covert influence on public decision-making';
  it('reads influencing policy or debates, and persuading legislators, in both languages', () => {
    expect(names('The envoy tried to sway national energy policy.', 'en', 'Tactic')).toContain(INTERFERENCE);
    expect(names('They asked the consultant to persuade three senior lawmakers to vote no.', 'en', 'Tactic')).toContain(INTERFERENCE);
    expect(names('Le réseau voulait influencer les débats au Parlement.', 'fr', 'Tactic')).toContain(INTERFERENCE);
  });

  it('reads kidnapping verbs, inflected, and lethal threats against exiles', () => {
    expect(names('The cell planned to abduct a journalist in Paris.', 'en', 'Tactic')).toContain('Kidnapping and abduction plots');
    expect(names('Two dissidents received death threats after the broadcast.', 'en', 'Tactic')).toContain('Transnational repression (targeting dissidents and diaspora)');
    expect(names('Il était chargé de surveiller des organisations kurdes à Berlin.', 'fr', 'Tactic')).toContain('Transnational repression (targeting dissidents and diaspora)');
  });

  it('reads payments: kickbacks, cash handed over, a reward in the passive', () => {
    expect(names('The aide arranged thousands of dollars in kickbacks for a relative.', 'en', 'Tactic')).toContain('Financial inducements / bribery');
    expect(names('The officer was handed a thick envelope of cash in a car park.', 'en', 'Tactic')).toContain('Financial inducements / bribery');
    expect(names('Chaque informateur serait rémunéré selon la valeur des documents.', 'fr', 'Tactic')).toContain('Financial inducements / bribery');
  });

  it('reads an informer role, watching a resident, destabilisation and takeovers', () => {
    expect(names('The businessman was recruited as an informant by the service.', 'en', 'Tactic')).toContain('Insider access (placed or recruited insiders)');
    expect(names('The former detective was paid to surveil a Texas resident for months.', 'en', 'Tactic')).toContain('Surveillance and monitoring');
    expect(names('Les autorités dénoncent des campagnes de déstabilisation en ligne.', 'fr', 'Tactic')).toContain('Influence operations and disinformation');
    expect(names('Des fonds cherchent à racheter des sociétés innovantes en difficulté.', 'fr', 'Tactic')).toContain('Corporate takeovers');
  });
});

describe('target groups named by situation, role or kind (issue 11)', () => {
  it('reads companies in difficulty, private individuals, officials by level and fugitives', () => {
    expect(names('Le service avertit les sociétés en difficulté et les particuliers.', 'fr', 'TargetGroup')).toEqual(expect.arrayContaining(['Companies and businesses', 'General public']));
    expect(names('The hackers went after elected officials in three states.', 'en', 'TargetGroup')).toContain('Government officials and civil servants');
    expect(names('Beijing pressures fugitives living overseas to come home.', 'en', 'TargetGroup')).toContain('Fugitives abroad (repatriation targets)');
  });

  it('reads members of a legislature and entities of a country', () => {
    expect(names('The lobbyist courted several MEPs in Strasbourg.', 'en', 'TargetGroup')).toContain('Democratic institutions and parliamentarians');
    expect(names('L’agence a détecté une intrusion visant des entités européennes.', 'fr', 'TargetGroup')).toContain('Organisations and entities');
    expect(names('Le groupe cible des jeunes à court d’argent.', 'fr', 'TargetGroup')).toContain('Young people in financial need');
  });
});

describe('agencies from general rules and roles that are not agencies (issue 11)', () => {
  it('reads a country mission to the United Nations in both languages, not the UN itself', () => {
    expect(names('Russia’s U.N. mission declined to comment on the report.', 'en', 'Agency')).toEqual(['Permanent Mission of Russia to the United Nations']);
    expect(names('La mission permanente de la Chine auprès de l’ONU a démenti.', 'fr', 'Agency')).toEqual(['Permanent Mission of China to the United Nations']);
  });

  it('reads the name after "front company" / "société écran", and hyphenated acronyms in brackets', () => {
    expect(names('Investigators said the front company Blue Harbor Trading shipped the parts.', 'en', 'Agency')).toContain('Blue Harbor Trading');
    expect(names('Le réseau utilisait la société écran Delta Partners pour payer ses sources.', 'fr', 'Agency')).toContain('Delta Partners');
    expect(names('The Baltic Diaspora Youth Council (BDYC-N) issued a statement.', 'en', 'Agency')).toEqual(['Baltic Diaspora Youth Council (BDYC-N)']);
  });

  it('does not take a longer capitalised name on a known head word for the known body', () => {
    expect(names('She chairs the Baltic People’s Congress in Riga.', 'en', 'Agency')).not.toContain('US Congress');
  });

  it('reads investigators and law enforcement qualified by a nationality', () => {
    expect(names('Dutch investigators traced the payments to a shell firm.', 'en', 'Agency')).toEqual(['Police (Netherlands)']);
    expect(names('The campaign was run by Russian law enforcement abroad.', 'en', 'Agency')).toEqual(['Police (Russia)']);
    expect(names('In Ohio, federal investigators searched the house, US prosecutors said.', 'en', 'Agency')).toContain('US federal investigators (unspecified)');
    expect(names('In Germany, federal investigators searched the flat, prosecutors in Berlin said.', 'en', 'Agency')).not.toContain('US federal investigators (unspecified)');
  });

  it('leaves out a police rank held by a person and the wording "acting as an agent"', () => {
    expect(names('A former Chicago police detective was found guilty on Friday.', 'en', 'Agency')).toEqual([]);
    expect(names('He denied acting as an unregistered Russian agent.', 'en', 'Agency')).toEqual([]);
    expect(names('Il est soupçonné d’avoir agi comme agent russe.', 'fr', 'Agency')).toEqual([]);
    expect(names('Russian agents followed the journalist for weeks.', 'en', 'Agency')).toHaveLength(1);
  });
});

describe('group words that name persons or qualify a noun (issue 11)', () => {
  it('drops a nationality noun followed by the names of persons, and a French adjective after its noun', () => {
    expect(names('Les Belges Marc Dupont et Luc Lambert sont toujours détenus.', 'fr', 'TargetGroup')).toEqual([]);
    expect(names('Il transmettait des publications et rapports scientifiques à son officier traitant.', 'fr', 'TargetGroup')).toEqual([]);
    expect(names('Le service met en garde les ingénieurs et scientifiques du secteur.', 'fr', 'TargetGroup')).toContain('Researchers and scientists');
  });
});

describe('group spans over a workplace, and descriptions of a foreign ministry (issue 11)', () => {
  it('puts the people in front of a sector into its mention, and a "who work in" clause after a group', () => {
    expect(mentionsOf('Le rapport cite des cadres dans des secteurs stratégiques comme cibles.', 'fr', 'TargetGroup')).toEqual([['cadres dans des secteurs stratégiques']]);
    expect(mentionsOf('They courted young engineers who work in the satellite industry.', 'en', 'TargetGroup')[0]![0]).toMatch(/who work in the satellite industry$/);
  });

  it('makes people who work with sensitive or security information the group with access to it', () => {
    const access = 'People with access to classified or sensitive information';
    expect(names('Les recruteurs visent de jeunes Chinois qui travaillent dans le traitement de données sensibles.', 'fr', 'TargetGroup')).toEqual([access]);
    expect(names('The service warned young professionals who work on classified defence files.', 'en', 'TargetGroup')).toEqual([access]);
    expect(names('They courted young engineers who work in the satellite industry.', 'en', 'TargetGroup')).not.toContain(access);
  });

  it('reads a diplomatic source qualified by a nationality as that country’s foreign ministry', () => {
    expect(names('« Ces accusations sont infondées », a réagi une source diplomatique belge.', 'fr', 'Agency')).toEqual(['Ministry of Foreign Affairs (Belgium)']);
  });
});

describe('gazetteer: courts, legislatures, outlets and groups written from domain knowledge (issue 11)', () => {
  it('knows courts and legislatures in both languages, jurisdiction-bound where the name is shared', () => {
    expect(names('La Cour de cassation a rejeté le pourvoi.', 'fr', 'Agency')).toEqual(['Court of Cassation (France)']);
    expect(names('The Knesset passed the bill on Monday.', 'en', 'Agency')).toEqual(['Knesset']);
    expect(names('The Legislative Council met in Hong Kong to vote.', 'en', 'Agency')).toEqual(['Legislative Council (Hong Kong)']);
    expect(names('The Legislative Council of the province met.', 'en', 'Agency')).not.toContain('Legislative Council (Hong Kong)');
  });

  it('knows outlets and state hacking groups by their aliases', () => {
    expect(names('Bellingcat traced the officers, and OceanLotus was blamed.', 'en', 'Agency')).toEqual(expect.arrayContaining(['Bellingcat', 'APT32 (OceanLotus)']));
    expect(names('Selon Le Canard enchaîné, le service a été alerté.', 'fr', 'Agency')).toContain('Le Canard enchaîné');
  });
});

describe('quoted offences and an organisation’s own channel (issue 11)', () => {
  it('takes the whole quoted wording of a charge, complement included', () => {
    const text = 'En Russie, le chercheur est inculpé pour « divulgation de secrets au profit de l’Ukraine », selon son avocat.';
    expect(mentionsOf(text, 'fr', 'Law')).toEqual([['divulgation de secrets au profit de l’Ukraine']]);
  });

  it('does not take the account an agency publishes on for an approach method', () => {
    expect(names('The ministry posted the notice on its official WeChat account on Monday.', 'en', 'Tactic')).toEqual([]);
    expect(names('Recruiters contacted the engineers via LinkedIn messages.', 'en', 'Tactic')).not.toEqual([]);
  });
});

describe('more methods as verb classes x object classes (issue 11)', () => {
  it('reads a hired proxy, planted spyware, phishing sent, goods smuggled and travel paid for', () => {
    expect(names('The retired officer was hired to follow a dissident.', 'en', 'Tactic')).toContain('Use of proxies and intermediaries');
    expect(names('The operators deployed a keylogger on the laptops of the delegation.', 'en', 'Tactic')).toContain('Malware and spyware');
    expect(mentionsOf('The unit sent booby-trapped attachments to embassy staff.', 'en', 'Tactic')).toEqual([['sent booby-trapped attachments']]);
    expect(names('The firm smuggled military technology to a sanctioned buyer.', 'en', 'Tactic')).toContain('Illegal export of dual-use goods');
    expect(names("L'association finançait les voyages des élus vers Pékin.", 'fr', 'Tactic')).toContain('Offers of sponsored travel, conferences or speaking engagements');
    expect(names('Les pirates ont compromis les mises à jour du logiciel de comptabilité.', 'fr', 'Tactic')).toContain('Supply-chain compromise');
  });
});
