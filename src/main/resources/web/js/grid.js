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
import { visible as isVisible, unreadCells } from './problems.js';
import { seal } from './history.js';

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
    // A drop-down opens with its text selected: what is typed replaces it and filters the list at once.
    setTimeout(() => {
      const input = cell.getElement().querySelector('input[type="search"], input, textarea');
      state.openedWith = input ? input.value : null;
      input?.select();
    });
  });
  table.on('cellEdited', (cell) => edited(state, cell));
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
  // Enter takes the value and moves down, as in a spreadsheet (Alt+Enter: a new line in a long text); in the
  // last row, Enter, or Tab from its last cell, adds a row and the keyboard goes on in it.
  holder.addEventListener('keydown', (event) => {
    const cell = state.editing;
    const long = event.target.tagName === 'TEXTAREA';
    if (cell && long && event.key === 'Enter' && event.altKey) {
      // Alt+Enter starts a new line in a long text, as in Excel and WPS.
      event.preventDefault();
      event.stopPropagation();
      event.target.setRangeText('\n', event.target.selectionStart, event.target.selectionEnd, 'end');
      event.target.dispatchEvent(new Event('input', { bubbles: true }));
      return;
    }
    if (!cell || event.shiftKey || event.altKey) {
      return;
    }
    const rows = table.getRows();
    const last = rows.indexOf(cell.getRow()) === rows.length - 1;
    const cells = cell.getRow().getCells().filter((c) => c.getField());
    if ((event.key === 'Enter' || event.key === 'Tab') && cell.getColumn().getDefinition().editor === 'list') {
      // A drop-down takes the highlighted choice, or the only one left by what was typed, and the keyboard
      // stays in the row, at the next cell.
      const items = [...document.querySelectorAll('.tabulator-edit-list .tabulator-edit-list-item')];
      const only = !items.some((item) => item.classList.contains('focused')) && items.length === 1 ? items[0] : null;
      const next = cells[cells.indexOf(cell) + 1];
      if (only || event.key === 'Enter') {
        event.preventDefault();
        event.stopPropagation();
        only?.click();
        if (!only) {
          items.find((item) => item.classList.contains('focused'))?.click();
        }
        setTimeout(() => next && cell.getRow().getCell(next.getField()).edit(true));
      }
    } else if (event.key === 'Enter' && event.target.tagName === 'INPUT') {
      setTimeout(() => (last ? addRow(state, cell.getField()) : cell.navigateDown()));
    } else if (event.key === 'Enter' && long) {
      // Enter takes a long text as it does a short one; leaving the text area is what takes it.
      event.preventDefault();
      event.stopPropagation();
      const below = rows[rows.indexOf(cell.getRow()) + 1];
      event.target.blur();
      setTimeout(() => (last ? addRow(state, cell.getField()) : below.getCell(cell.getField()).edit(true)));
    } else if (event.key === 'Tab' && last && cells[cells.length - 1] === cell) {
      event.preventDefault();
      event.stopPropagation();
      addRow(state, cells[0].getField());
    }
  }, true);
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
  return element('span', { class: 'cell-text', text: shown(value, kind) });
}

/** A cell's value as text: choices ticked joined by 、, texts one a line. */
function shown(value, kind) {
  if (Array.isArray(value)) {
    return value.join(kind === 'lines' ? '\n' : '、');
  }
  return value == null ? '' : String(value);
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
  decorate(state);
}

/** Ctrl+Z in a cell being edited: the cell goes back to its value; true when something had been typed in it. */
export function cancelTyping() {
  for (const state of grids.values()) {
    const cell = state.editing;
    const element_ = cell && cell.getElement();
    if (element_ && element_.classList.contains('tabulator-editing')) {
      const input = element_.querySelector('input, textarea');
      const typed = Boolean(input) && state.openedWith !== null && input.value !== state.openedWith;
      cell.cancelEdit();
      return typed;
    }
  }
  return false;
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
function refresh(state) {
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

/** The marks of problems and computed figures on every cell, and the list below the grid. */
export function decorate(state) {
  const shown = new Map();
  for (const [kind, list] of [['warning', page.problems.warnings], ['error', unreadCells().concat(page.problems.errors)]]) {
    for (const problem of list) {
      if (problem.path.startsWith(state.path + '/') || problem.path === state.path) {
        shown.set(problem.path + '|' + problem.message, { kind, problem });
      }
    }
  }
  for (const [path, message] of page.typed) {
    if (path.startsWith(state.path + '/')) {
      shown.set(path + '|' + message, { kind: 'error', problem: { path, message } });
    }
  }
  const visible = [...shown.values()].filter((s) => isVisible(s.problem));
  state.table.getRows().forEach((row) => {
    for (const cell of row.getCells()) {
      const mine = visible.filter((s) => s.problem.path === cell.getElement().dataset.path);
      const element_ = cell.getElement();
      element_.classList.toggle('has-error', mine.some((s) => s.kind === 'error'));
      element_.classList.toggle('has-warning', mine.some((s) => s.kind === 'warning'));
      element_.title = mine.map((s) => s.problem.message).join('\n');
    }
  });
  state.notes.replaceChildren(...visible.map(({ kind, problem }) => element('li', {
    class: 'problem ' + kind, 'data-problem-for': problem.path, text: rowLabel(state, problem.path) + problem.message,
  })));
}

function rowLabel(state, path) {
  const rest = path.substring(state.path.length + 1).split('/');
  if (rest[0] === '') {
    return '';
  }
  const title = rest[1] ? page.schema.resolve(state.item.properties[rest[1]] || {}).title || rest[1] : '';
  return '第 ' + (Number(rest[0]) + 1) + ' 行' + (title ? ' ' + title : '') + '：';
}

/** The figures the service worked out, in the empty cells they fill; the points of each 一级指标 below. */
export function showComputed(state) {
  refresh(state);
  state.table.getRows().forEach((row) => row.getCells().forEach((cell) => {
    const element_ = cell.getElement();
    const value = cell.getValue();
    const computed = page.computed[element_.dataset.path];
    if (element_.classList.contains('tabulator-editing') || !cell.getField()) {
      return;
    }
    if ((value == null || value === '') && computed) {
      element_.replaceChildren(element('span', { class: 'computed-value', text: computed, title: '留空自动计算' }));
    } else if (element_.querySelector('.computed-value')) {
      element_.replaceChildren(element('span', { class: 'cell-text', text: shown(value) }));
    }
  }));
  const blocks = Object.entries(page.computed)
    .filter(([path]) => path.startsWith(state.path + '/') && path.endsWith('/level1'))
    .map(([, value]) => value);
  state.totals.hidden = blocks.length === 0;
  state.totals.textContent = blocks.join(' · ');
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

