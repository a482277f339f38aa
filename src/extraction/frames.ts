/**
 * Event frames: an event kind's trigger vocabulary written once per language as verbs and
 * nouns (lexicon/events.json, "frames"), expanded here into the trigger patterns of every
 * inflection and voice:
 *
 *   en verbs "arrest"   -> arrested, arresting; was/were/has been/... arrested; has/had arrested
 *   fr verbs "arrêter"  -> a/ont/avait arrêté, a été/ont été/est/sont arrêté(e)(s), arrête(nt),
 *                          arrêtera(ient), arrêtait; "placer en garde à vue" inflects its verb
 *   fr verbs "avertir"  -> averti(e)(s), avertit, avertissent, avertira, avertissait (second group)
 *   nouns               -> arrest(s), arrestation(s): weak triggers (they join or start an event)
 *
 * One adverb may stand between an auxiliary and its participle ("was later arrested", "ont été
 * discrètement mis en garde"). Irregular forms are written in the data: participles ("mis en
 * examen", "held") and finite forms ("comparaît", "met en garde").
 *
 * A frame with `objects` only fires when its verb governs one of those nouns within a few words
 * ("published ... a report", "rapport publié"): publishing verbs are events only for what they publish.
 */

export interface FrameForms {
  /** Base forms (English infinitive, French infinitive); multi-word verbs inflect their first word. */
  verbs?: string[];
  /** Past participles that the rules cannot derive (held, mis en examen, poursuivi). */
  participles?: string[];
  /** Finite forms the rules cannot derive (comparaît, met en garde, warns). */
  finite?: string[];
  /** Nominalisations: weak triggers (they join the document's event of the kind, or start one if the kind allows). */
  nouns?: string[];
  /** Noun phrases that name an event of the kind by themselves ("annual threat assessment"): strong triggers. */
  strongNouns?: string[];
  /** When given, the verbs only trigger with one of these nouns as their object (within a few words). */
  objects?: string[];
  /** Only the passive and participle forms trigger ("was tried" is a trial, "tried to" is not). */
  passiveOnly?: boolean;
  /** English: base and third-person forms trigger too ("would introduce rules", "foils a plot"); only with `objects`, which keep them from being nouns. */
  baseForms?: boolean;
  /** Every form is a weak trigger: it mentions an event of the kind without founding one ("warned"). */
  weak?: boolean;
}

/** Per language, one frame or several (a publishing verb with its objects beside a plain verb). */
export type Frames = Record<string, FrameForms | FrameForms[]>;

/** An adverb may also stand inside a compound auxiliary ("has also been", "avaient déjà été"). */
const EN_PASSIVE = '(was|were|is|are|be|been|being|got|get|gets|(has|have|had) (_ |)been|(will|would) (_ |)be|(was|were) being)';
const EN_PERFECT = '(has|have|had|having|will have|would have)';
const FR_AUX = '(a|ont|avait|avaient|aurait|auraient|avoir|aura|auront)';
const FR_PASSIVE = '((a|ont|avait|avaient|aurait|auraient) (_ |)été|été|est|sont|était|étaient|sera|seront|serait|seraient|être|se sont fait|s\'est fait|s\'est vu|se sont vu)';
/** One inserted adverb between an auxiliary and its participle. */
const ADVERB = '(_ |)';
/** How far a publishing verb may stand from what it publishes ("published on Friday a short report"). */
const OBJECT_GAP = '~4';
/** How many words of complement may stand between a French noun and its participle ("tentative d'intrusion déjouée", "communiqué du ministère publié"). */
const FR_COMPLEMENT_GAP = 4;

function englishForms(base: string): { pres: string[]; past: string; ing: string } {
  const b = base;
  if (/e$/.test(b)) return { pres: [b, `${b}s`], past: `${b}d`, ing: `${b.slice(0, -1)}ing` };
  if (/[^aeiou]y$/.test(b)) return { pres: [b, `${b.slice(0, -1)}ies`], past: `${b.slice(0, -1)}ied`, ing: `${b}ing` };
  if (/(s|sh|ch|x|z)$/.test(b)) return { pres: [b, `${b}es`], past: `${b}ed`, ing: `${b}ing` };
  // One-syllable verbs ending consonant-vowel-consonant double it: nab -> nabbed, jail stays jailed.
  if (/^[^aeiou]*[aeiou][bdgmnpt]$/.test(b)) return { pres: [b, `${b}s`], past: `${b}${b.at(-1)}ed`, ing: `${b}${b.at(-1)}ing` };
  return { pres: [b, `${b}s`], past: `${b}ed`, ing: `${b}ing` };
}

function frenchParticiples(pp: string): string[] {
  // "arrêté" -> arrêté, arrêtée, arrêtés, arrêtées; "mis" -> mis, mise, mises; "poursuivi" -> +e, +s, +es
  if (/s$/.test(pp)) return [pp, `${pp}e`, `${pp}es`];
  return [pp, `${pp}e`, `${pp}s`, `${pp}es`];
}

/** Regular French verbs: first group (-er) and second group (-ir with -iss-). */
function frenchRegular(head: string): { participle: string; finite: string[] } | null {
  if (/er$/.test(head)) {
    const stem = head.slice(0, -2);
    return { participle: `${stem}é`, finite: [`${stem}e`, `${stem}ent`, `${stem}era`, `${stem}eront`, `${stem}ait`, `${stem}aient`, `${stem}erait`, `${stem}eraient`] };
  }
  if (/ir$/.test(head)) {
    const stem = head.slice(0, -2);
    return { participle: `${stem}i`, finite: [`${stem}it`, `${stem}issent`, `${stem}ira`, `${stem}iront`, `${stem}issait`, `${stem}issaient`, `${stem}irait`, `${stem}iraient`] };
  }
  return null;
}

function splitVerb(v: string): [string, string] {
  const i = v.indexOf(' ');
  return i < 0 ? [v, ''] : [v.slice(0, i), v.slice(i)];
}

const alt = (xs: string[]) => `(${[...new Set(xs)].join('|')})`;

/** Strong trigger patterns (verbs) and weak ones (nouns) for one language. */
export function expandFrame(language: string, forms: FrameForms): { strong: string[]; weak: string[] } {
  const active: string[] = [...(forms.finite ?? [])];
  const participles: string[] = [];
  let passive: string;
  let perfect: string;
  if (language === 'en') {
    passive = EN_PASSIVE;
    perfect = EN_PERFECT;
    participles.push(...(forms.participles ?? []));
    for (const v of forms.verbs ?? []) {
      const [head, rest] = splitVerb(v);
      const f = englishForms(head);
      participles.push(f.past + rest);
      // Base and third-person forms ("charges", "arrests", "raids") are nouns as often as verbs.
      active.push(f.past + rest, f.ing + rest);
      if (forms.baseForms && forms.objects?.length) active.push(...f.pres.map((x) => x + rest));
    }
  } else if (language === 'fr') {
    passive = FR_PASSIVE;
    perfect = FR_AUX;
    for (const p of forms.participles ?? []) {
      const [head, rest] = splitVerb(p);
      for (const x of frenchParticiples(head)) participles.push(x + rest);
    }
    for (const v of forms.verbs ?? []) {
      const [head, rest] = splitVerb(v);
      const regular = frenchRegular(head);
      if (!regular) continue;
      for (const x of frenchParticiples(regular.participle)) participles.push(x + rest);
      for (const x of regular.finite) active.push(x + rest);
    }
  } else {
    return { strong: [], weak: [] };
  }
  const strong: string[] = [];
  const objects = forms.objects?.length ? alt(forms.objects) : null;
  const withObject = (p: string) => (objects ? `${p} ${OBJECT_GAP} ${objects}` : p);
  if (participles.length) {
    const pp = alt(participles);
    if (objects) {
      // What is published comes after an active verb ("a publié ... un rapport") or before a participle
      // ("rapport publié"); the passive with the object after it is rare, and would multiply the forms.
      strong.push(withObject(`${perfect} ${pp}`));
      // ... or is the subject of the passive ("un avertissement a été adressé", "a warning was issued").
      // Single-word participles only: their group is one slot, so the forms stay few.
      const single = participles.filter((x) => !x.includes(' '));
      if (single.length) strong.push(`${objects} ${passive} ${ADVERB} ${alt(single)}`);
    } else {
      strong.push(`${passive} ${ADVERB}${pp}`);
      if (!forms.passiveOnly) strong.push(`${perfect} ${ADVERB}${pp}`);
    }
    // A participle alone: "the spy, arrested in May, ..."; for publishing verbs, after the object ("report published").
    // French puts a short complement between the noun and its participle ("tentative d'intrusion déjouée").
    // (A gap, not "d' _": an elided article only splits off before a letter, so the pattern could not hold it.)
    if (objects) strong.push(language === 'fr' ? `${objects} ~${FR_COMPLEMENT_GAP} ${pp}` : `${objects} ${pp}`);
    else if (!forms.passiveOnly) strong.push(pp);
  }
  if (active.length && !forms.passiveOnly) strong.push(withObject(alt(active)));
  for (const n of forms.strongNouns ?? []) strong.push(n);
  const weak = [...(forms.nouns ?? [])];
  return forms.weak ? { strong: [], weak: [...strong, ...weak] } : { strong, weak };
}
