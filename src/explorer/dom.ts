/** Builds elements from text only (never HTML strings), so API data can hold no markup. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

/** A sentence with some ranges (offsets into it) wrapped in <mark>. */
export function highlighted(sentence: string, ranges: [number, number][]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const sorted = ranges
    .map(([start, end]) => [Math.max(0, start), Math.min(sentence.length, end)] as [number, number])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [start, end] of sorted) {
    if (start < at) continue;
    fragment.append(sentence.slice(at, start), h('mark', {}, sentence.slice(start, end)));
    at = end;
  }
  fragment.append(sentence.slice(at));
  return fragment;
}

/** Saves a blob as a file through a temporary link. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
