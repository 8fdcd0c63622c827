// The figures the service works out (总计, 小计, 合计, 执行进度, 得分, 总分), shown as people type: in the empty
// field they fill ("留空自动计算：98.30") and in a line under the group they belong to. None is worked out here.

import { page, element } from './context.js';
import { grids, showComputed } from './grid.js';
import { get, set } from './store.js';

export function applyComputed() {
  document.querySelectorAll('#editor .field input[data-path]').forEach((input) => {
    const value = page.computed[input.dataset.path];
    const wrapper = input.closest('.field');
    if (value !== undefined || wrapper.classList.contains('computable')) {
      wrapper.classList.add('computable');
      input.placeholder = '留空自动计算' + (value ? '：' + value : '');
    }
  });
  document.querySelectorAll('#editor [data-computed-for]').forEach(fill);
  for (const state of grids.values()) {
    showComputed(state);
  }
}

/** The computed cells of a group that has no field for them: the 合计 row, a unit's 小计, 年度资金总额, 总分. */
function fill(row) {
  const base = row.dataset.computedFor;
  const node = page.schema.at(base);
  const groups = new Map();
  for (const [path, value] of Object.entries(page.computed)) {
    if (!path.startsWith(base + '/')) {
      continue;
    }
    const rest = path.substring(base.length + 1).split('/');
    if ((node.properties && node.properties[rest[0]]) || rest.length > 2 || /^\d+$/.test(rest[0])) {
      continue;
    }
    const group = rest.length === 2 ? rest[0] : '';
    if (!groups.has(group)) {
      groups.set(group, []);
    }
    groups.get(group).push([rest[rest.length - 1], value]);
  }
  row.hidden = groups.size === 0;
  row.replaceChildren(...[...groups].map(([group, cells]) => element('span', { class: 'computed-group' },
    element('strong', { text: label(base, group) }),
    ...cells.map(([name, value]) => element('span', { class: 'computed-cell', 'data-computed': base + (group ? '/' + group : '') + '/' + name },
      element('span', { class: 'computed-name', text: page.schema.titleOfName(name) }),
      element('span', { class: 'computed-value', text: value || '—' }))))));
}

function label(base, group) {
  if (group === 'total' && /\/funds$/.test(base)) {
    return '年度资金总额';
  }
  if (base === '') {
    return '合计';
  }
  return /\/units\/\d+$/.test(base) ? '小计' : '汇总';
}

/**
 * A sum typed in that agreed with the service's (a 总计 equal to its columns, declared by {@code x-sum-of} in the
 * schema) follows its columns once one of them is edited: it is emptied, and the service works it out again —
 * instead of an error that the typed 总计 no longer adds up. A sum that disagreed is left for its error, and a
 * figure printed as stated (执行进度, 资金得分) is never touched.
 */
export function follow(edited) {
  const owner = edited.substring(0, edited.lastIndexOf('/'));
  const name = edited.substring(owner.length + 1);
  const node = page.schema.at(owner);
  for (const [key, property] of Object.entries((node && node.properties) || {})) {
    const sumOf = page.schema.resolve(property)['x-sum-of'];
    const path = owner + '/' + key;
    if (!sumOf || !sumOf.includes(name) || !(path in page.computed)) {
      continue;
    }
    const value = get(path);
    if (value === undefined || value === null || value === '' || !same(value, page.computed[path])) {
      continue;
    }
    set(path, '');
    const input = document.querySelector('#editor .field input[data-path="' + path + '"]');
    if (input) {
      input.value = '';
    }
  }
}

function same(value, figure) {
  const number = (text) => Number(String(text).replace(/[,%\s]/g, ''));
  return figure !== '' && !Number.isNaN(number(value)) && number(value) === number(figure);
}
