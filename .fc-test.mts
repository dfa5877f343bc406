import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
cytoscape.use(fcose);
const n = 100;
const nodes = Array.from({length:n},(_,i)=>({data:{id:'n'+i}}));
const edges = Array.from({length:150},(_,i)=>({data:{id:'e'+i, source:'n'+(i%n), target:'n'+((i*7+3)%n)}})).filter(e=>e.data.source!==e.data.target);
for (const styleEnabled of [false,true]) {
const t=performance.now();
const cy = cytoscape({headless:true, styleEnabled, elements:{nodes,edges}, style: styleEnabled? [{selector:'node',style:{width:34,height:34}}]: undefined});
cy.layout({name:'fcose', animate:false, randomize:true, quality:'proof', idealEdgeLength:()=>140, nodeRepulsion:()=>9000, nodeSeparation: 90} as any).run();
const ps = cy.nodes().map(x=>x.position());
console.log(styleEnabled, (performance.now()-t).toFixed(0),'ms', ps.slice(0,3), cy.nodes()[0].width());
}
