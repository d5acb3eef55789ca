import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RawRow } from '../../explain/rows';
import type { Explanation } from '../../explain/run';
import { describeSplit, pathOfRow } from '../../explain/treeText';
import { useI18n } from '../../i18n';
import type { TreeNode } from '../../ml/tree/cart';
import type { Report } from '../../report/report';

const BOX_W = 210;
/** Characters that fit in a box; longer text is cut with an ellipsis (the full text is its tooltip). */
const FITS = 30;
const clip = (text: string) => (text.length > FITS ? `${text.slice(0, FITS - 1)}…` : text);
const BOX_H = 46;
const GAP_X = 12;
const LEVEL_H = 86;

interface Placed {
  id: number;
  x: number;
  depth: number;
  /** Drawn without its children (off the chosen row's path, in the compact view). */
  folded: boolean;
}

/**
 * Positions of the visible nodes: leaves (and folded nodes) side by side in order, each parent centred over
 * its children (a simple tidy layout; Reingold & Tilford 1981 without the subtree compaction).
 */
function layout(nodes: TreeNode[], visible: (id: number) => boolean): Placed[] {
  const out: Placed[] = [];
  let next = 0;
  const place = (id: number, depth: number): number => {
    const node = nodes[id];
    const open = node.left >= 0 && visible(node.left);
    if (!open) {
      const x = next++;
      out.push({ id, x, depth, folded: node.left >= 0 });
      return x;
    }
    const x = (place(node.left, depth + 1) + place(node.right, depth + 1)) / 2;
    out.push({ id, x, depth, folded: false });
    return x;
  };
  place(0, 0);
  return out;
}

/**
 * The decision tree as a diagram: a box per question, "yes" to the left, the leaves' predictions, and the path
 * of the row chosen in the what-if editor highlighted. The compact view (default) opens only the nodes on that
 * path, so a depth-5 tree stays readable; "Show the whole tree" opens all of them. Its text alternative is the
 * path in words.
 */
export function TreeDiagram({
  explanation,
  report,
  row,
}: {
  explanation: Explanation;
  report: Report;
  row: RawRow | null;
}) {
  const { m, fmt } = useI18n();
  const t = m.results.explain;
  const [whole, setWhole] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  // The whole tree is wider than the page: open it centred on the root, where reading starts.
  useLayoutEffect(() => {
    const box = scroller.current;
    const root = box?.querySelector<SVGGElement>('[data-root]');
    if (!box || !root) return;
    const rootCentre = root.getBBox().width / 2 + (root.transform.baseVal[0]?.matrix.e ?? 0);
    box.scrollLeft = Math.max(0, rootCentre - box.clientWidth / 2);
  }, [whole]);
  const model = explanation.model;
  const pre = explanation.preprocessor;
  const nodes = model.kind === 'tree' ? model.nodes : [];
  const path = useMemo(
    () => (model.kind === 'tree' && row ? pathOfRow(model, pre, row) : [0]),
    [model, pre, row],
  );
  if (model.kind !== 'tree') return null;
  const onPath = new Set(path);
  const visible = (id: number) =>
    whole || onPath.has(nodes.findIndex((n) => n.left === id || n.right === id));
  const placed = layout(nodes, visible);
  const byId = new Map(placed.map((p) => [p.id, p]));
  const width = (Math.max(...placed.map((p) => p.x)) + 1) * (BOX_W + GAP_X);
  const height = (Math.max(...placed.map((p) => p.depth)) + 1) * LEVEL_H;
  const left = (p: Placed) => p.x * (BOX_W + GAP_X);
  const top = (p: Placed) => p.depth * LEVEL_H;
  const prediction = (node: TreeNode) => {
    if (report.task === 'regression') return fmt.quantity(node.value[0]);
    if (report.task === 'binary') return `${report.positiveClass ?? ''} ${fmt.percent(node.value[1], 0)}`;
    let best = 0;
    node.value.forEach((v, k) => {
      if (v > node.value[best]) best = k;
    });
    return `${report.classes[best]} ${fmt.percent(node.value[best], 0)}`;
  };
  const question = (node: TreeNode) => `${describeSplit(pre, node.feature, node.threshold).left}?`;
  const steps = path.slice(0, -1).map((id, i) => {
    const node = nodes[id];
    const split = describeSplit(pre, node.feature, node.threshold);
    return path[i + 1] === node.left ? split.left : split.right;
  });
  const leaf = nodes[path[path.length - 1]];
  return (
    <div className="tree" id="tree" data-testid="tree-diagram">
      <h3>{t.tree}</h3>
      <p className="hint">{t.treeHint}</p>
      <label className="check">
        <input type="checkbox" checked={whole} onChange={(e) => setWhole(e.target.checked)} />
        {t.wholeTree}
      </label>
      <p data-testid="tree-path">
        {t.pathSentence(steps.join(' → '), t.leaf(prediction(leaf), fmt.integer(leaf.samples)))}
      </p>
      <div className="tree-scroll" ref={scroller}>
        <svg width={width} height={height} role="img" aria-label={t.treeLabel}>
          {placed.map((p) => {
            const node = nodes[p.id];
            if (node.left < 0 || p.folded) return null;
            return [node.left, node.right].map((child, side) => {
              const c = byId.get(child);
              if (!c) return null;
              const active = onPath.has(p.id) && onPath.has(child);
              const x1 = left(p) + BOX_W / 2;
              const y1 = top(p) + BOX_H;
              const x2 = left(c) + BOX_W / 2;
              const y2 = top(c);
              return (
                <g key={child}>
                  <line
                    x1={x1}
                    y1={y1}
                    x2={x2}
                    y2={y2}
                    className={active ? 'tree-edge active' : 'tree-edge'}
                  />
                  <text x={(x1 + x2) / 2 + (side === 0 ? -14 : 14)} y={(y1 + y2) / 2} className="tree-branch">
                    {side === 0 ? t.yes : t.no}
                  </text>
                </g>
              );
            });
          })}
          {placed.map((p) => {
            const node = nodes[p.id];
            const isLeaf = node.left < 0;
            const active = onPath.has(p.id);
            return (
              <g
                key={p.id}
                data-root={p.id === 0 ? '' : undefined}
                transform={`translate(${left(p)},${top(p)})`}
                className={`tree-node${active ? ' active' : ''}${isLeaf ? ' leaf' : ''}${p.folded ? ' folded' : ''}`}
              >
                <title>{isLeaf || p.folded ? prediction(node) : question(node)}</title>
                <rect width={BOX_W} height={BOX_H} rx={6} />
                <text x={8} y={18}>
                  {clip(isLeaf || p.folded ? prediction(node) : question(node))}
                </text>
                <text x={8} y={36} className="tree-sub">
                  {p.folded ? t.folded(fmt.integer(node.samples)) : t.rows(fmt.integer(node.samples))}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
