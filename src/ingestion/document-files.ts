import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { DocumentInput } from '../domain/document.js';

/**
 * Document files are plain text with an optional header of `Key: value` lines, then a blank
 * line, then the body:
 *
 *     Title: Ministry warns students abroad
 *     Source: https://example.org/article
 *     Language: en
 *     Published: 2024-05-10
 *
 *     Body text…
 */
const HEADER_KEYS: Record<string, keyof DocumentInput> = {
  title: 'title',
  source: 'sourceUrl',
  url: 'sourceUrl',
  language: 'language',
  published: 'publishedAt',
  date: 'publishedAt',
};

export function parseDocumentFile(content: string): DocumentInput {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header: Partial<Record<keyof DocumentInput, string>> = {};
  let index = 0;
  for (; index < lines.length; index += 1) {
    const match = /^([A-Za-z]+):\s*(.*)$/.exec(lines[index] ?? '');
    const key = match ? HEADER_KEYS[match[1]!.toLowerCase()] : undefined;
    if (!match || !key) break;
    header[key] = match[2]!.trim();
  }
  // A header counts only when a blank line closes it; otherwise the whole file is the body.
  if (index === 0 || (lines[index] ?? '').trim() !== '') {
    return { text: content };
  }
  return { ...header, text: lines.slice(index + 1).join('\n') };
}

/** Files named on the command line are taken as they are; folders give their `.txt` files, sorted. */
export async function listDocumentFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      const children = entries
        .filter((entry) => !entry.name.startsWith('.') && (entry.isDirectory() || extname(entry.name) === '.txt'))
        .map((entry) => join(path, entry.name))
        .sort();
      files.push(...(await listDocumentFiles(children)));
    } else {
      files.push(path);
    }
  }
  return files;
}

export async function readDocumentFile(path: string): Promise<DocumentInput> {
  return parseDocumentFile(await readFile(path, 'utf8'));
}
