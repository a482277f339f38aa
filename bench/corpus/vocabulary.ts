/**
 * Names for the synthetic corpus: real agencies, laws, methods and audiences of the product's
 * genre (from general knowledge of the field), then generated names so that pools grow with the
 * corpus. Every pool maps an index to a name one-to-one, so a pool of n entries has n distinct
 * entities and the same index always names the same entity.
 */

export interface Named {
  /** Canonical name (English): what the entity id is derived from. */
  en: string;
  fr: string;
  /** Short form used after the first mention, when the entity has one. */
  shortEn?: string;
  shortFr?: string;
}

export const REAL_AGENCIES: readonly Named[] = [
  { en: 'Ministry of State Security (China)', fr: "ministère chinois de la Sécurité d'État", shortEn: 'MSS', shortFr: 'MSS' },
  { en: 'Security Service (MI5)', fr: 'service de sécurité intérieure britannique', shortEn: 'MI5', shortFr: 'MI5' },
  { en: 'Secret Intelligence Service (MI6)', fr: 'service de renseignement extérieur britannique', shortEn: 'MI6', shortFr: 'MI6' },
  { en: 'Directorate-General for Internal Security', fr: 'Direction générale de la sécurité intérieure', shortEn: 'DGSI', shortFr: 'DGSI' },
  { en: 'Directorate-General for External Security', fr: 'Direction générale de la sécurité extérieure', shortEn: 'DGSE', shortFr: 'DGSE' },
  { en: 'Federal Bureau of Investigation', fr: "Bureau fédéral d'enquête", shortEn: 'FBI', shortFr: 'FBI' },
  { en: 'Central Intelligence Agency', fr: 'Agence centrale de renseignement', shortEn: 'CIA', shortFr: 'CIA' },
  { en: 'Federal Office for the Protection of the Constitution', fr: 'Office fédéral de protection de la Constitution', shortEn: 'BfV', shortFr: 'BfV' },
  { en: 'Federal Intelligence Service (Germany)', fr: 'Service fédéral de renseignement allemand', shortEn: 'BND', shortFr: 'BND' },
  { en: 'General Intelligence and Security Service', fr: 'Service général de renseignement et de sécurité néerlandais', shortEn: 'AIVD', shortFr: 'AIVD' },
  { en: 'Australian Security Intelligence Organisation', fr: 'Organisation australienne du renseignement de sécurité', shortEn: 'ASIO', shortFr: 'ASIO' },
  { en: 'Canadian Security Intelligence Service', fr: 'Service canadien du renseignement de sécurité', shortEn: 'CSIS', shortFr: 'SCRS' },
  { en: 'Federal Security Service (Russia)', fr: 'Service fédéral de sécurité russe', shortEn: 'FSB', shortFr: 'FSB' },
  { en: 'Foreign Intelligence Service (Russia)', fr: 'Service des renseignements extérieurs russe', shortEn: 'SVR', shortFr: 'SVR' },
  { en: 'Main Intelligence Directorate (Russia)', fr: 'Direction principale du renseignement russe', shortEn: 'GRU', shortFr: 'GRU' },
  { en: 'National Cyber Security Centre (UK)', fr: 'Centre national de cybersécurité britannique', shortEn: 'NCSC', shortFr: 'NCSC' },
  { en: 'National Cybersecurity Agency of France', fr: "Agence nationale de la sécurité des systèmes d'information", shortEn: 'ANSSI', shortFr: 'ANSSI' },
  { en: 'Swedish Security Service', fr: 'Service de sécurité suédois', shortEn: 'Säpo', shortFr: 'Säpo' },
  { en: 'Norwegian Police Security Service', fr: 'Service de sécurité de la police norvégienne', shortEn: 'PST', shortFr: 'PST' },
  { en: 'State Security Service (Belgium)', fr: "Sûreté de l'État belge", shortEn: 'VSSE', shortFr: 'VSSE' },
  { en: 'Federal Intelligence Service (Switzerland)', fr: 'Service de renseignement de la Confédération', shortEn: 'FIS', shortFr: 'SRC' },
  { en: 'Ministry of Public Security (China)', fr: 'ministère chinois de la Sécurité publique', shortEn: 'MPS', shortFr: 'MPS' },
  { en: 'National Security Agency', fr: 'Agence nationale de la sécurité américaine', shortEn: 'NSA', shortFr: 'NSA' },
  { en: 'Cybersecurity and Infrastructure Security Agency', fr: 'Agence américaine de cybersécurité et de sécurité des infrastructures', shortEn: 'CISA', shortFr: 'CISA' },
  { en: "Paris Prosecutor's Office", fr: 'parquet de Paris' },
  { en: 'Crown Prosecution Service', fr: 'service des poursuites de la Couronne', shortEn: 'CPS', shortFr: 'CPS' },
  { en: 'Department of Justice (United States)', fr: 'ministère américain de la Justice', shortEn: 'DOJ', shortFr: 'DOJ' },
  { en: 'Ministry of the Armed Forces (France)', fr: 'ministère des Armées' },
  { en: 'Reconnaissance General Bureau (North Korea)', fr: 'Bureau général de reconnaissance nord-coréen', shortEn: 'RGB', shortFr: 'RGB' },
  { en: 'Ministry of Intelligence (Iran)', fr: 'ministère iranien du Renseignement', shortEn: 'MOIS', shortFr: 'MOIS' },
  { en: 'APT31', fr: 'APT31' },
  { en: 'APT40', fr: 'APT40' },
  { en: 'APT28', fr: 'APT28' },
  { en: 'Europol', fr: 'Europol' },
];

/** Unnamed foreign services: one generic hub node that neighbourhoods and paths step over. */
export const GENERIC_AGENCY: Named = {
  en: 'Foreign intelligence agencies (unspecified)',
  fr: 'services de renseignement étrangers',
};

export const REAL_LAWS: readonly Named[] = [
  { en: 'Counter-Espionage Law of the PRC (2023 revision)', fr: 'loi chinoise sur le contre-espionnage (révision de 2023)' },
  { en: 'National Security Act 2023', fr: 'loi britannique sur la sécurité nationale de 2023' },
  { en: 'National Intelligence Law of the PRC', fr: 'loi chinoise sur le renseignement national' },
  { en: 'Foreign Agents Registration Act', fr: "loi américaine sur l'enregistrement des agents étrangers" },
  { en: 'French law on preventing foreign interference (2024)', fr: 'loi visant à prévenir les ingérences étrangères en France (2024)' },
  { en: 'Official Secrets Act 1989', fr: 'loi britannique sur les secrets officiels de 1989' },
  { en: 'Data Security Law of the PRC', fr: 'loi chinoise sur la sécurité des données' },
  { en: 'Espionage and Foreign Interference Act 2018 (Australia)', fr: "loi australienne de 2018 sur l'espionnage et l'ingérence étrangère" },
];

export const REAL_TACTICS: readonly Named[] = [
  { en: 'Staged chance encounters', fr: 'rencontres fortuites organisées' },
  { en: 'Fake profiles on professional networking sites', fr: 'faux profils sur les réseaux sociaux professionnels' },
  { en: 'Phishing', fr: 'hameçonnage' },
  { en: 'Honey traps', fr: 'pièges sentimentaux' },
  { en: 'Paid consulting offers', fr: 'offres de conseil rémunérées' },
  { en: 'Talent recruitment programmes', fr: 'programmes de recrutement de talents' },
  { en: 'Invitations to conferences abroad', fr: "invitations à des conférences à l'étranger" },
  { en: 'Pressure on relatives at home', fr: 'pressions sur les proches restés au pays' },
  { en: 'Spear-phishing with malicious attachments', fr: 'hameçonnage ciblé avec pièces jointes piégées' },
  { en: 'Compromised home routers', fr: 'routeurs domestiques compromis' },
];

export const REAL_TARGET_GROUPS: readonly Named[] = [
  { en: 'Chinese nationals posted abroad', fr: "ressortissants chinois en poste à l'étranger" },
  { en: 'University students and faculty', fr: 'étudiants et enseignants-chercheurs' },
  { en: 'Civil servants', fr: 'fonctionnaires' },
  { en: 'Defence industry engineers', fr: "ingénieurs de l'industrie de défense" },
  { en: 'Members of parliament', fr: 'parlementaires' },
  { en: 'Journalists', fr: 'journalistes' },
  { en: 'Diaspora communities', fr: 'communautés de la diaspora' },
  { en: 'Business travellers', fr: "voyageurs d'affaires" },
];

/** Kinds of agency for generated names: `<Place> <kind>` / `<kind fr> de <Place>`. */
const AGENCY_KINDS: readonly { en: string; fr: string }[] = [
  { en: 'State Security Service', fr: "Service de sécurité de l'État" },
  { en: 'Counter-Intelligence Directorate', fr: 'Direction du contre-espionnage' },
  { en: 'Ministry of the Interior', fr: "ministère de l'Intérieur" },
  { en: 'Military Intelligence Bureau', fr: 'Bureau du renseignement militaire' },
  { en: 'National Police Cyber Unit', fr: 'Unité cyber de la police nationale' },
  { en: 'Foreign Intelligence Service', fr: 'Service de renseignement extérieur' },
  { en: 'Public Prosecutor', fr: 'Parquet général' },
  { en: 'National Cyber Agency', fr: 'Agence nationale cyber' },
];

const TACTIC_METHODS: readonly { en: string; fr: string }[] = [
  { en: 'Fake recruiter profiles on', fr: 'faux profils de recruteurs sur' },
  { en: 'Job offers relayed through', fr: "offres d'emploi relayées par" },
  { en: 'Malicious apps distributed via', fr: 'applications malveillantes diffusées via' },
  { en: 'Research grants advertised on', fr: 'bourses de recherche annoncées sur' },
  { en: 'Paid surveys posted on', fr: 'sondages rémunérés publiés sur' },
  { en: 'Romance approaches on', fr: 'approches sentimentales sur' },
];

const GROUP_KINDS: readonly { en: string; fr: string }[] = [
  { en: 'Engineers at', fr: 'ingénieurs de' },
  { en: 'Researchers at', fr: 'chercheurs de' },
  { en: 'Executives of', fr: 'dirigeants de' },
  { en: 'Students of', fr: 'étudiants de' },
  { en: 'Staff of', fr: 'personnels de' },
];

const LAW_TOPICS: readonly { en: string; fr: string }[] = [
  { en: 'Counter-Espionage Act', fr: 'loi sur le contre-espionnage' },
  { en: 'Foreign Interference Act', fr: "loi sur l'ingérence étrangère" },
  { en: 'Official Secrets Act', fr: 'loi sur les secrets officiels' },
  { en: 'Cybersecurity Act', fr: 'loi sur la cybersécurité' },
];

// Consonant-vowel syllables: a string of n of them splits back into syllables one way only, so
// distinct indices give distinct words.
const CONSONANTS = 'bdfgklmnprstvzch'.split('');
const VOWELS = 'aeiou'.split('');
const SYLLABLES = CONSONANTS.flatMap((c) => VOWELS.map((v) => c + v));
const WORD_SPACE = SYLLABLES.length ** 3; // 512,000 three-syllable words
// A multiplier prime to WORD_SPACE spreads consecutive indices over the alphabet.
const SPREAD = 104_729;

/** A made-up capitalised word, one-to-one with `index` (< 512,000). */
export function coinedWord(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= WORD_SPACE) throw new RangeError(`no coined word #${index}`);
  let n = (index * SPREAD) % WORD_SPACE;
  let word = '';
  for (let i = 0; i < 3; i += 1) {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return word[0]!.toUpperCase() + word.slice(1);
}

const placeName = (index: number) => `${coinedWord(index)}ia`;
const platformName = (index: number) => `${coinedWord(index)}net`;
const companyName = (index: number) => `${coinedWord(index)} Systems`;

/** Agency #index: the real ones first, then `<Place> <kind>`. */
export function agencyName(index: number): Named {
  const real = REAL_AGENCIES[index];
  if (real) return real;
  const j = index - REAL_AGENCIES.length;
  const kind = AGENCY_KINDS[j % AGENCY_KINDS.length]!;
  const place = placeName(Math.floor(j / AGENCY_KINDS.length));
  return { en: `${place} ${kind.en}`, fr: `${kind.fr} de ${place}` };
}

export function tacticName(index: number): Named {
  const real = REAL_TACTICS[index];
  if (real) return real;
  const j = index - REAL_TACTICS.length;
  const method = TACTIC_METHODS[j % TACTIC_METHODS.length]!;
  const platform = platformName(Math.floor(j / TACTIC_METHODS.length));
  return { en: `${method.en} ${platform}`, fr: `${method.fr} ${platform}` };
}

export function targetGroupName(index: number): Named {
  const real = REAL_TARGET_GROUPS[index];
  if (real) return real;
  const j = index - REAL_TARGET_GROUPS.length;
  const kind = GROUP_KINDS[j % GROUP_KINDS.length]!;
  const company = companyName(Math.floor(j / GROUP_KINDS.length));
  return { en: `${kind.en} ${company}`, fr: `${kind.fr} ${company}` };
}

export function lawName(index: number): Named {
  const real = REAL_LAWS[index];
  if (real) return real;
  const j = index - REAL_LAWS.length;
  const topic = LAW_TOPICS[j % LAW_TOPICS.length]!;
  const place = placeName(Math.floor(j / LAW_TOPICS.length));
  const year = 1990 + (j % 35);
  return { en: `${place} ${topic.en} ${year}`, fr: `${topic.fr} de ${place} (${year})` };
}

export const EVENT_KINDS = ['warning', 'arrest', 'advisory'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** How an event is referred to in running text (a description, not a name: no alias). */
export const EVENT_PHRASES: Record<EventKind, { en: string; fr: string }> = {
  warning: { en: 'a public warning', fr: 'une mise en garde publique' },
  arrest: { en: 'the arrest of a suspect', fr: "l'interpellation d'un suspect" },
  advisory: { en: 'a security advisory', fr: 'un avis de sécurité' },
};

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** `2024-03-12` as "12 March 2024" or "12 mars 2024". */
export function writtenDate(isoDay: string, language: 'en' | 'fr'): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const months = language === 'en' ? MONTHS_EN : MONTHS_FR;
  const dayText = language === 'fr' && day === 1 ? '1er' : String(day);
  return `${dayText} ${months[month - 1]} ${year}`;
}
