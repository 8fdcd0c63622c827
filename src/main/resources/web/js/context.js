// What the page's modules share: the form in use, what the service last said, and hooks between modules.

import { store } from './store.js';

export const page = {
  /** id, title of every form type; the schema of each, once fetched. */
  forms: [],
  schemas: new Map(),
  formId: null,
  /** The Schema of the form in use. */
  schema: null,
  mode: 'form',
  /** Problems are shown for every field once loaded or asked for; on a blank form only where typed. */
  showAll: false,
  touched: new Set(),
  /** Sections added on the page: quiet, like a blank form, until typed in or checked. */
  fresh: new Set(),
  /** Messages about what was typed, by path, found before the service is asked. */
  typed: new Map(),
  problems: { errors: [], warnings: [] },
  computed: {},
  /** The workbook cell each value of an imported document came from, by path. */
  sources: {},
  /** What the import of a workbook warned about, shown until another document is loaded. */
  importNotes: [],
  /** The cells of an imported workbook that could not be read, each shown at its field until that field is edited. */
  importErrors: [],
};

/** Filled in by main.js, so that modules can call each other without importing in a circle. */
export const hooks = {
  built: () => {},
  deleted: () => {},
  unitChanged: () => {},
  reveal: () => null,
  /** A step undone or redone: the form shows the document restored, the keyboard at {@code path}. */
  restored: () => {},
  /** The form drawn again after the document changed under it (several fixes at once). */
  redraw: () => {},
  /** Takes back the typing in a grid cell still being edited; false when there is none. */
  cancelTyping: () => false,
};

export const $ = (id) => document.getElementById(id);

export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'class') {
      node.className = value;
    } else if (key === 'text') {
      node.textContent = value;
    } else if (key.startsWith('data-') || key.startsWith('aria-') || key === 'role' || key === 'for') {
      node.setAttribute(key, value);
    } else {
      node[key] = value;
    }
  }
  node.append(...children.filter((c) => c != null));
  return node;
}

/** The amount unit in force: the target table's 金额单位, else what a field's titles say. */
export function amountUnit(titles) {
  const root = page.schema.at('');
  if (root.properties && root.properties.amountUnit) {
    return (store.doc && store.doc.amountUnit) || '万元';
  }
  const text = titles.join(' ');
  return /万元/.test(text) ? '万元' : /元/.test(text) ? '元' : null;
}
