// The actor network with cytoscape: who brokers, who negotiates with whom, who backs whom.
import cytoscape from 'cytoscape';
import { api, type NetworkEdge, type NetworkNode } from './api.js';
import { h } from './dom.js';
import { factButton } from './facts.js';
import { openEvidence } from './evidence.js';
import { navigate } from './router.js';

const RELATION_TEXT: Record<NetworkEdge['relation'], string> = {
  brokers: 'brokers talks with', negotiates_with: 'negotiates with', backs: 'backs', opposes: 'opposes',
};

function group(n: NetworkNode): string {
  if (n.roles.includes('guarantor') || n.roles.includes('mediator') || n.roles.includes('sponsor')) return 'broker';
  if (n.roles.includes('party')) return 'party';
  if (n.roles.includes('host')) return 'host';
  return 'other';
}

export async function renderNetwork(box: HTMLElement, list: HTMLElement, id: string): Promise<void> {
  const net = await api.network(id);
  if (net.nodes.length === 0) {
    box.remove();
    list.append(h('p', {}, 'No actors are known for this process.'));
    return;
  }
  const label = new Map(net.nodes.map((n) => [n.id, n.label]));
  // Hosts only host: leave them out of the picture unless something else links them.
  const linked = new Set(net.edges.flatMap((e) => [e.source, e.target]));
  const nodes = net.nodes.filter((n) => linked.has(n.id) || group(n) !== 'host');
  const cy = cytoscape({
    container: box,
    elements: [
      ...nodes.map((n) => ({ data: { id: n.id, label: n.label, group: group(n) } })),
      ...net.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, relation: e.relation, fact: e.fact, weight: e.weight } })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'text-wrap': 'wrap', 'text-max-width': '110px', 'text-valign': 'bottom', 'text-margin-y': 4, color: '#1b1b1b', width: 22, height: 22, 'background-color': '#6b7280', 'border-width': 2, 'border-color': '#fff' } },
      { selector: 'node[group = "broker"]', style: { 'background-color': '#1d5fa8', shape: 'diamond', width: 26, height: 26 } },
      { selector: 'node[group = "party"]', style: { 'background-color': '#b45309' } },
      { selector: 'node[group = "host"]', style: { 'background-color': '#9ca3af', shape: 'round-rectangle' } },
      { selector: 'edge', style: { width: 'mapData(weight, 1, 6, 1.5, 5)', 'curve-style': 'bezier', 'line-color': '#9ca3af', 'target-arrow-color': '#9ca3af', opacity: 0.9 } },
      { selector: 'edge[relation = "brokers"]', style: { 'line-color': '#1d5fa8', 'target-arrow-color': '#1d5fa8', 'target-arrow-shape': 'triangle', 'line-style': 'dashed' } },
      { selector: 'edge[relation = "negotiates_with"]', style: { 'line-color': '#b45309' } },
      { selector: 'edge[relation = "backs"]', style: { 'line-color': '#1f6f43', 'target-arrow-color': '#1f6f43', 'target-arrow-shape': 'triangle' } },
      { selector: 'edge[relation = "opposes"]', style: { 'line-color': '#a11d2b', 'target-arrow-color': '#a11d2b', 'target-arrow-shape': 'tee' } },
    ],
    // Deterministic: brokers in the middle, parties around them, everyone else outside.
    layout: {
      name: 'concentric', animate: false, padding: 30, minNodeSpacing: 50,
      concentric: (n: cytoscape.NodeSingular) => ({ broker: 3, party: 2, host: 1, other: 1 } as Record<string, number>)[String(n.data('group'))] ?? 1,
      levelWidth: () => 1,
    } as cytoscape.LayoutOptions,
    minZoom: 0.3,
    maxZoom: 3,
  });
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
  cy.on('tap', 'edge', (evt) => {
    const e = evt.target as cytoscape.EdgeSingular;
    void openEvidence(String(e.data('fact')), `${label.get(e.data('source') as string) ?? ''} ${RELATION_TEXT[e.data('relation') as NetworkEdge['relation']]} ${label.get(e.data('target') as string) ?? ''}`);
  });
  cy.on('tap', 'node', (evt) => navigate(`/actor/${encodeURIComponent(String((evt.target as cytoscape.NodeSingular).id()))}`));
  // The same relations as a list: keyboard and screen-reader users get everything the graph shows.
  list.append(h('details', { class: 'relations' },
    h('summary', {}, `${net.edges.length} relation${net.edges.length === 1 ? '' : 's'} between ${net.nodes.length} actors`),
    h('ul', {}, net.edges.map((e) => h('li', {},
      h('a', { href: `/actor/${encodeURIComponent(e.source)}`, 'data-link': true }, label.get(e.source) ?? e.source), ' ',
      factButton(e.fact, RELATION_TEXT[e.relation], `rel ${e.relation}`), ' ',
      h('a', { href: `/actor/${encodeURIComponent(e.target)}`, 'data-link': true }, label.get(e.target) ?? e.target),
      e.weight > 1 ? ` (${e.weight}×)` : '')))));
}
