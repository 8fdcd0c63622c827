// The outline: units and their projects, or the forms, with a search box and each one's count of errors
// and warnings; choosing one opens it in the form.

import { page, hooks, element, $ } from './context.js';
import { store, join } from './store.js';
import { isGrid, isList, isValueList, nameKey } from './schema.js';
import { counts } from './problems.js';
import { showPageOf } from './preview.js';

/** Groups with more entries than this start folded. */
const FOLD_BEYOND = 3;
let last = [];

export function renderOutline() {
  const tree = $('outline-tree');
  tree.replaceChildren();
  if (!store.doc || !page.schema) {
    return;
  }
  const root = page.schema.at('');
  const lists = listsOf(root, '');
  const entries = lists.flatMap(([node, path]) => entriesOf(node, path, 0));
  tree.append(...entries);
  const many = tree.querySelectorAll('details.outline-group').length > FOLD_BEYOND;
  tree.querySelectorAll('details.outline-group').forEach((group) => {
    group.open = !many;
  });
  filter($('outline-search').value);
  updateCounts(last);
}

function listsOf(node, path) {
  return Object.entries(node.properties || {})
    .map(([name, child]) => [page.schema.resolve(child), join(path, name)])
    .filter(([child]) => isList(child) && !isGrid(page.schema, child) && !isValueList(page.schema, child));
}

function entriesOf(listNode, path, depth, parentName = '') {
  const item = page.schema.resolve(listNode.items);
  const key = nameKey(item);
  const values = (function read() {
    let value = store.doc;
    for (const part of path.split('/').slice(1)) {
      value = value && value[part];
    }
    return value || [];
  })();
  const names = values.map((value) => (key && value[key] ? String(value[key]) : '（未命名）'));
  const shown = shortNames(names, parentName);
  return values.map((value, index) => {
    const itemPath = join(path, index);
    const name = names[index];
    const button = element('button', { type: 'button', class: 'outline-entry', 'data-outline': itemPath, title: name },
      element('span', { class: 'outline-number', text: String(index + 1) }),
      element('span', { class: 'outline-name', text: shown[index] }),
      element('span', { class: 'badges', 'data-outline-badges': itemPath }));
    button.addEventListener('click', () => open(itemPath));
    const inner = listsOf(item, itemPath).flatMap(([child, childPath]) => entriesOf(child, childPath, depth + 1, name));
    if (inner.length === 0) {
      return element('li', { 'data-search': name }, button);
    }
    const group = element('details', { class: 'outline-group' }, element('summary', {}, button), element('ul', {}, ...inner));
    return element('li', { 'data-search': name }, group);
  });
}

/** Characters a shared beginning must have before it is left out: shorter, the names fit as they are. */
const SHARED = 6;
/** Characters of a name kept before what is left out, so that it still reads as itself. */
const KEPT = 4;

/**
 * The names of items side by side as the outline shows them in two lines: without their unit's name in front
 * (…2022年易址新建二期建设项目), and, where names begin alike, with the part they share left out, so that the part
 * that tells them apart is in sight (易址新建…开办费项目, 易址新建…运营经费补助项目).
 */
export function shortNames(names, parentName = '') {
  const own = names.map((name) => (parentName && name.length > parentName.length + 1 && name.startsWith(parentName)
    ? name.slice(parentName.length) : name));
  return own.map((name, i) => {
    const shared = Math.max(0, ...own.map((other, j) => (j === i ? 0 : common(name, other))));
    // What differs inside brackets is shown with them: …（第二批）, not …二批）.
    const bracket = Math.max(name.lastIndexOf('（', shared - 1), name.lastIndexOf('(', shared - 1));
    const from = bracket >= KEPT && shared - bracket <= KEPT ? bracket : shared;
    const cut = from >= SHARED && name.length - from >= 2;
    return (name !== names[i] ? '…' : '') + (cut ? name.slice(0, KEPT) + '…' + name.slice(from) : name);
  });
}

function common(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) {
    n++;
  }
  return n;
}

/** Opens an entry's section, scrolls it into view and puts the keyboard in its first field. */
function open(path) {
  const section = hooks.reveal(path);
  if (!section) {
    return;
  }
  document.querySelectorAll('#outline-tree .current').forEach((e) => e.classList.remove('current'));
  document.querySelector('#outline-tree [data-outline="' + CSS.escape(path) + '"]')?.classList.add('current');
  section.scrollIntoView({ block: 'start' });
  section.querySelector('input, select, textarea')?.focus({ preventScroll: true });
  showPageOf(path);
}

/** Shows the entries whose name holds the text, with the groups they are in. */
export function filter(text) {
  const wanted = text.trim();
  const items = [...document.querySelectorAll('#outline-tree li')];
  items.forEach((li) => {
    li.hidden = wanted !== '' && !li.dataset.search.includes(wanted)
      && !li.querySelector('li[data-search*="' + CSS.escape(wanted) + '"]');
    const group = li.querySelector(':scope > details');
    if (group && wanted !== '' && !li.hidden) {
      group.open = true;
    }
  });
  const found = items.filter((li) => !li.hidden).length;
  $('outline-found').textContent = wanted ? '找到 ' + found + ' 项' : '';
}

export function updateCounts(list) {
  last = list;
  document.querySelectorAll('#outline-tree [data-outline-badges]').forEach((span) => {
    span.replaceChildren(...counts(list, span.dataset.outlineBadges));
  });
}

/** A name typed in the form: its outline entry follows, and those of its siblings, whose short names may change. */
export function rename(path) {
  const match = /^(.*)\/(\d+)\/(name|projectName)$/.exec(path);
  const entry = match && document.querySelector('#outline-tree [data-outline="' + CSS.escape(match[1] + '/' + match[2]) + '"]');
  const list = entry && entry.closest('ul');
  if (!list) {
    return;
  }
  const siblings = [...list.querySelectorAll(':scope > li > .outline-entry, :scope > li > details > summary > .outline-entry')];
  const items = match[1].split('/').slice(1).reduce((v, p) => v && v[p], store.doc) || [];
  const names = items.map((item) => String((item && item[match[3]]) || '（未命名）'));
  const shown = shortNames(names, list.closest('li')?.dataset.search || '');
  siblings.forEach((button, i) => {
    if (names[i] !== undefined) {
      button.title = button.closest('li').dataset.search = names[i];
      button.querySelector('.outline-name').textContent = shown[i];
    }
  });
}
