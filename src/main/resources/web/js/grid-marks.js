// The marks a grid carries: problems on their cells and listed under it, the figures the service works out in
// the empty cells they fill, and under the grid the points and 得分 of each 一级指标 and the totals.

import { page, element } from './context.js';
import { visible as isVisible, unreadCells } from './problems.js';
import { refresh } from './grid.js';

/** A cell's value as text: choices ticked joined by 、, texts one a line. */
export function cellText(value, kind) {
  if (Array.isArray(value)) {
    return value.join(kind === 'lines' ? '\n' : '、');
  }
  return value == null ? '' : String(value);
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

/** The figures the service worked out, in the empty cells they fill; the points and 得分 of each 一级指标 below. */
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
      element_.replaceChildren(element('span', { class: 'cell-text', text: cellText(value) }));
    }
  }));
  const blocks = Object.entries(page.computed)
    .filter(([path, value]) => value && path.startsWith(state.path + '/') && path.endsWith('/level1'))
    .map(([, value]) => element('span', { class: 'computed-cell', text: value }));
  const figures = ownerFigures(state).map(([path, name, value]) => element('span', { class: 'computed-cell', 'data-grid-figure': path },
    element('span', { class: 'computed-name', text: page.schema.titleOfName(name) }),
    element('span', { class: 'computed-value', text: value })));
  state.totals.hidden = blocks.length + figures.length === 0;
  state.totals.replaceChildren(...blocks, ...figures);
}

/**
 * The figures of the record that holds the grid which have no field of their own (the 得分 of each 一级指标, 总分),
 * totals last: what the rows add up to, said where they are typed.
 */
function ownerFigures(state) {
  const owner = state.path.substring(0, state.path.lastIndexOf('/'));
  const fields = page.schema.at(owner).properties || {};
  return Object.entries(page.computed)
    .map(([path, value]) => [path, path.substring(owner.length + 1), value])
    .filter(([path, name, value]) => value && path.startsWith(owner + '/') && !name.includes('/') && !fields[name])
    .sort(([, a], [, b]) => Number(a.startsWith('total')) - Number(b.startsWith('total')));
}

