/**
 * Event frames: an event kind's trigger vocabulary written once per language as verbs and
 * nouns (lexicon/events.json, "frames"), expanded here into the trigger patterns of every
 * inflection and voice:
 *
 *   en verbs "arrest"   -> arrest, arrests, arrested, arresting; was/were/has been/... arrested
 *   fr verbs "arrêter"  -> a/ont/avait arrêté, a été/ont été/est/sont arrêté(e)(s), arrête(nt),
 *                          arrêtera(ient), arrêtait; "placer en garde à vue" inflects its verb
 *   nouns               -> arrest(s), arrestation(s): weak triggers (they join or start an event)
 *
 * Irregular participles are written in the data ("mettre en examen": "mis en examen").
 */

export interface FrameForms {
  /** Base forms (English infinitive, French infinitive); multi-word verbs inflect their first word. */
  verbs?: string[];
  /** Past participles that the rules cannot derive (held, mis en examen, poursuivi). */
  participles?: string[];
  /** Only the passive and participle forms ("charged" active is "prosecutors charged", kept). */
  nouns?: string[];
}

export type Frames = Record<string, FrameForms>;

const EN_PASSIVE = '(was|were|is|are|be|been|being|got|get|gets|has been|have been|had been|will be|would be|was being|were being)';
const FR_AUX = '(a|ont|avait|avaient|aurait|auraient|avoir|aura|auront)';
const FR_PASSIVE = '(a été|ont été|avait été|avaient été|aurait été|auraient été|été|est|sont|était|étaient|sera|seront|serait|seraient|être|se sont fait|s\'est fait|s\'est vu|se sont vu)';

function englishForms(base: string): { pres: string[]; past: string; ing: string } {
  const b = base;
  if (/e$/.test(b)) return { pres: [b, `${b}s`], past: `${b}d`, ing: `${b.slice(0, -1)}ing` };
  if (/[^aeiou]y$/.test(b)) return { pres: [b, `${b.slice(0, -1)}ies`], past: `${b.slice(0, -1)}ied`, ing: `${b}ing` };
  if (/(s|sh|ch|x|z)$/.test(b)) return { pres: [b, `${b}es`], past: `${b}ed`, ing: `${b}ing` };
  return { pres: [b, `${b}s`], past: `${b}ed`, ing: `${b}ing` };
}

function frenchParticiples(pp: string): string[] {
  // "arrêté" -> arrêté, arrêtée, arrêtés, arrêtées; "mis" -> mis, mise, mises; "poursuivi" -> +e, +s, +es
  if (/s$/.test(pp)) return [pp, `${pp}e`, `${pp}es`];
  return [pp, `${pp}e`, `${pp}s`, `${pp}es`];
}

function splitVerb(v: string): [string, string] {
  const i = v.indexOf(' ');
  return i < 0 ? [v, ''] : [v.slice(0, i), v.slice(i)];
}

/** Strong trigger patterns (verbs) and weak ones (nouns) for one language. */
export function expandFrame(language: string, forms: FrameForms): { strong: string[]; weak: string[] } {
  const strong: string[] = [];
  const weak: string[] = [];
  const alt = (xs: string[]) => `(${[...new Set(xs)].join('|')})`;
  if (language === 'en') {
    const participles: string[] = [...(forms.participles ?? [])];
    for (const v of forms.verbs ?? []) {
      const [head, rest] = splitVerb(v);
      const f = englishForms(head);
      participles.push(f.past + rest);
      // Base and third-person forms ("charges", "arrests", "raids") are nouns as often as verbs.
      strong.push(`${alt([f.past, f.ing])}${rest}`);
    }
    if (participles.length) {
      strong.push(`${EN_PASSIVE} ${alt(participles)}`);
      strong.push(alt(participles));
    }
    for (const n of forms.nouns ?? []) weak.push(n);
  } else if (language === 'fr') {
    const participles: string[] = [];
    for (const p of forms.participles ?? []) {
      const [head, rest] = splitVerb(p);
      for (const x of frenchParticiples(head)) participles.push(x + rest);
    }
    for (const v of forms.verbs ?? []) {
      const [head, rest] = splitVerb(v);
      if (!/er$/.test(head)) continue;
      const stem = head.slice(0, -2);
      for (const x of frenchParticiples(`${stem}é`)) participles.push(x + rest);
      const finite = [`${stem}e`, `${stem}ent`, `${stem}era`, `${stem}eront`, `${stem}ait`, `${stem}aient`, `${stem}erait`, `${stem}eraient`];
      strong.push(`${alt(finite)}${rest}`);
    }
    if (participles.length) {
      strong.push(`${FR_PASSIVE} ${alt(participles)}`);
      strong.push(`${FR_AUX} ${alt(participles)}`);
      strong.push(alt(participles));
    }
    for (const n of forms.nouns ?? []) weak.push(n);
  }
  return { strong, weak };
}
