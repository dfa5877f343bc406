/** cytoscape-svg ships no typings: the extension, and the `cy.svg()` it adds. */
declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const ext: Ext;
  export default ext;
}
