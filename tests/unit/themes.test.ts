import { describe, expect, it } from 'vitest';
import { THEME_IDS, type ThemeId } from '../../src/lib/data/types.ts';
import { codeThemes } from '../../src/pipeline/dictionary.ts';
import { build, dictionary } from './support.ts';

/** The themes the real dictionary codes in one sentence, with its evidence. */
function themesOf(sentence: string) {
  return codeThemes(sentence, { start: 0, end: sentence.length }, dictionary);
}

/**
 * For every theme: sentences written for this test (none is from the statement) that must get
 * the theme, and near misses that share its keywords but must not.
 */
const EXAMPLES: Record<ThemeId, { codes: string[]; nearMisses: string[] }> = {
  control: {
    codes: [
      'Parliament approved a bill to strengthen border guards on the northern frontier.',
      'The ministry reported a sharp fall in irregular crossings this winter.',
    ],
    nearMisses: [
      'The committee tightened control of the annual budget.',
      'The bird migration season begins in autumn.',
    ],
  },
  readmission: {
    codes: [
      'Several thousand people were returned to their country of origin last spring.',
      'The agency organised the readmission of rejected applicants.',
    ],
    nearMisses: [
      'She filed a tax return before the deadline.',
      'Investors expect a good return on investment this year.',
      'He asked for nothing in return.',
    ],
  },
  regular_pathways: {
    codes: [
      'The government opened new legal pathways for seasonal workers.',
      'Students from abroad will receive work permits after graduation.',
    ],
    nearMisses: [
      'The Global Compact for Safe, Orderly and Regular Migration was adopted in Marrakech.',
      'The committee discussed the difference between regular and irregular arrivals.',
    ],
  },
  integration: {
    codes: [
      'Language courses help newcomers settle into local society.',
      'The city funds the integration of refugees into the labour market.',
    ],
    nearMisses: [
      'Regional economic integration deepened in the last decade.',
      'Farmers discussed adaptation to climate change at the fair.',
    ],
  },
  humanitarian: {
    codes: [
      'The agency protects displaced children along the route.',
      'The principles of humanity and impartiality guide the relief effort.',
    ],
    nearMisses: [
      'The new phone offers protection against scratches.',
      'Our company supports local football clubs.',
    ],
  },
  security: {
    codes: [
      'Police arrested members of a criminal gang that smuggled people across the sea.',
      'Extremist propaganda spread quickly online.',
    ],
    nearMisses: [
      'Her social security payments were delayed.',
      'The company improved the security of its supply chain.',
    ],
  },
  root_causes: {
    codes: [
      'The civil war forced millions to flee their homes.',
      'Lasting peace is the best way to stop displacement.',
    ],
    nearMisses: [
      'She resolved a conflict of interest on the board.',
      'The causes of the delay were technical.',
    ],
  },
  sovereignty: {
    codes: [
      'Each government retains the sovereign right to decide who enters its territory.',
      'No agreement may undermine the territorial integrity of a state.',
    ],
    nearMisses: [
      'The engineers checked the structural integrity of the bridge.',
      'The internal audit found no errors.',
    ],
  },
  non_binding: {
    codes: [
      'The compact is a non-binding political declaration.',
      'No state shall be subject to compliance monitoring under this text.',
    ],
    nearMisses: ['The book has a leather binding.', 'The declaration of the winner was delayed.'],
  },
  responsibility: {
    codes: [
      'Rich countries should shoulder a fair share of the costs of hosting refugees.',
      'Who is responsible for the cost of protection remains disputed.',
    ],
    nearMisses: [
      'Sharing information on smuggling routes helps both countries.',
      'The ministers exchanged data on arrivals.',
    ],
  },
  cooperation: {
    codes: [
      'The two ministries signed a bilateral agreement on data exchange.',
      'Regional cooperation on search and rescue has improved.',
    ],
    nearMisses: ['There is no agreement on the date.', 'The weather was fine all week.'],
  },
  process: {
    codes: [
      'The delegations resumed negotiations on the draft text.',
      'Civil society groups asked to join the next session.',
    ],
    nearMisses: [
      'The digestion process takes several hours.',
      'The bird migration process begins in autumn.',
    ],
  },
};

describe('every theme on examples not from the statement', () => {
  it('has examples for each of the twelve themes of the codebook', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...THEME_IDS].sort());
  });

  describe.each(THEME_IDS)('%s', (theme) => {
    it.each(EXAMPLES[theme].codes)('codes "%s"', (sentence) => {
      const coding = themesOf(sentence).find((t) => t.theme === theme);
      expect(coding, `no ${theme} in "${sentence}"`).toBeDefined();
      for (const e of coding!.evidence) {
        expect(sentence.slice(e.start, e.end)).toBe(e.text);
        expect(e.rule.startsWith(`${theme}.`)).toBe(true);
      }
    });

    it.each(EXAMPLES[theme].nearMisses)('does not code the near miss "%s"', (sentence) => {
      expect(themesOf(sentence).map((t) => t.theme)).not.toContain(theme);
    });
  });

  it('codes the same themes inside a document as for the sentence alone', () => {
    const sentences = THEME_IDS.map((theme) => EXAMPLES[theme].codes[0]);
    const doc = build(sentences.join(' '));
    expect(doc.sentences.map((s) => s.text)).toEqual(sentences);
    doc.sentences.forEach((s, i) => {
      expect(s.themes.map((t) => t.theme)).toEqual(themesOf(sentences[i]).map((t) => t.theme));
      expect(s.themes.map((t) => t.theme)).toContain(THEME_IDS[i]);
    });
    const totals = doc.aggregates.themeTotals;
    expect(totals.map((t) => t.theme)).toEqual([...THEME_IDS]);
    for (const total of totals) {
      const coded = doc.sentences.filter((s) => s.themes.some((t) => t.theme === total.theme));
      expect(total.sentences).toBe(coded.length);
      expect(total.words).toBe(coded.reduce((n, s) => n + s.words, 0));
    }
  });

  it('keeps one piece of evidence per overlapping match, the longest', () => {
    const [control] = themesOf('States must manage migration flows and border crossings.');
    expect(control.theme).toBe('control');
    const spans = control.evidence.map((e) => [e.start, e.end]);
    for (let i = 1; i < spans.length; i++)
      expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
  });

  /*
   * A pattern string is one word sequence: "a|b c" reads as "(a or b) then c". These rules once
   * mixed the two readings; their alternatives of several words are now separate patterns.
   */
  describe('rules that once read "a|b c" as "(a or b) then c"', () => {
    it('humanitarian: "assist refugees" (humanitarian.assist-refugees needs "migrants")', () => {
      expect(themesOf('Aid agencies assist refugees in the camps.').map((t) => t.theme)).toContain(
        'humanitarian',
      );
    });

    it('integration: "climate adaptation" is not vetoed (integration.adaptation)', () => {
      expect(
        themesOf('Farmers discussed climate adaptation at the fair.').map((t) => t.theme),
      ).not.toContain('integration');
    });
  });

  it('lets a negation cue veto a treaty: "no agreement" is not cooperation', () => {
    expect(themesOf('They reached an agreement.').map((t) => t.theme)).toContain('cooperation');
    expect(themesOf('They reached no agreement.').map((t) => t.theme)).not.toContain('cooperation');
  });
});
