// The form: the document's fields as the schema describes them. Lists of projects or forms are sections
// that fold (built when first opened, so a long document stays quick); lists of indicators are grids.

import { page, hooks, element } from './context.js';
import { store, get, join, snapshot, changed } from './store.js';
import { isGrid, isList, isValueList, nameKey } from './schema.js';
import { field } from './fields.js';
import { grid } from './grid.js';

/** The document objects whose sections are open, kept across a list being rebuilt. */
const open = new WeakSet();
/** More items than this, and a list starts folded. */
const FOLD_BEYOND = 3;

export function renderEditor(container) {
  container.replaceChildren();
  if (store.doc && page.schema) {
    container.append(renderObject(page.schema.at(''), '', page.schema.json.title, []));
  }
}

function renderNode(node, path, label, required, titles) {
  if (isGrid(page.schema, node)) {
    return grid(node, path, label);
  }
  if (isList(node) && !isValueList(page.schema, node)) {
    return renderList(node, path, label, titles);
  }
  if (node.properties) {
    return renderObject(node, path, label, titles);
  }
  return field(path, node, label, required, titles);
}

function renderObject(node, path, label, titles) {
  const box = element('fieldset', { class: 'object', 'data-path': path, 'data-object': path });
  if (path !== '' && !/\/\d+$/.test(path)) {
    box.append(element('legend', { text: label }));
  }
  box.append(element('div', { class: 'computed-row', 'data-computed-for': path, hidden: true }));
  let row = null;
  const required = node.required || [];
  for (const [name, child] of Object.entries(node.properties)) {
    const resolved = page.schema.resolve(child);
    const childPath = join(path, name);
    const title = resolved.title || name;
    if (get(childPath) == null && (resolved.properties || isList(resolved)) && required.includes(name)) {
      store.doc && setSilently(childPath, page.schema.emptyValue(resolved));
    }
    const element_ = renderNode(resolved, childPath, title, required.includes(name), titles.concat(title));
    const wide = resolved.properties || isList(resolved) || resolved['x-multiline'];
    if (wide) {
      row = null;
      box.append(element_);
    } else {
      if (!row) {
        row = element('div', { class: 'fields' });
        box.append(row);
      }
      row.append(element_);
    }
  }
  return box;
}

/** A required list or group missing from a document read from a file is added, without counting as an edit. */
function setSilently(path, value) {
  const parts = path.split('/');
  const key = parts.pop();
  const parent = get(parts.join('/'));
  if (parent && typeof parent === 'object') {
    parent[key] = value;
  }
}

function renderList(node, path, label, titles) {
  const list = element('section', { class: 'list', 'data-path': path, 'data-list': path });
  fillList(list, node, path, label, titles);
  return list;
}

function fillList(list, node, path, label, titles) {
  const items = get(path) || [];
  const item = page.schema.resolve(node.items);
  const unit = item.title || '项';
  list.replaceChildren(element('h2', { class: 'list-title', text: label + '（' + items.length + '）' }));
  items.forEach((value, index) => {
    if (items.length <= FOLD_BEYOND && !open.has(value)) {
      open.add(value);
    }
    list.append(renderItem(node, item, path, index, unit, titles, () => fillList(list, node, path, label, titles)));
  });
  const add = element('button', { type: 'button', class: 'add', text: '添加' + unit, 'data-add-for': path });
  add.addEventListener('click', () => {
    items.push(page.schema.emptyValue(item));
    open.add(items[items.length - 1]);
    // A section just added is not wrong yet: its problems wait until it is typed in or checked.
    page.fresh.add(join(path, items.length - 1));
    fillList(list, node, path, label, titles);
    changed(path, true);
    focusFirst(join(path, items.length - 1));
  });
  list.append(add);
}

export function itemLabel(unit, index, value, item) {
  const key = nameKey(item);
  const name = key && value && value[key] ? String(value[key]) : '';
  return { number: unit + ' ' + (index + 1), name };
}

function renderItem(node, item, path, index, unit, titles, refill) {
  const items = get(path);
  const value = items[index];
  const itemPath = join(path, index);
  const details = element('details', { class: 'item', 'data-path': itemPath, 'data-item': itemPath });
  const label = itemLabel(unit, index, value, item);
  const summary = element('summary', {},
    element('span', { class: 'item-number', text: label.number }),
    element('span', { class: 'item-name', text: label.name || '（未命名）' }),
    element('span', { class: 'badges', 'data-badges-for': itemPath }),
    element('span', { class: 'item-tools' },
      tool('上移', '上移' + label.number, index === 0, () => move(index, -1)),
      tool('下移', '下移' + label.number, index === items.length - 1, () => move(index, 1)),
      tool('删除', '删除' + label.number, false, () => remove())));
  details.append(summary);
  const build = () => {
    if (!details.dataset.built) {
      details.dataset.built = 'true';
      const body = renderObject(item, itemPath, label.number, titles.concat(unit));
      details.append(body);
      hooks.built(body);
    }
  };
  // Opened by a jump to a problem, the section is built at once, not when the toggle event comes.
  details.build = build;
  details.addEventListener('toggle', () => {
    if (details.open) {
      open.add(value);
      build();
    } else {
      open.delete(value);
    }
  });
  if (open.has(value)) {
    details.open = true;
    build();
  }

  function move(at, delta) {
    const [moved] = items.splice(at, 1);
    items.splice(at + delta, 0, moved);
    refill();
    changed(path, true);
    const tools = document.querySelector('[data-item="' + CSS.escape(join(path, at + delta)) + '"] .item-tools');
    const again = tools && tools.children[delta < 0 ? 0 : 1];
    (again && !again.disabled ? again : tools && tools.children[2])?.focus();
  }

  function remove() {
    const before = snapshot();
    const name = label.name ? '「' + label.name + '」' : label.number;
    items.splice(index, 1);
    refill();
    changed(path, true);
    hooks.deleted('已删除' + unit + name, before, path);
  }
  return details;
}

function tool(text, label, disabled, action) {
  const button = element('button', { type: 'button', text, disabled, 'aria-label': label });
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    action();
  });
  return button;
}

/**
 * Opens the sections down to {@code path} and returns the element that shows it: its field, grid cell or
 * nearest enclosing group.
 */
export function reveal(path) {
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    const item = document.querySelector('#editor details[data-item="' + CSS.escape(prefix) + '"]');
    if (item && !item.open) {
      item.open = true;
      item.build?.();
    }
  }
  return locate(path);
}

/** The element that shows {@code path} as the page stands, folded sections left folded. */
export function locate(path) {
  let current = path;
  while (current !== undefined) {
    const found = document.querySelector('#editor [data-path="' + CSS.escape(current) + '"]');
    if (found) {
      return found;
    }
    if (current === '') {
      return null;
    }
    current = current.substring(0, current.lastIndexOf('/'));
  }
  return null;
}

export function focusFirst(path) {
  const container = reveal(path);
  const control = container && (container.matches('input, select, textarea') ? container
    : container.querySelector('input, select, textarea, .tabulator-cell[tabindex]'));
  if (control) {
    control.focus({ preventScroll: false });
    control.scrollIntoView({ block: 'center' });
  }
}

/** An item's name changed: its section heading follows. */
export function renameItem(path) {
  const match = /^(.*\/\d+)\/(name|projectName|unitName)$/.exec(path);
  const heading = match && document.querySelector('#editor details[data-item="' + CSS.escape(match[1]) + '"] > summary .item-name');
  if (heading) {
    heading.textContent = get(path) || '（未命名）';
  }
}

