import { ENTITY_STYLE, dateSpan, type ExplorerGraph } from './graph-state.js';

/**
 * The timeline strip: the dated events and laws of the view along time. Dragging across it
 * brushes a date range that filters the graph; a click without a drag clears it.
 */

const SVG = 'http://www.w3.org/2000/svg';
const PAD = 24;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

export class Timeline {
  private domain: [number, number] | null = null;
  private range: [number, number] | null = null;

  constructor(
    private readonly element: SVGSVGElement,
    private readonly onBrush: (range: [number, number] | null) => void,
    private readonly onPick: (id: string) => void,
  ) {
    let startX: number | null = null;
    element.addEventListener('pointerdown', (event) => {
      if ((event.target as Element).getAttribute('data-id')) return;
      startX = event.offsetX;
      element.setPointerCapture(event.pointerId);
    });
    element.addEventListener('pointermove', (event) => {
      if (startX === null || !this.domain) return;
      this.range = this.toRange(startX, event.offsetX);
      this.drawBrush();
    });
    element.addEventListener('pointerup', (event) => {
      if (startX === null) return;
      const moved = Math.abs(event.offsetX - startX) > 3;
      this.range = moved && this.domain ? this.toRange(startX, event.offsetX) : null;
      startX = null;
      this.drawBrush();
      this.onBrush(this.range);
    });
  }

  clear(): void {
    this.range = null;
    this.drawBrush();
    this.onBrush(null);
  }

  private width(): number {
    return this.element.clientWidth || 800;
  }

  private toRange(x1: number, x2: number): [number, number] {
    const [a, b] = [this.toTime(Math.min(x1, x2)), this.toTime(Math.max(x1, x2))];
    return [a, b];
  }

  private toTime(x: number): number {
    const [from, to] = this.domain!;
    const share = Math.min(1, Math.max(0, (x - PAD) / (this.width() - 2 * PAD)));
    return from + share * (to - from);
  }

  private toX(time: number): number {
    const [from, to] = this.domain!;
    return PAD + ((time - from) / (to - from || 1)) * (this.width() - 2 * PAD);
  }

  render(graph: ExplorerGraph): void {
    const items = graph
      .filterNodes((_node, attributes) => attributes.date !== null)
      .map((node) => {
        const attributes = graph.getNodeAttributes(node);
        return { id: node, attributes, span: dateSpan(attributes.date!)! };
      })
      .filter((item) => item.span);
    this.element.replaceChildren();
    const height = this.element.clientHeight || 80;
    const axisY = height - 18;
    if (items.length === 0) {
      this.domain = null;
      const empty = svg('text', { x: PAD, y: axisY - 10 });
      empty.textContent = 'No dated events in the view.';
      this.element.append(empty);
      return;
    }
    const from = Math.min(...items.map((item) => item.span[0]));
    const to = Math.max(...items.map((item) => item.span[1]));
    const margin = Math.max((to - from) * 0.03, 86_400_000 * 15);
    this.domain = [from - margin, to + margin];
    this.element.append(svg('line', { class: 'axis', x1: PAD, x2: this.width() - PAD, y1: axisY, y2: axisY }));
    const firstYear = new Date(this.domain[0]).getUTCFullYear();
    const lastYear = new Date(this.domain[1]).getUTCFullYear();
    const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 12));
    let ticks = 0;
    for (let year = firstYear; year <= lastYear + 1; year += step) {
      const x = this.toX(Date.UTC(year, 0, 1));
      if (x < PAD || x > this.width() - PAD) continue;
      ticks++;
      this.element.append(svg('line', { class: 'axis', x1: x, x2: x, y1: axisY, y2: axisY + 4 }));
      const label = svg('text', { x: x + 2, y: axisY + 13 });
      label.textContent = String(year);
      this.element.append(label);
    }
    if (ticks < 2) {
      // A short span: name its ends instead of years.
      const month = (time: number) => new Date(time).toISOString().slice(0, 7);
      const start = svg('text', { x: PAD, y: axisY + 13 });
      start.textContent = month(this.domain[0]);
      const end = svg('text', { x: this.width() - PAD, y: axisY + 13, 'text-anchor': 'end' });
      end.textContent = month(this.domain[1]);
      this.element.append(start, end);
    }
    // Stack events that fall close together.
    const lanes: number[] = [];
    items.sort((a, b) => a.span[0] - b.span[0]);
    for (const item of items) {
      const x = this.toX((item.span[0] + item.span[1]) / 2);
      let lane = lanes.findIndex((lastX) => x - lastX > 10);
      if (lane === -1) lane = lanes.length;
      lanes[lane] = x;
      const y = axisY - 8 - (lane % Math.max(1, Math.floor((axisY - 10) / 10))) * 10;
      const dot = svg('circle', { cx: x, cy: y, r: 4.5, fill: ENTITY_STYLE[item.attributes.entityType].color, 'data-id': item.id });
      const title = svg('title', {});
      title.textContent = `${item.attributes.date} · ${item.attributes.label}`;
      dot.append(title);
      dot.style.cursor = 'pointer';
      dot.addEventListener('click', () => this.onPick(item.id));
      this.element.append(dot);
    }
    this.drawBrush();
  }

  private drawBrush(): void {
    this.element.querySelector('.brush')?.remove();
    if (!this.range || !this.domain) return;
    const x1 = this.toX(this.range[0]);
    const x2 = this.toX(this.range[1]);
    this.element.prepend(svg('rect', { class: 'brush', x: x1, y: 2, width: Math.max(1, x2 - x1), height: (this.element.clientHeight || 80) - 20 }));
  }
}
