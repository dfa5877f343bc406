/**
 * The embed's canvas: Cytoscape with the explorer's stylesheet (and classes derived from data by
 * graph/classes.ts), positions from the server (preset layout: no layout code in this bundle),
 * hover highlight, and a dark theme.
 */
import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';
import type { CyElements } from '../../../server/src/contracts/elements.js';
import { classString, edgeClasses, nodeClasses } from '../graph/classes.js';
import { DEFAULTS } from '../graph/defaults.js';
import { buildStylesheet } from '../graph/stylesheet.js';

/** Extra rules of the embed: hover highlight and the dark theme. */
function embedStyles(theme: 'light' | 'dark'): StylesheetJson {
  const rules: StylesheetJson = [
    { selector: '.dim', style: { opacity: 0.18 } },
    { selector: 'edge.hover', style: { label: 'data(label)', 'z-index': 10, width: 4 } },
  ];
  if (theme === 'dark') {
    rules.push(
      { selector: 'node', style: { color: '#e5e7eb', 'text-background-color': '#111827', 'border-color': '#111827' } },
      { selector: 'edge', style: { color: '#d1d5db', 'text-outline-color': '#111827' } },
      { selector: 'edge:selected', style: { 'line-color': '#f5b301', 'target-arrow-color': '#f5b301', color: '#f5b301' } },
      { selector: 'node:selected', style: { 'border-color': '#f5b301' } },
    );
  }
  return rules;
}

export function createEmbedCanvas(
  container: HTMLElement,
  elements: CyElements,
  positions: Record<string, { x: number; y: number }>,
  options: { theme: 'light' | 'dark'; interactive: boolean },
): Core {
  const cy = cytoscape({
    container,
    style: [...buildStylesheet(), ...embedStyles(options.theme)],
    elements: {
      nodes: elements.nodes.map((n) => ({ data: { ...n.data }, classes: classString(nodeClasses(n.data)), position: { ...(positions[n.data.id] ?? { x: 0, y: 0 }) } })),
      edges: elements.edges.map((e) => ({ data: { ...e.data }, classes: classString(edgeClasses(e.data)) })),
    },
    layout: { name: 'preset', fit: true, padding: 24 },
    minZoom: 0.1,
    maxZoom: 3,
    wheelSensitivity: 0.3,
    boxSelectionEnabled: false,
    selectionType: 'single',
    userZoomingEnabled: options.interactive,
    userPanningEnabled: options.interactive,
    autoungrabify: true,
    autounselectify: !options.interactive,
  });
  if (cy.edges().length <= DEFAULTS.edgeLabelsUpTo) cy.edges().addClass('show-label');
  fit(cy);
  if (options.interactive) attachHover(cy);
  return cy;
}

/** Fits everything, never zooming a small graph in beyond the explorer's limit. */
export function fit(cy: Core): void {
  cy.fit(undefined, 24);
  if (cy.zoom() > DEFAULTS.maxFitZoom) {
    cy.zoom(DEFAULTS.maxFitZoom);
    cy.center();
  }
}

/** Hovering an actor dims everything but its neighbourhood; hovering an edge, everything but it and its ends. */
function attachHover(cy: Core): void {
  const clear = () => cy.elements().removeClass('dim hover');
  cy.on('mouseover', 'node', (e) => {
    const keep = e.target.closedNeighborhood();
    cy.batch(() => cy.elements().not(keep).addClass('dim'));
  });
  cy.on('mouseover', 'edge', (e) => {
    const keep = e.target.union(e.target.connectedNodes());
    cy.batch(() => {
      cy.elements().not(keep).addClass('dim');
      e.target.addClass('hover');
    });
  });
  cy.on('mouseout', 'node, edge', clear);
}
