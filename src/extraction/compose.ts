/**
 * Tactics and target groups as compositional phrases: an entry's `compose` lists, per
 * language, verb classes and object classes (and nominalisations of the verbs); they expand
 * here into patterns "VERB ~N OBJECT" and "NOUN of/de ~2 OBJECT", so that any determiner,
 * adjective or adverb may sit between them, with singular and plural (folded by the matcher)
 * and hyphen and space variants of the objects ("dual-use" / "dual use").
 *
 *   { "verbs": ["film", "photograph*"], "objects": ["military base", "warship"], "nouns": ["filming"] }
 *
 * A verb written without "*" is inflected (English: -s, -ed, -ing; French -er, -ir and -dre/-tre
 * verbs: the common finite forms and participles); with "*" it is a prefix.
 */
export interface ComposeForms {
  verbs?: string[];
  objects: string[];
  nouns?: string[];
  /** Tokens allowed between verb and object (default 3). */
  gap?: number;
}

function englishVerb(v: string): string[] {
  if (v.endsWith('*') || v.includes(' ')) return [v];
  if (/e$/.test(v)) return [v, `${v}s`, `${v}d`, `${v.slice(0, -1)}ing`];
  if (/[^aeiou]y$/.test(v)) return [v, `${v.slice(0, -1)}ies`, `${v.slice(0, -1)}ied`, `${v}ing`];
  return [v, `${v}s`, `${v}ed`, `${v}ing`];
}

function frenchVerb(v: string): string[] {
  if (v.endsWith('*') || v.includes(' ')) return [v];
  // -oir verbs (recevoir, voir, pouvoir) are irregular: the infinitive only; an entry lists the
  // other forms it needs (reçu, reçoit) as verbs of their own.
  if (/oir$/.test(v)) return [v];
  // Second group (fournir: fournissent, fourni) and -re verbs (vendre: vendu, vendaient).
  if (/ir$/.test(v)) {
    const stem = v.slice(0, -2);
    return [v, `${stem}i`, `${stem}ie`, `${stem}is`, `${stem}ies`, `${stem}it`, `${stem}issent`, `${stem}issait`, `${stem}issaient`, `${stem}issant`, `${stem}ira`, `${stem}iront`];
  }
  if (/[dt]re$/.test(v)) {
    const stem = v.slice(0, -2);
    return [v, `${stem}u`, `${stem}ue`, `${stem}us`, `${stem}ues`, `${stem}ent`, `${stem}ait`, `${stem}aient`, `${stem}ant`, `${stem}ra`, `${stem}ront`];
  }
  if (!/er$/.test(v)) return [v];
  const stem = v.slice(0, -2);
  // Before a and o, -ger verbs keep their e and -cer verbs take ç: hébergeait, commençait.
  const hard = /g$/.test(stem) ? `${stem}e` : /c$/.test(stem) ? `${stem.slice(0, -1)}ç` : stem;
  // Before a mute e, -eler/-eter verbs double the consonant (appeler, jeter and their compounds:
  // rappelle) or take è (acheter, geler, démanteler: achète, gèle); other verbs keep the stem.
  const mute = /(^|app|rapp)el$|jet$/.test(stem)
    ? `${stem}${stem.at(-1)}`
    : /e[lt]$/.test(stem)
      ? `${stem.slice(0, -2)}è${stem.at(-1)}`
      : stem;
  return [v, `${stem}é`, `${stem}ée`, `${stem}és`, `${stem}ées`, `${mute}e`, `${mute}ent`, `${hard}ait`, `${hard}aient`, `${hard}ant`, `${mute}era`, `${mute}eront`, `${hard}ons`];
}

/** "dual-use goods" -> also "dual use goods"; "think tank" -> also "think-tank". */
function hyphenVariants(phrase: string): string[] {
  const out = new Set([phrase]);
  if (phrase.includes('-')) out.add(phrase.replace(/-/g, ' '));
  const words = phrase.split(' ');
  if (words.length === 2 && !phrase.includes('-')) out.add(words.join('-'));
  return [...out];
}

const alt = (xs: string[]) => `(${[...new Set(xs)].join('|')})`;

export function expandCompose(language: string, forms: ComposeForms): string[] {
  const objects = [...new Set(forms.objects.flatMap(hyphenVariants))];
  const gap = forms.gap ?? 3;
  const out: string[] = [];
  const verbs = [...new Set((forms.verbs ?? []).flatMap(language === 'fr' ? frenchVerb : englishVerb))];
  // Single words form one set slot (cheap to compile and match); phrases stay alternatives.
  const single = verbs.filter((v) => !v.includes(' ') && !v.includes("'"));
  const phrases = verbs.filter((v) => !single.includes(v));
  for (const object of objects) {
    if (single.length) out.push(`${alt(single)} ~${gap} ${object}`);
    for (const v of phrases) out.push(`${v} ~${gap} ${object}`);
  }
  const linkers = language === 'fr' ? "(de|d'|des|du|de la|contre)" : '(of|on|against|into)';
  if (forms.nouns?.length) for (const object of objects) out.push(`${alt(forms.nouns)} ${linkers} ~2 ${object}`);
  return out;
}
