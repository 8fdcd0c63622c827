// A list of indicators as a grid like the paper form, one row an indicator, with the vendored Tabulator:
// Tab and Enter move between cells, rows are added, moved and removed, rows copied from Excel or WPS paste
// into the columns they came from. Every cell carries the data-path of its value.

import { TabulatorFull as Tabulator } from '../vendor/tabulator/tabulator_esm.min.js';
import { page, hooks, element, amountUnit } from './context.js';
import { get, set, join, snapshot, changed } from './store.js';
import { kindOf } from './schema.js';
import { readerFor } from './typing.js';
import { matchChoice, level1Value, choicesOf } from './fields.js';
import { paste } from './paste.js';
import { seal } from './history.js';
import { keys } from './grid-keys.js';
import { decorate, cellText } from './grid-marks.js';

export { decorate, showComputed } from './grid-marks.js';
export { cancelTyping } from './grid-keys.js';

/** Every grid on the page by its path, to mark problems and computed figures in. */
export const grids = new Map();

export function grid(node, path, label) {
  const item = page.schema.resolve(node.items);
  const names = Object.keys(item.properties);
  const box = element('section', { class: 'grid-box', 'data-path': path, 'data-grid': path });
  const holder = element('div', { class: 'grid' });
  const notes = element('ul', { class: 'grid-problems' });
  const totals = element('p', { class: 'computed-row grid-totals', hidden: true });
  const unit = item.title || '行';
  const add = element('button', { type: 'button', text: '添加' + unit, 'data-add-for': path });
  const up = element('button', { type: 'button', text: '上移', 'aria-label': '上移所选' + unit });
  const down = element('button', { type: 'button', text: '下移', 'aria-label': '下移所选' + unit });
  const remove = element('button', { type: 'button', text: '删除', 'aria-label': '删除所选' + unit });
  box.append(
    element('div', { class: 'grid-head' },
      element('h3', { text: label }),
      element('div', { class: 'grid-tools' }, add, up, down, remove),
      element('span', { class: 'hint', text: 'Tab、Enter 换格；Ctrl+Z 撤销；可从 Excel、WPS 复制多行粘贴' })),
    holder, notes, totals);

  const state = { path, item, names, box, notes, totals, current: null, editing: null };
  const table = new Tabulator(holder, {
    data: rowsOf(path),
    layout: 'fitColumns',
    renderVertical: 'basic',
    movableRows: true,
    placeholder: '还没有' + unit + '：按「添加' + unit + '」，或从 Excel 粘贴',
    columns: [{ rowHandle: true, formatter: 'handle', headerSort: false, frozen: true, width: 26, minWidth: 26, resizable: false }]
      .concat(names.map((name) => column(state, name, page.schema.resolve(item.properties[name])))),
  });
  state.table = table;
  grids.set(path, state);

  table.on('tableBuilt', () => {
    state.built = true;
    refresh(state);
    hooks.built(box);
    state.whenBuilt?.();
    state.whenBuilt = null;
  });
  table.on('cellEditing', (cell) => {
    state.editing = cell;
    state.current = cell.getRow();
    state.openedWith = null;
    // A cell opens with its text selected: what is typed replaces it (and filters a drop-down's list at once) —
    // unless typing came first, as it does from a quick hand, which is then kept whole.
    let typedFirst = false;
    const typing = () => {
      typedFirst = true;
    };
    cell.getElement().addEventListener('input', typing, true);
    setTimeout(() => {
      cell.getElement().removeEventListener('input', typing, true);
      const input = cell.getElement().querySelector('input[type="search"], input, textarea');
      state.openedWith = input && !typedFirst ? input.value : '';
      if (!typedFirst) {
        input?.select();
      }
    });
  });
  table.on('cellEdited', (cell) => edited(state, cell));
  // Tabulator follows only the window's size with rows drawn in full: a column given or taken width (the 目录
  // folded, the preview hidden) lays the columns out again.
  let width = 0;
  new ResizeObserver(([entry]) => {
    const now = Math.round(entry.contentRect.width);
    if (state.built && width && now !== width) {
      // The columns fitted first, then the rows drawn again at their new heights.
      table.redraw();
      table.redraw(true);
    }
    width = now;
  }).observe(holder);
  table.on('rowMoved', () => {
    forgetFresh(state);
    structural(state);
  });
  holder.addEventListener('focusin', (event) => {
    const row = event.target.closest('.tabulator-row');
    if (row) {
      state.current = table.getRows().find((r) => r.getElement() === row) || state.current;
    }
  });
  holder.addEventListener('keydown', (event) => keys(state, event), true);
  holder.addEventListener('paste', (event) => paste(state, event, { emptyRow, structural }), true);

  add.addEventListener('click', () => addRow(state));
  up.addEventListener('click', () => moveRow(state, -1));
  down.addEventListener('click', () => moveRow(state, 1));
  remove.addEventListener('click', () => removeRow(state));
  return box;
}

function rowsOf(path) {
  return (get(path) || []).map((row) => Object.assign({}, row));
}

function column(state, name, node) {
  const kind = kindOf(node);
  const definition = {
    title: node.title || name,
    field: name,
    headerSort: false,
    minWidth: kind === 'choice' ? 92 : kind === 'decimal' ? 60 : 96,
    widthGrow: kind === 'choice' || kind === 'decimal' ? 1 : 2,
    formatter: (cell) => format(state, cell, kind, node),
  };
  if (kind === 'choices' || kind === 'enum') {
    // Several of a list ticked together (偏差原因), or one of a fixed list (完成目标可能性), which may be cleared.
    definition.editor = 'list';
    definition.editorParams = (cell) => ({
      values: kind === 'choices' ? choicesOf(node) : node.enum.filter((v) => v != null).map(String),
      multiselect: kind === 'choices',
      listOnEmpty: true,
      allowEmpty: true,
      elementAttributes: { 'data-path': pathOf(state, cell) },
    });
  } else if (kind === 'choice') {
    definition.editor = 'list';
    definition.editorParams = (cell) => ({
      values: choicesFor(node, cell.getRow().getData()).map((c) => ({ label: c.label, value: c.value })),
      autocomplete: true,
      listOnEmpty: true,
      allowEmpty: false,
      elementAttributes: { 'data-path': pathOf(state, cell) },
    });
  } else {
    definition.editor = kind === 'multiline' || kind === 'lines' ? 'textarea' : 'input';
    definition.editorParams = (cell) => ({
      elementAttributes: { 'data-path': pathOf(state, cell), maxlength: String(node.maxLength || 5000) },
      shiftEnterSubmit: true,
    });
  }
  return definition;
}

function choicesFor(node, row) {
  const all = node['x-choices'];
  if (!all.some((c) => c.parent)) {
    return all;
  }
  const parent = level1Value(row.level1);
  return all.filter((c) => c.parent === parent);
}

export function pathOf(state, cell) {
  return join(join(state.path, state.table.getRows().indexOf(cell.getRow())), cell.getField());
}

/** A cell's text: a choice by its coded label, a figure the service works out greyed when the cell is empty. */
function format(state, cell, kind, node) {
  const element_ = cell.getElement();
  element_.dataset.path = pathOf(state, cell);
  const value = cell.getValue();
  if (kind === 'choice') {
    const choice = matchChoice(node['x-choices'], value);
    return document.createTextNode(choice ? choice.label : value == null ? '' : String(value));
  }
  if ((value == null || value === '') && page.computed[element_.dataset.path]) {
    return element('span', { class: 'computed-value', text: page.computed[element_.dataset.path], title: '留空自动计算' });
  }
  return element('span', { class: 'cell-text', text: cellText(value, kind) });
}

function edited(state, cell) {
  const field = cell.getField();
  const path = pathOf(state, cell);
  const node = page.schema.resolve(state.item.properties[field]);
  const kind = kindOf(node);
  let value = cell.getValue();
  page.touched.add(path);
  const read = readerFor(kind, { unit: () => amountUnit([]), choices: kind === 'choices' ? choicesOf(node) : [] });
  if (read) {
    const result = read(value);
    if (result.error) {
      page.typed.set(path, result.error);
    } else {
      page.typed.delete(path);
      value = result.value;
      if (JSON.stringify(value) !== JSON.stringify(cell.getValue())) {
        cell.getRow().update({ [field]: value });
      }
    }
  }
  if (field === 'level1') {
    keepLevel2(state, cell.getRow());
  }
  set(path, value, { required: (state.item.required || []).includes(field) });
  seal();
  // A text longer or shorter than the one it replaced: the row takes the height of its tallest cell again.
  cell.getRow().normalizeHeight();
  decorate(state);
}

/** A 二级指标 that does not belong to the new 一级指标 becomes the first that does. */
function keepLevel2(state, row) {
  const node = state.item.properties.level2 && page.schema.resolve(state.item.properties.level2);
  if (!node) {
    return;
  }
  const data = row.getData();
  const fits = choicesFor(node, data);
  const current = matchChoice(node['x-choices'], data.level2);
  if (fits.length && (!current || !fits.includes(current))) {
    row.update({ level2: fits[0].value });
    const index = state.table.getRows().indexOf(row);
    set(join(join(state.path, index), 'level2'), fits[0].value, { required: true });
  }
}

/** Rows added, moved, pasted or removed: the document's list follows the grid's. */
function structural(state) {
  const clean = state.table.getData().map((row) => {
    const out = {};
    for (const name of state.names) {
      if (row[name] !== undefined && row[name] !== null && row[name] !== '' && !(Array.isArray(row[name]) && !row[name].length)) {
        out[name] = row[name];
      }
    }
    return out;
  });
  const [parentPath, key] = [state.path.substring(0, state.path.lastIndexOf('/')), state.path.split('/').pop()];
  get(parentPath)[key] = clean;
  refresh(state);
  changed(state.path, true);
}

/** Every cell's data-path again, and the marks of problems: after rows moved, their paths did. */
export function refresh(state) {
  state.table.getRows().forEach((row, index) => {
    for (const cell of row.getCells()) {
      const field = cell.getField();
      if (field) {
        cell.getElement().dataset.path = join(join(state.path, index), field);
      }
    }
  });
  decorate(state);
}

function emptyRow(state) {
  const value = page.schema.emptyValue(state.item);
  const previous = state.current && state.current.getData();
  if (previous && previous.level1) {
    value.level1 = previous.level1;
    if (previous.level2) {
      value.level2 = previous.level2;
    }
  }
  return value;
}

/** A new row below the current one (or at the end), its 三级指标 open for typing: focus stays where work is. */
export function addRow(state, field = 'name') {
  // A cell still being edited keeps what was typed in it before the new row takes the keyboard.
  const active = document.activeElement;
  if (state.box.contains(active) && active.matches('input, textarea')) {
    active.blur();
  }
  const after = state.current && state.table.getRows().includes(state.current) ? state.current : null;
  return state.table.addRow(emptyRow(state), false, after || undefined).then((row) => {
    state.current = row;
    // A row just added is not wrong yet: its problems wait until it is typed in or checked.
    page.fresh.add(join(state.path, state.table.getRows().indexOf(row)));
    structural(state);
    const cell = row.getCell(field) || row.getCell('name') || row.getCells()[1];
    cell.edit(true);
    // The new row's cell in sight, with room under it for a drop-down's list.
    cell.getElement().scrollIntoView({ block: 'nearest', inline: 'nearest' });
    return row;
  });
}

/** Rows just added are known by their index: once rows move or go, their problems show as the rest's do. */
function forgetFresh(state) {
  for (const path of [...page.fresh]) {
    if (path.startsWith(state.path + '/')) {
      page.fresh.delete(path);
    }
  }
}

function moveRow(state, delta) {
  forgetFresh(state);
  const rows = state.table.getRows();
  const row = state.current;
  const index = rows.indexOf(row);
  const target = rows[index + delta];
  if (index < 0 || !target) {
    return;
  }
  row.move(target, delta > 0);
  structural(state);
  row.getCells()[1].getElement().focus();
}

function removeRow(state) {
  forgetFresh(state);
  const rows = state.table.getRows();
  const row = state.current && rows.includes(state.current) ? state.current : null;
  if (!row) {
    return;
  }
  const before = snapshot();
  const index = rows.indexOf(row);
  const name = row.getData().name;
  row.delete().then(() => {
    state.current = state.table.getRows()[Math.min(index, state.table.getRows().length - 1)] || null;
    structural(state);
    hooks.deleted('已删除第 ' + (index + 1) + ' 行' + (name ? '「' + name + '」' : ''), before, state.path);
  });
}

/** Puts the keyboard in a cell, opening its editor. */
export function focusCell(path) {
  for (const state of grids.values()) {
    if (path.startsWith(state.path + '/')) {
      if (!state.built) {
        // A grid just opened has no rows until Tabulator has built it: the keyboard goes there then.
        state.whenBuilt = () => focusCell(path);
        return true;
      }
      const [index, field] = path.substring(state.path.length + 1).split('/');
      const row = state.table.getRows()[Number(index)];
      const cell = row && (field ? row.getCell(field) : row.getCells()[1]);
      if (cell) {
        state.current = row;
        cell.getElement().scrollIntoView({ block: 'center' });
        cell.edit(true);
        return true;
      }
    }
  }
  return false;
}

/** Forgets grids no longer on the page. */
export function prune() {
  for (const [path, state] of grids) {
    if (!state.box.isConnected) {
      grids.delete(path);
    }
  }
}

