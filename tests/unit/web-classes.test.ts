import { describe, expect, it } from 'vitest';
import { classString, edgeClasses, edgeDisplayLabel, evidenceClass, isContested, nodeClasses } from '../../web/src/graph/classes.js';
import { DEFAULTS } from '../../web/src/graph/defaults.js';
import { buildStylesheet, edgeWidth, KIND_STYLES } from '../../web/src/graph/stylesheet.js';

describe('style classes computed from data', () => {
  it('nodes get one class per kind', () => {
    expect(nodeClasses({ kind: 'MilitaryUnit' })).toEqual(['kind-MilitaryUnit']);
  });

  it('edges get status, evidence and line-style classes', () => {
    expect(edgeClasses({ status: 'active', evidenceCount: 1 })).toEqual(['status-active', 'evidence-1']);
    expect(edgeClasses({ status: 'ended', evidenceCount: 4 })).toEqual(['status-ended', 'evidence-4', 'ended']);
    expect(edgeClasses({ status: 'alleged', evidenceCount: 2 })).toEqual(['status-alleged', 'evidence-2', 'contested']);
    expect(edgeClasses({ status: 'disputed', evidenceCount: 9 })).toEqual(['status-disputed', `evidence-${DEFAULTS.evidenceClasses}`, 'contested']);
    expect(classString(edgeClasses({ status: 'ended', evidenceCount: 1 }))).toBe('status-ended evidence-1 ended');
  });

  it('evidence classes are clamped to 1…max', () => {
    expect(evidenceClass(0, 4)).toBe('evidence-1');
    expect(evidenceClass(3, 4)).toBe('evidence-3');
    expect(evidenceClass(40, 4)).toBe('evidence-4');
    expect(evidenceClass(Number.NaN, 4)).toBe('evidence-1');
  });

  it('only alleged and disputed are contested', () => {
    expect(['active', 'ended', 'alleged', 'disputed'].filter(isContested)).toEqual(['alleged', 'disputed']);
  });

  it('edge labels qualify every status but active, so an allegation never reads as fact', () => {
    expect(edgeDisplayLabel({ label: 'surveils', status: 'alleged' })).toBe('surveils (alleged)');
    expect(edgeDisplayLabel({ label: 'provides services to', status: 'ended' })).toBe('provides services to (ended)');
    expect(edgeDisplayLabel({ label: 'uses', status: 'active' })).toBe('uses');
  });

  it('does not write display state into the data it reads', () => {
    const data = Object.freeze({ status: 'alleged', evidenceCount: 2 } as const);
    expect(() => edgeClasses(data)).not.toThrow();
  });
});

describe('stylesheet', () => {
  const sheet = buildStylesheet();
  const selectors = sheet.map((b) => ('selector' in b ? b.selector : ''));

  it('styles every kind by class, with distinct colours and shapes', () => {
    for (const kind of Object.keys(KIND_STYLES)) expect(selectors).toContain(`node.kind-${kind}`);
    const styles = Object.values(KIND_STYLES);
    expect(new Set(styles.map((s) => s.color)).size).toBe(styles.length);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(styles.length);
  });

  it('styles every evidence class with a growing width, ended dashed and contested dotted', () => {
    for (let i = 1; i <= DEFAULTS.evidenceClasses; i++) expect(selectors).toContain(`edge.evidence-${i}`);
    expect(edgeWidth(2)).toBeGreaterThan(edgeWidth(1));
    const style = (sel: string) => (sheet.find((b) => 'selector' in b && b.selector === sel) as unknown as { style: Record<string, unknown> }).style;
    expect(style('edge.ended')['line-style']).toBe('dashed');
    expect(style('edge.contested')['line-style']).toBe('dotted');
  });
});
