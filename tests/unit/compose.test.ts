import { describe, expect, it } from 'vitest';
import { expandCompose } from '../../src/extraction/compose.js';

describe('compositional phrases', () => {
  it('inflects regular French verbs and leaves irregular -oir verbs as written', () => {
    const [regular] = expandCompose('fr', { verbs: ['fournir'], objects: ['documents'] });
    expect(regular).toContain('fournissaient');
    const patterns = expandCompose('fr', { verbs: ['recevoir', 'reçu'], objects: ['ordinateurs portables'] }).join(' ');
    expect(patterns).toContain('recevoir');
    expect(patterns).toContain('reçu');
    // The second-group endings do not fit recevoir: no "recevoissent", "recevoi".
    expect(patterns).not.toMatch(/recevoi(ss|\||\))/);
  });

  it('spells the mute-e forms of -eler and -eter verbs as French does', () => {
    const forms = (verb: string) => expandCompose('fr', { verbs: [verb], objects: ['opposants'] }).join(' ');
    expect(forms('rappeler')).toMatch(/\brappelle\b.*\brappellent\b/);
    expect(forms('museler')).toMatch(/\bmusèle\b.*\bmusèlent\b/);
    expect(forms('acheter')).toMatch(/\bachète\b/);
    expect(forms('acheter')).toMatch(/\bachetait\b/);
    expect(forms('rappeler')).not.toMatch(/\brappele\b/);
  });
});
