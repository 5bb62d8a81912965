// Reads a V8 heap snapshot (.heapsnapshot, as Node writes on --heapsnapshot-signal) and names what
// holds the memory: per constructor the count, shallow and retained bytes, and the single objects
// retaining the most (retained size: what would be freed if the object went, from the dominator
// tree, weak edges left out, as Chrome DevTools computes it). `npm run bench -- --heap-snapshot`
// writes one under load and prints this; `tsx scripts/bench/heap-summary.ts <file>` reads any.
import { readFileSync } from "node:fs";

type Snapshot = {
  snapshot: {
    meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] };
    node_count: number;
    edge_count: number;
  };
  nodes: Float64Array;
  edges: Float64Array;
  strings: string[];
};

/** Reads `count` non-negative integers of a JSON array whose first value starts at `at`; returns them and where the array ends. */
function readNumbers(buffer: Buffer, at: number, count: number): { values: Float64Array; end: number } {
  const values = new Float64Array(count);
  let i = at;
  for (let k = 0; k < count; k++) {
    let c = buffer[i]!;
    while (c < 48 || c > 57) c = buffer[++i]!;
    let value = 0;
    while (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      c = buffer[++i]!;
    }
    values[k] = value;
  }
  return { values, end: buffer.indexOf("]", i) };
}

/**
 * A snapshot under load is often larger than the longest string V8 can make (512 MB), so it is read
 * as bytes: the header and the strings through JSON.parse, the node and edge arrays (most of the
 * file) as numbers straight from the bytes.
 */
function readSnapshot(file: string): Snapshot {
  const buffer = readFileSync(file);
  const after = (token: string, from: number) => {
    const found = buffer.indexOf(token, from);
    if (found < 0) throw new Error(`${file} is not a V8 heap snapshot (no ${token})`);
    return found + token.length;
  };
  const nodesAt = after('"nodes":[', 0);
  const header = buffer.subarray(buffer.indexOf("{"), buffer.lastIndexOf(",", nodesAt)).toString("utf8");
  const { snapshot } = JSON.parse(`${header}}`) as Pick<Snapshot, "snapshot">;
  const nodes = readNumbers(buffer, nodesAt, snapshot.node_count * snapshot.meta.node_fields.length);
  const edges = readNumbers(buffer, after('"edges":[', nodes.end), snapshot.edge_count * snapshot.meta.edge_fields.length);
  const stringsAt = after('"strings":', edges.end);
  const strings = JSON.parse(buffer.subarray(stringsAt, buffer.lastIndexOf("]") + 1).toString("utf8")) as string[];
  return { snapshot, nodes: nodes.values, edges: edges.values, strings };
}

export type HeapSummary = {
  totalBytes: number;
  nodeCount: number;
  byConstructor: Array<{ name: string; count: number; shallowBytes: number; retainedBytes: number }>;
  largestObjects: Array<{ name: string; type: string; heldAs: string; retainedBytes: number; shallowBytes: number }>;
};

export function summariseHeap(file: string, top = 12): HeapSummary {
  const data = readSnapshot(file);
  const meta = data.snapshot.meta;
  const nodeFieldCount = meta.node_fields.length;
  const edgeFieldCount = meta.edge_fields.length;
  const typeOffset = meta.node_fields.indexOf("type");
  const nameOffset = meta.node_fields.indexOf("name");
  const sizeOffset = meta.node_fields.indexOf("self_size");
  const edgeCountOffset = meta.node_fields.indexOf("edge_count");
  const edgeTypeOffset = meta.edge_fields.indexOf("type");
  const edgeToOffset = meta.edge_fields.indexOf("to_node");
  const edgeNameOffset = meta.edge_fields.indexOf("name_or_index");
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const weak = edgeTypes.indexOf("weak");
  const n = data.nodes.length / nodeFieldCount;
  const nodes = data.nodes;
  const edges = data.edges;

  // First edge of each node.
  const firstEdge = new Uint32Array(n + 1);
  for (let i = 0, e = 0; i < n; i++) {
    firstEdge[i] = e;
    e += nodes[i * nodeFieldCount + edgeCountOffset]! * edgeFieldCount;
    firstEdge[i + 1] = e;
  }
  const target = (e: number) => edges[e + edgeToOffset]! / nodeFieldCount;
  const followed = (e: number) => edges[e + edgeTypeOffset] !== weak;

  // Depth-first post-order from the root (node 0), strong edges only.
  const order = new Int32Array(n).fill(-1);
  const postOrder = new Uint32Array(n);
  let count = 0;
  const stack = new Uint32Array(n);
  const nextEdge = new Uint32Array(n);
  const visited = new Uint8Array(n);
  let top0 = 0;
  stack[0] = 0;
  visited[0] = 1;
  nextEdge[0] = firstEdge[0]!;
  while (top0 >= 0) {
    const v = stack[top0]!;
    const e = nextEdge[v]!;
    if (e < firstEdge[v + 1]!) {
      nextEdge[v] = e + edgeFieldCount;
      if (!followed(e)) continue;
      const w = target(e);
      if (!visited[w]) {
        visited[w] = 1;
        nextEdge[w] = firstEdge[w]!;
        stack[++top0] = w;
      }
    } else {
      order[v] = count;
      postOrder[count++] = v;
      top0--;
    }
  }

  // Predecessors (strong edges between reachable nodes), as a CSR list.
  const predCount = new Uint32Array(n + 1);
  for (let v = 0; v < n; v++) {
    if (order[v] === -1) continue;
    for (let e = firstEdge[v]!; e < firstEdge[v + 1]!; e += edgeFieldCount) if (followed(e) && order[target(e)] !== -1) predCount[target(e) + 1]!++;
  }
  for (let i = 0; i < n; i++) predCount[i + 1]! += predCount[i]!;
  const preds = new Uint32Array(predCount[n]!);
  const fill = predCount.slice(0, n);
  for (let v = 0; v < n; v++) {
    if (order[v] === -1) continue;
    for (let e = firstEdge[v]!; e < firstEdge[v + 1]!; e += edgeFieldCount) if (followed(e) && order[target(e)] !== -1) preds[fill[target(e)]!++] = v;
  }

  // Cooper–Harvey–Kennedy iterative dominators over post-order numbers.
  const idom = new Int32Array(count).fill(-1);
  const rootPo = order[0]!;
  idom[rootPo] = rootPo;
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while (a < b) a = idom[a]!;
      while (b < a) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let po = count - 1; po >= 0; po--) {
      if (po === rootPo) continue;
      const v = postOrder[po]!;
      let dom = -1;
      for (let p = predCount[v]!; p < predCount[v + 1]!; p++) {
        const q = order[preds[p]!]!;
        if (idom[q] === -1) continue;
        dom = dom === -1 ? q : intersect(q, dom);
      }
      if (dom !== -1 && idom[po] !== dom) {
        idom[po] = dom;
        changed = true;
      }
    }
  }

  // Retained sizes: children before parents in post-order.
  const retained = new Float64Array(count);
  for (let po = 0; po < count; po++) retained[po] = nodes[postOrder[po]! * nodeFieldCount + sizeOffset]!;
  for (let po = 0; po < count; po++) if (po !== rootPo && idom[po]! >= 0) retained[idom[po]!]! += retained[po]!;

  const nameOf = (v: number) => {
    const type = nodeTypes[nodes[v * nodeFieldCount + typeOffset]!]!;
    const name = data.strings[nodes[v * nodeFieldCount + nameOffset]!] ?? "";
    return { type, name: type === "object" || type === "native" || type === "closure" ? name : `(${type})` };
  };

  /** How the object is reached: a referrer's name and the property (or index) it is held under. */
  const heldAs = (v: number) => {
    const referrer = predCount[v]! < predCount[v + 1]! ? preds[predCount[v]!]! : undefined;
    if (referrer === undefined) return "";
    for (let e = firstEdge[referrer]!; e < firstEdge[referrer + 1]!; e += edgeFieldCount) {
      if (target(e) !== v) continue;
      const kind = edgeTypes[edges[e + edgeTypeOffset]!];
      const raw = edges[e + edgeNameOffset]!;
      const label = kind === "element" || kind === "hidden" ? `[${raw}]` : (data.strings[raw] ?? "");
      return `${nameOf(referrer).name.slice(0, 30)}.${label.slice(0, 40)}`;
    }
    return "";
  };

  const groups = new Map<string, { count: number; shallowBytes: number; retainedBytes: number }>();
  let totalBytes = 0;
  for (let po = 0; po < count; po++) {
    const v = postOrder[po]!;
    const shallow = nodes[v * nodeFieldCount + sizeOffset]!;
    totalBytes += shallow;
    const { name, type } = nameOf(v);
    if (type === "synthetic") continue;
    const group = groups.get(name) ?? { count: 0, shallowBytes: 0, retainedBytes: 0 };
    group.count += 1;
    group.shallowBytes += shallow;
    // A constructor's retained size counts only its outermost instances (not one held by another of its kind).
    const parent = idom[po]!;
    if (parent === po || nameOf(postOrder[parent]!).name !== name) group.retainedBytes += retained[po]!;
    groups.set(name, group);
  }
  const largest: Array<{ po: number; bytes: number }> = [];
  for (let po = 0; po < count; po++) {
    const v = postOrder[po]!;
    if (po === rootPo || nameOf(v).type === "synthetic") continue;
    largest.push({ po, bytes: retained[po]! });
  }
  largest.sort((a, b) => b.bytes - a.bytes);
  return {
    totalBytes,
    nodeCount: n,
    byConstructor: [...groups.entries()]
      .map(([name, g]) => ({ name, ...g }))
      .sort((a, b) => b.retainedBytes - a.retainedBytes)
      .slice(0, top),
    largestObjects: largest.slice(0, top).map(({ po, bytes }) => {
      const v = postOrder[po]!;
      return { ...nameOf(v), heldAs: heldAs(v), retainedBytes: bytes, shallowBytes: nodes[v * nodeFieldCount + sizeOffset]! };
    }),
  };
}

export function formatHeapSummary(summary: HeapSummary): string {
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  const lines = [`heap: ${mb(summary.totalBytes)} reachable in ${summary.nodeCount.toLocaleString("en")} objects`, "by constructor (retained / shallow / count):"];
  for (const g of summary.byConstructor) lines.push(`  ${g.name.slice(0, 60).padEnd(60)} ${mb(g.retainedBytes).padStart(10)} ${mb(g.shallowBytes).padStart(10)} ${String(g.count).padStart(9)}`);
  lines.push("largest single retainers (retained / shallow):");
  for (const o of summary.largestObjects) lines.push(`  ${`${o.name} [${o.type}] held as ${o.heldAs}`.slice(0, 90).padEnd(90)} ${mb(o.retainedBytes).padStart(10)} ${mb(o.shallowBytes).padStart(10)}`);
  return lines.join("\n");
}

if (process.argv[1]?.endsWith("heap-summary.ts") && process.argv[2]) {
  console.log(formatHeapSummary(summariseHeap(process.argv[2])));
}
