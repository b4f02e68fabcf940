// The designer canvas: AntV X6 (UMD build, window.X6) behind a small API. JS owns the view and the gestures, C# owns
// the model: .NET hears about a gesture once it is finished (never per pointer move) and answers with model updates.
const X6_URL = 'lib/x6/x6.min.js';
const INLINE_LIMIT = 16000; // bytes; Blazor Server rejects client messages over 32 KB, larger deltas are streamed.
const NODE_WIDTH = 210;
// Below this zoom a node's text is unreadable; a draft that only fits below it opens at READABLE_SCALE at its
// top-left instead, and virtual rendering keeps what is off screen out of the DOM.
// The editor opened the 8-node demo at 0.37 in a 1440x900 window (5 px titles): below 0.5 titles are not legible,
// so it opens readable at the graph's start instead (the minimap shows the rest). Read-only canvases (a run, a
// diff) must show the whole graph at once and keep fitting down to WHOLE_GRAPH_MIN_SCALE.
const MIN_FIT_SCALE = 0.5;
// Auto-layout and "fit" (Shift+1) place the view to work in, not for a first look: they never zoom the editor below
// READABLE_MIN_SCALE (titles ~8 px); a draft that fits only below it is shown from its start at READABLE_SCALE.
const READABLE_MIN_SCALE = 0.6;
const WHOLE_GRAPH_MIN_SCALE = 0.3;
const READABLE_SCALE = 0.8;
const VIRTUAL_MARGIN = 60;
// A port is drawn as a circle of r 6 (about 2 px at low zoom); an invisible rectangle around it takes the pointer.
// It is as tall as the spacing of output ports (18), so neighbouring ports never cover each other, and it grows
// into the node, not out of it: facing ports of nodes placed side by side (the demo leaves 10 between them) must
// not cover each other. It comes after the circle: X6 ends edges on a port's first shape, so edges still meet it.
const PORT_HIT = { y: -9, width: 22, height: 18, fill: 'transparent', stroke: 'none', cursor: 'crosshair' };
const PORT_MARKUP = [{ tagName: 'circle', selector: 'circle' }, { tagName: 'rect', selector: 'hit' }];
const COLORS = { added: '#2e7d32', removed: '#c62828', changed: '#ef6c00', running: '#1565c0', completed: '#2e7d32', failed: '#c62828', waiting: '#ef6c00' };
// Run statuses: stroke and fill of a node on the run page.
const RUN_COLORS = {
  pending: ['#8a94a6', '#ffffff'], running: ['#1565c0', '#e3f2fd'], succeeded: ['#2e7d32', '#e8f5e9'], failed: ['#c62828', '#ffebee'],
  waiting: ['#ef6c00', '#fff3e0'], skipped: ['#b0b7c3', '#f5f5f5'], degraded: ['#8e24aa', '#f3e5f5'],
};

let x6Loading;
function loadX6() {
  if (window.X6) return Promise.resolve(window.X6);
  x6Loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = X6_URL;
    script.onload = () => resolve(window.X6);
    script.onerror = () => reject(new Error(`Could not load ${X6_URL}`));
    document.head.appendChild(script);
  });
  return x6Loading;
}

function registerShapes(X6) {
  if (registerShapes.done) return;
  registerShapes.done = true;
  // No inherit: the built-in shapes style every <text> by tag name, which would centre our labels.
  X6.Graph.registerNode('designer-node', {
    width: NODE_WIDTH,
    height: 64,
    markup: [
      { tagName: 'rect', selector: 'body' }, { tagName: 'image', selector: 'icon' },
      { tagName: 'text', selector: 'name' }, { tagName: 'text', selector: 'summary' },
      { tagName: 'circle', selector: 'badge' }, { tagName: 'text', selector: 'badgeText' },
    ],
    attrs: {
      body: { refWidth: '100%', refHeight: '100%', rx: 6, ry: 6, fill: '#ffffff', stroke: '#8a94a6', strokeWidth: 1.5 },
      icon: { x: 8, y: 8, width: 20, height: 20 },
      name: { x: 34, y: 23, fontSize: 13, fontWeight: 600, fill: '#1f2937', textAnchor: 'start', textVerticalAnchor: 'middle' },
      summary: { x: 10, y: 46, fontSize: 11, fill: '#6b7280', textAnchor: 'start', textVerticalAnchor: 'middle' },
      badge: { refX: '100%', cx: -4, cy: 4, r: 9, fill: '#c62828', display: 'none' },
      badgeText: { refX: '100%', x: -4, y: 8, fontSize: 11, fill: '#fff', textAnchor: 'middle', display: 'none' },
    },
    ports: {
      groups: {
        in: { position: 'left', markup: PORT_MARKUP, attrs: { circle: { r: 6, stroke: '#5f95ff', fill: '#fff' }, hit: { ...PORT_HIT, x: -7, magnet: 'passive' } } },
        out: {
          position: 'right', label: { position: 'left' }, markup: PORT_MARKUP,
          attrs: { circle: { r: 6, stroke: '#5f95ff', fill: '#fff' }, hit: { ...PORT_HIT, x: -15, magnet: true }, text: { fontSize: 10, fill: '#6b7280', pointerEvents: 'none' } },
        },
      },
    },
  }, true);
}

// X6 deep-clones and merges a view class's default options for every view it creates, and it creates one for
// every cell, on screen or not (about a quarter of `load()` for 2,200 cells, profiled); the defaults never change
// after start-up, so each class computes them once and a view gets a shallow copy with its graph.
function withCachedOptions(Base) {
  return class extends Base {
    static getOptions(options) {
      const keys = Object.keys(options ?? {});
      if (keys.length > 1 || (keys.length === 1 && keys[0] !== 'graph')) return super.getOptions(options);
      if (!Object.hasOwn(this, 'cachedOptions')) this.cachedOptions = super.getOptions({});
      return { ...this.cachedOptions, graph: options?.graph };
    }
  };
}

let cellViews;
const cellViewsOf = X6 => (cellViews ??= { node: withCachedOptions(X6.NodeView), edge: withCachedOptions(X6.EdgeView) });

// The minimap draws nodes as plain boxes and no edges: it is an overview, and it shares the model, so every cell
// it drew in full would be rendered (and kept in sync) twice.
function minimapGraphOptions(X6) {
  class BoxView extends withCachedOptions(X6.NodeView) {
    renderMarkup() { return this.renderJSONMarkup({ tagName: 'rect', selector: 'body' }); }
    update() { super.update({ body: { refWidth: '100%', refHeight: '100%', fill: '#c5cde0', stroke: 'none' } }); }
  }
  return { async: true, createCellView: cell => (cell.isNode() ? BoxView : null) };
}

// The magnet is the port's hit rectangle; X6 puts the port's id and group on the element around it.
const portGroup = magnet => magnet?.closest('[port-group]')?.getAttribute('port-group');

const truncate = (text, max) => (text && text.length > max ? `${text.slice(0, max - 1)}…` : text ?? '');

const nodeHeight = dto => Math.max(64, 28 + 18 * dto.outputs.length);

function nodeMeta(dto, icons) {
  const height = nodeHeight(dto);
  const items = [
    ...dto.inputs.map(id => ({ id, group: 'in' })),
    ...dto.outputs.map(id => ({ id, group: 'out', attrs: { text: { text: id } } })),
  ];
  return {
    size: { width: NODE_WIDTH, height },
    ports: items,
    attrs: {
      icon: { 'xlink:href': icons[dto.kind] ?? '' },
      name: { text: truncate(dto.name, 22) },
      summary: { text: truncate(dto.summary, 26) },
    },
    data: { kind: dto.kind, name: dto.name, config: dto.config ?? {}, summary: dto.summary ?? '' },
  };
}

function toNodeJson(dto, icons) {
  const meta = nodeMeta(dto, icons);
  return { id: dto.id, shape: 'designer-node', x: dto.x, y: dto.y, ...meta, ports: { items: meta.ports } };
}

function toEdgeJson(e) {
  return { id: e.id, shape: 'edge', source: { cell: e.from.node, port: e.from.port }, target: { cell: e.to.node, port: e.to.port }, ...EDGE_STYLE };
}

const badgeAttrs = count => ({
  badge: { display: count ? 'block' : 'none' },
  badgeText: { display: count ? 'block' : 'none', text: String(count) },
});
const edgeBadgeAttrs = count => ({ line: { stroke: count ? COLORS.removed : '#8a94a6' } });
// Adds attrs to a cell's JSON, merging per selector (badge attrs must not drop the shape's own ones).
const merge = (json, attrs) => ({
  ...json,
  attrs: Object.fromEntries(Object.entries({ ...json.attrs, ...attrs }).map(([k, v]) => [k, { ...json.attrs?.[k], ...v }])),
});
const withBadge = (json, count) => (count ? merge(json, badgeAttrs(count)) : json);
const withEdgeBadge = (json, count) => (count ? merge(json, edgeBadgeAttrs(count)) : json);

const EDGE_STYLE = { zIndex: -1, connector: { name: 'smooth' }, attrs: { line: { stroke: '#8a94a6', strokeWidth: 1.5, targetMarker: 'classic' } } };

class DesignerCanvas {
  constructor(X6, host, dotnet, options) {
    this.X6 = X6;
    this.dotnet = dotnet;
    this.icons = options.icons ?? {};
    this.readOnly = !!options.readOnly;
    this.dirty = new Set();
    this.pointerDown = false;
    this.suppress = 0;
    this.history = { canUndo: false, canRedo: false };
    this.pending = null;
    this.graph = this.createGraph(X6, host.querySelector('[data-canvas-surface]'));
    this.cullEdgesByTerminals();
    this.installPlugins(X6, host.querySelector('[data-canvas-minimap]'));
    this.listen(host);
  }

  createGraph(X6, container) {
    const canvas = this;
    return new X6.Graph({
      container,
      autoResize: true,
      // Only cells in (or near) the viewport are in the DOM; panning and zooming render the rest on demand. With
      // that, rendering synchronously is cheaper than X6's frame-sliced async queue, which paints in instalments.
      virtual: { enabled: true, margin: VIRTUAL_MARGIN },
      async: false,
      createCellView: cell => (cell.isNode() ? cellViewsOf(X6).node : cellViewsOf(X6).edge),
      grid: { size: 10, visible: true },
      panning: { enabled: true, modifiers: 'shift' },
      mousewheel: { enabled: true, zoomAtMousePosition: true, modifiers: ['ctrl', 'meta'], minScale: 0.1, maxScale: 3 },
      interacting: this.readOnly ? false : { nodeMovable: true, edgeMovable: true },
      connecting: {
        snap: { radius: 24 }, allowBlank: false, allowLoop: false, allowNode: false, allowEdge: false,
        allowMulti: 'withPort', highlight: true,
        validateMagnet: ({ magnet }) => portGroup(magnet) === 'out',
        validateConnection: args => canvas.canConnect(args),
        createEdge: () => canvas.graph.createEdge({ shape: 'edge', ...EDGE_STYLE }),
      },
    });
  }

  // Virtual rendering asks of every edge, on every render-area change, whether its box meets the area, and X6
  // computes that box from the exact port positions (the port layout of both nodes, for each of the 1,200 edges of
  // a large draft). Our edges have no vertices and a smooth connector between ports on the nodes' borders, so the
  // box around both nodes contains the edge: testing that instead only ever renders a few more edges, never fewer.
  cullEdgesByTerminals() {
    const schedule = this.graph.renderer.schedule;
    const exact = schedule.isUpdatable.bind(schedule);
    schedule.isUpdatable = view => {
      const area = schedule.renderArea;
      const edge = view.isEdgeView() ? view.cell : null;
      const [source, target] = edge ? [edge.getSourceCell(), edge.getTargetCell()] : [];
      if (!area || !source || !target || edge.getVertices().length) return exact(view);
      return area.isIntersectWithRect(source.getBBox().union(target.getBBox()));
    };
  }

  // Output → input only, no self loops, no duplicate edges; ports carry their kind in their group.
  canConnect({ edge, sourceCell, targetCell, sourcePort, targetPort, sourceMagnet, targetMagnet }) {
    if (!sourceCell || !targetCell || !sourceMagnet || !targetMagnet || sourceCell === targetCell) return false;
    if (portGroup(sourceMagnet) !== 'out' || portGroup(targetMagnet) !== 'in') return false;
    return !this.graph.getOutgoingEdges(sourceCell)?.some(e => e !== edge && e.getSourcePortId() === sourcePort
      && e.getTargetCellId() === targetCell.id && e.getTargetPortId() === targetPort);
  }

  installPlugins(X6, minimap) {
    const g = this.graph;
    if (this.readOnly) {
      this.exporter = new X6.Export();
      g.use(this.exporter);
      return;
    }
    this.historyPlugin = new X6.History({ enabled: true, beforeAddCommand: (_, args) => !args?.options?.ignoreHistory });
    this.selection = new X6.Selection({ enabled: true, multiple: true, rubberband: true, movable: true, showNodeSelectionBox: true });
    this.clipboard = new X6.Clipboard({ enabled: true });
    // Global, so shortcuts work before anyone clicks the canvas; the guard leaves typing in fields and dialogs alone.
    this.keyboard = new X6.Keyboard({ enabled: true, global: true, guard: e => !isTypingOrDialog(e) });
    this.exporter = new X6.Export();
    [this.historyPlugin, this.selection, this.clipboard, this.keyboard, this.exporter, new X6.Snapline({ enabled: true })].forEach(p => g.use(p));
    if (minimap) g.use(new X6.MiniMap({ container: minimap, width: 200, height: 140, padding: 10, graphOptions: minimapGraphOptions(X6) }));
    this.bindKeys();
  }

  bindKeys() {
    const k = this.keyboard;
    const run = fn => e => { e?.preventDefault?.(); fn(); return false; };
    k.bindKey(['ctrl+z', 'meta+z'], run(() => this.undo()));
    k.bindKey(['ctrl+y', 'meta+y', 'ctrl+shift+z', 'meta+shift+z'], run(() => this.redo()));
    k.bindKey(['ctrl+c', 'meta+c'], run(() => this.copy()));
    k.bindKey(['ctrl+v', 'meta+v'], run(() => this.paste()));
    k.bindKey(['ctrl+a', 'meta+a'], run(() => this.selection.select(this.graph.getCells())));
    k.bindKey(['delete', 'backspace'], run(() => this.removeSelected()));
    k.bindKey(['shift+1'], run(() => this.zoomToFit()));
    k.bindKey(['ctrl+s', 'meta+s', 'shift+/'], e => { e?.preventDefault?.(); this.dotnet.invokeMethodAsync('OnShortcut', e?.key === '?' ? 'help' : 'save'); return false; });
  }

  listen(host) {
    const g = this.graph;
    const mark = ({ cell }) => this.mark(cell);
    g.on('cell:added', mark);
    g.on('cell:removed', mark);
    g.on('node:change:position', mark);
    g.on('cell:change:data', mark);
    // Undoing a config edit restores the data; the body's name and summary follow it.
    g.on('node:change:data', ({ node }) => this.render(node));
    g.on('edge:change:source', mark);
    g.on('edge:change:target', mark);
    g.on('edge:connected', ({ edge }) => this.mark(edge));
    g.on('node:dblclick', ({ node }) => this.dotnet.invokeMethodAsync('OnNodeDoubleClicked', node.id));
    g.on('selection:changed', () => this.reportSelection());
    this.historyPlugin?.on('change', () => this.reportHistory());
    // Undo and redo also bring back the viewport the edit was made in, so the change happens where it can be seen.
    this.viewAtEdit = new WeakMap();
    this.historyPlugin?.on('add', ({ cmds }) => { if (cmds?.[0]) this.viewAtEdit.set(cmds[0], this.viewport()); });
    this.historyPlugin?.on('undo', ({ cmds }) => this.restoreViewport(cmds));
    this.historyPlugin?.on('redo', ({ cmds }) => this.restoreViewport(cmds));
    // Any pointer gesture (drag, connect, rubber band) holds the delta back until the pointer is released.
    this.surface = host.querySelector('[data-canvas-surface]');
    this.onPointerDown = () => { this.pointerDown = true; };
    this.onPointerUp = () => { if (this.pointerDown) { this.pointerDown = false; this.schedule(); } };
    this.surface.addEventListener('pointerdown', this.onPointerDown, true);
    document.addEventListener('pointerup', this.onPointerUp, true);
    if (this.readOnly) {
      // No selection plugin when read-only: a click on a node is the selection (the run page's inspector follows it).
      g.on('node:click', ({ node }) => this.dotnet.invokeMethodAsync('OnSelectionChanged', [node.id], []));
      g.on('blank:click', () => this.dotnet.invokeMethodAsync('OnSelectionChanged', [], []));
      return;
    }
    this.onDragOver = e => { if (e.dataTransfer?.types.includes('application/x-designer-kind')) e.preventDefault(); };
    this.onDrop = e => {
      const kind = e.dataTransfer?.getData('application/x-designer-kind');
      if (!kind) return;
      e.preventDefault();
      const p = g.clientToLocal(e.clientX, e.clientY);
      this.dotnet.invokeMethodAsync('OnNodeDropped', kind, Math.round(p.x - NODE_WIDTH / 2), Math.round(p.y - 32));
    };
    this.surface.addEventListener('dragover', this.onDragOver);
    this.surface.addEventListener('drop', this.onDrop);
  }

  mark(cell) {
    if (this.suppress > 0) return;
    this.dirty.add(cell.id);
    this.schedule();
  }

  // One callback per finished gesture: nothing while a pointer is down, then one debounced delta.
  schedule() {
    clearTimeout(this.timer);
    if (this.pointerDown || this.dirty.size === 0) return;
    this.timer = setTimeout(() => this.flush(), 60);
  }

  flush() {
    const delta = { nodes: [], edges: [], removedNodes: [], removedEdges: [] };
    for (const id of this.dirty) {
      const cell = this.graph.getCellById(id);
      if (cell?.isNode()) {
        const d = cell.getData() ?? {};
        const p = cell.getPosition();
        delta.nodes.push({ id, kind: d.kind, name: d.name, x: Math.round(p.x), y: Math.round(p.y), config: d.config ?? {} });
      } else if (cell?.isEdge() && cell.getSourceCellId() && cell.getTargetCellId()) {
        delta.edges.push({ id, from: { node: cell.getSourceCellId(), port: cell.getSourcePortId() }, to: { node: cell.getTargetCellId(), port: cell.getTargetPortId() } });
      } else {
        delta.removedNodes.push(id);
        delta.removedEdges.push(id);
      }
    }
    this.dirty.clear();
    const json = JSON.stringify(delta);
    if (new TextEncoder().encode(json).length <= INLINE_LIMIT) {
      this.dotnet.invokeMethodAsync('OnGraphChanged', json);
    } else {
      this.pending = json;
      this.dotnet.invokeMethodAsync('OnGraphChanged', null);
    }
  }

  // .NET pulls a large delta as a stream (chunked, so no single message exceeds the hub limit).
  takePending() {
    const bytes = new TextEncoder().encode(this.pending ?? '{}');
    this.pending = null;
    return bytes;
  }

  reportSelection() {
    const cells = this.selection?.getSelectedCells() ?? [];
    const nodes = cells.filter(c => c.isNode()).map(c => c.id);
    const edges = cells.filter(c => c.isEdge()).map(c => c.id);
    this.dotnet.invokeMethodAsync('OnSelectionChanged', nodes, edges);
  }

  reportHistory() {
    if (!this.historyPlugin) return;
    const now = { canUndo: this.historyPlugin.canUndo(), canRedo: this.historyPlugin.canRedo() };
    if (now.canUndo === this.history.canUndo && now.canRedo === this.history.canRedo) return;
    this.history = now;
    this.dotnet.invokeMethodAsync('OnHistoryChanged', now.canUndo, now.canRedo);
  }

  silently(fn) { this.suppress++; try { fn(); } finally { this.suppress--; } }

  load(doc) {
    performance.mark('designer:load:start');
    const badges = { nodes: doc.nodeProblems ?? {}, edges: doc.edgeProblems ?? {} };
    this.badges = badges;
    const cells = [
      ...doc.nodes.map(n => withBadge(toNodeJson(n, this.icons), badges.nodes[n.id])),
      ...doc.edges.map(e => withEdgeBadge(toEdgeJson(e), badges.edges[e.id])),
    ];
    // The view is placed before the cells exist, so only what will be on screen is ever rendered. While fromJSON
    // resets the model an edge cannot resolve its terminals yet (its box is the origin, so virtual rendering would
    // draw every edge): the cells are built with nothing in the render area, then the real area mounts what it meets.
    if (doc.fit) this.placeView(doc.nodes.map(n => ({ x: n.x, y: n.y, width: NODE_WIDTH, height: nodeHeight(n) })), MIN_FIT_SCALE);
    const area = this.renderArea();
    const nowhere = area.clone();
    Object.assign(nowhere, { x: -1e9, y: -1e9, width: 1, height: 1 });
    this.graph.renderer.setRenderArea(nowhere);
    this.silently(() => this.graph.fromJSON({ cells }));
    this.graph.renderer.setRenderArea(area);
    for (const id of [...Object.keys(badges.nodes), ...Object.keys(badges.edges)]) this.markProblems(id);
    performance.measure('designer:load:model', 'designer:load:start');
    this.historyPlugin?.clean();
    this.reportHistory();
    // Resolves after the frame that paints the loaded cells; the measure is what the benchmark reads.
    return new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => {
      performance.measure('designer:load', 'designer:load:start');
      resolve(this.graph.getCellCount());
    })));
  }

  // Fits the draft when it is readable fitted; a large one opens readable at its top-left (the minimap shows it all).
  placeView(nodes, minEditorFit) {
    if (nodes.length === 0) return;
    const box = nodes.reduce((b, n) => ({
      x1: Math.min(b.x1, n.x), y1: Math.min(b.y1, n.y),
      x2: Math.max(b.x2, n.x + n.width), y2: Math.max(b.y2, n.y + n.height),
    }), { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity });
    const [w, h, pad] = [this.surface.clientWidth, this.surface.clientHeight, 40];
    const fit = Math.min(1, (w - 2 * pad) / (box.x2 - box.x1), (h - 2 * pad) / (box.y2 - box.y1));
    const minFit = this.readOnly ? WHOLE_GRAPH_MIN_SCALE : minEditorFit;
    const scale = fit >= minFit ? fit : READABLE_SCALE;
    const [tx, ty] = fit >= minFit
      ? [(w - (box.x2 - box.x1) * scale) / 2 - box.x1 * scale, (h - (box.y2 - box.y1) * scale) / 2 - box.y1 * scale]
      : [pad - box.x1 * scale, Math.max(pad, (h - (box.y2 - box.y1) * scale) / 2) - box.y1 * scale];
    this.graph.scale(scale);
    this.graph.translate(tx, ty);
  }

  // What X6's own (throttled) render-area update computes; load needs it now.
  renderArea() {
    return this.graph.getGraphArea().clone().inflate(VIRTUAL_MARGIN, VIRTUAL_MARGIN);
  }

  addNode(dto) {
    const node = this.graph.addNode(toNodeJson(dto, this.icons));
    this.selection?.reset(node);
  }

  updateNode(dto) {
    const node = this.graph.getCellById(dto.id);
    if (!node?.isNode()) return;
    const meta = nodeMeta(dto, this.icons);
    this.graph.batchUpdate('edit', () => {
      node.setData(meta.data, { overwrite: true });
      node.resize(meta.size.width, meta.size.height);
      const wanted = new Set(meta.ports.map(p => p.id));
      node.getPorts().filter(p => !wanted.has(p.id)).forEach(p => node.removePort(p.id));
      meta.ports.filter(p => !node.hasPort(p.id)).forEach(p => node.addPort(p));
    });
    this.render(node);
  }

  render(node) {
    const d = node.getData() ?? {};
    node.attr({ name: { text: truncate(d.name, 22) }, summary: { text: truncate(d.summary, 26) } }, { ignoreHistory: true });
  }

  removeCells(ids) { this.graph.removeCells(ids.map(id => this.graph.getCellById(id)).filter(Boolean)); }

  removeSelected() {
    const cells = this.selection.getSelectedCells();
    if (cells.length) this.graph.removeCells(cells);
  }

  select(ids) {
    const cells = ids.map(id => this.graph.getCellById(id)).filter(Boolean);
    this.selection?.reset(cells);
    if (cells.length === 1 && cells[0].isNode()) this.graph.centerCell(cells[0]);
  }

  copy() { const cells = this.selection.getSelectedCells(); if (cells.length) this.clipboard.copy(cells); }

  paste() {
    if (this.clipboard.isEmpty()) return;
    const cells = this.clipboard.paste({ offset: 32 });
    this.selection.reset(cells);
  }

  viewport() {
    const { sx, sy } = this.graph.scale();
    const { tx, ty } = this.graph.translate();
    return { sx, sy, tx, ty };
  }

  restoreViewport(cmds) {
    const view = cmds?.[0] && this.viewAtEdit.get(cmds[0]);
    if (!view) return;
    this.graph.scale(view.sx, view.sy);
    this.graph.translate(view.tx, view.ty);
  }

  undo() { this.historyPlugin.undo(); }

  redo() { this.historyPlugin.redo(); }

  // Fit, but never below legible: a large graph is then shown from its start (the minimap shows the rest).
  zoomToFit() {
    this.placeView(this.graph.getNodes().map(n => ({ ...n.getPosition(), ...n.getSize() })), READABLE_MIN_SCALE);
  }

  // Positions computed in C# (left-to-right layering), applied as one undoable step.
  applyLayout(positions) {
    this.graph.batchUpdate('layout', () => {
      for (const [id, p] of Object.entries(positions)) this.graph.getCellById(id)?.setPosition(p.x, p.y);
    });
    this.zoomToFit();
  }

  // Problem counts per node and edge; only cells whose count changed are touched.
  setBadges(nodes, edges) {
    const previous = this.badges ?? { nodes: {}, edges: {} };
    this.badges = { nodes, edges };
    this.silently(() => {
      for (const id of new Set([...Object.keys(previous.nodes), ...Object.keys(nodes)])) {
        const node = this.graph.getCellById(id);
        if (!node || (nodes[id] ?? 0) === (previous.nodes[id] ?? 0)) continue;
        node.attr(badgeAttrs(nodes[id] ?? 0), { ignoreHistory: true });
        this.markProblems(id);
      }
      for (const id of new Set([...Object.keys(previous.edges), ...Object.keys(edges)])) {
        const edge = this.graph.getCellById(id);
        if (!edge || (edges[id] ?? 0) === (previous.edges[id] ?? 0)) continue;
        edge.attr(edgeBadgeAttrs(edges[id] ?? 0), { ignoreHistory: true });
        this.markProblems(id);
      }
    });
  }

  // data-problems on the cell's element (views exist for off-screen cells too, just not in the DOM).
  markProblems(id) {
    const cell = this.graph.getCellById(id);
    const count = (cell?.isNode() ? this.badges.nodes[id] : this.badges.edges[id]) ?? 0;
    if (cell) this.graph.findViewByCell(cell)?.container.setAttribute('data-problems', String(count));
  }

  // Paints a node by run status. stampMs is when the event happened on the server (Unix ms). Measurement hook, off
  // unless a test or benchmark installs window.__designerPaints = [] before the page loads: then it keeps every paint
  // in order with the delay from the event to the frame that shows it (same clock on one host).
  setRunStatus(nodeId, status, stampMs) {
    const node = this.graph.getCellById(nodeId);
    if (!node) return;
    const [stroke, fill] = RUN_COLORS[status] ?? RUN_COLORS.pending;
    this.silently(() => node.attr({ body: { stroke, fill, strokeWidth: status && status !== 'pending' ? 3 : 1.5, strokeDasharray: status === 'skipped' ? '4 3' : null } }, { ignoreHistory: true }));
    this.graph.findViewByCell(node)?.container.setAttribute('data-run-status', status ?? '');
    const paints = window.__designerPaints;
    if (!Array.isArray(paints)) return;
    if (paints.length >= 10000) paints.shift();
    const paint = { nodeId, status, ms: null };
    paints.push(paint);
    if (stampMs) requestAnimationFrame(() => { paint.ms = performance.timeOrigin + performance.now() - stampMs; });
  }

  // Colours a diff: node and edge ids mapped to added / removed / changed.
  setDiff(nodes, edges) {
    this.silently(() => {
      for (const [id, state] of Object.entries(nodes)) {
        const node = this.graph.getCellById(id);
        node?.attr({ body: { stroke: COLORS[state], strokeWidth: 3, strokeDasharray: state === 'removed' ? '6 3' : null } }, { ignoreHistory: true });
        if (node) this.graph.findViewByCell(node)?.container.setAttribute('data-diff', state);
      }
      for (const [id, state] of Object.entries(edges)) {
        const edge = this.graph.getCellById(id);
        edge?.attr({ line: { stroke: COLORS[state], strokeWidth: 2.5, strokeDasharray: state === 'removed' ? '6 3' : null } }, { ignoreHistory: true });
        if (edge) this.graph.findViewByCell(edge)?.container.setAttribute('data-diff', state);
      }
    });
  }

  // Virtual rendering keeps off-screen cells out of the DOM, and the export clones the DOM (synchronously).
  exportSvg(fileName) {
    this.graph.disableVirtualRender();
    // X6's own exportSVG revokes its blob URL before Chromium has started the download; ours waits. Styles are not
    // copied: the cells' look is in their attributes, and copying computed styles of every element takes seconds.
    try {
      this.exporter.toSVG(svg => download(fileName, svg, 'image/svg+xml'), { preserveDimensions: true, copyStyles: false });
    } finally {
      this.graph.enableVirtualRender();
    }
  }

  dispose() {
    clearTimeout(this.timer);
    document.removeEventListener('pointerup', this.onPointerUp, true);
    this.surface?.removeEventListener('pointerdown', this.onPointerDown, true);
    this.surface?.removeEventListener('dragover', this.onDragOver);
    this.surface?.removeEventListener('drop', this.onDrop);
    this.graph.dispose();
  }
}

let paletteWired = false;
function wirePalette() {
  if (paletteWired) return;
  paletteWired = true;
  document.addEventListener('dragstart', e => {
    const kind = e.target?.closest?.('[data-palette-kind]')?.getAttribute('data-palette-kind');
    if (kind) { e.dataTransfer.setData('application/x-designer-kind', kind); e.dataTransfer.effectAllowed = 'copy'; }
  });
}

export async function create(host, dotnet, options) {
  const X6 = await loadX6();
  registerShapes(X6);
  wirePalette();
  return new DesignerCanvas(X6, host, dotnet, options ?? {});
}

export function download(fileName, text, mime) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function isTypingOrDialog(e) {
  const t = e?.target;
  if (!t || !(t instanceof Element)) return false;
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)
    || !!t.closest('.mud-dialog, .mud-popover, [role=dialog], [role=listbox]');
}
