// What the service finds wrong, shown where it is: beside the field, on the folded section and in the
// outline as counts, and in one list of every error and warning, each naming its project and field in
// Chinese and leading to the field when chosen.

import { page, hooks, element, $ } from './context.js';
import { store, segments, set } from './store.js';
import { isGrid, isList, nameKey } from './schema.js';
import { grids, decorate, focusCell } from './grid.js';
import { locate } from './editor.js';
import { postJson, errorOf, formPath } from './api.js';

let timer = null;
let ticket = 0;
/** The problems in the order the list shows them, those alike together under their line: what 下一处 follows. */
let listed = [];

export function scheduleValidate(delay = 300) {
  clearTimeout(timer);
  timer = setTimeout(validate, delay);
}

/** Asks the service; the answer's problems and computed figures replace the last ones. */
export async function validate() {
  clearTimeout(timer);
  const mine = ++ticket;
  const formId = page.formId;
  const doc = hooks.currentDocument();
  if (doc === undefined) {
    return;
  }
  let response;
  try {
    response = await postJson(formPath(formId, 'validate'), doc, 'application/json', AbortSignal.timeout(CHECK_TIMEOUT_MS));
  } catch (e) {
    if (mine === ticket) {
      unreachable(e.name === 'TimeoutError' ? '服务没有及时回答' : e.message.includes('令牌') ? e.message : '连不上服务');
    }
    return;
  }
  // An answer about an older document, or another form's, is not this one's.
  if (mine !== ticket || formId !== page.formId) {
    return;
  }
  if (response.status === 503 || response.status === 502 || response.status === 504 || response.status === 429) {
    // The service's want of room says nothing about the document: the last problems stay, and it asks again.
    unreachable(response.status === 429 ? '请求太多' : '服务暂时繁忙（' + response.status + '）');
    return;
  }
  reached();
  if (response.ok) {
    const verdict = await response.json();
    page.problems = { errors: verdict.errors, warnings: verdict.warnings };
    page.computed = verdict.computed || {};
  } else {
    const error = await errorOf(response);
    page.problems = { errors: [{ path: '', message: error.message }].concat(error.details || []), warnings: [] };
    page.computed = {};
  }
  showProblems();
  hooks.validated(mine);
}

const CHECK_TIMEOUT_MS = 20000;
const retry = { timer: null, wait: 0 };

/** The check could not be made: a notice that counts down and asks again by itself, not an error in the form. */
function unreachable(why) {
  retry.wait = Math.min(30, retry.wait ? retry.wait * 2 : 2);
  const bar = $('service-bar');
  let left = retry.wait;
  const now = element('button', { type: 'button', id: 'retry-now', text: '立即重试' });
  now.addEventListener('click', () => validate());
  const words = element('span');
  const tell = () => words.replaceChildren(why + '：表单内容都在，' + left + ' 秒后自动重新检查。');
  tell();
  bar.replaceChildren(words, ' ', now);
  bar.hidden = false;
  clearInterval(retry.timer);
  retry.timer = setInterval(() => {
    left -= 1;
    tell();
    if (left <= 0) {
      clearInterval(retry.timer);
      validate();
    }
  }, 1000);
}

function reached() {
  clearInterval(retry.timer);
  retry.wait = 0;
  $('service-bar').hidden = true;
}

/** Problems a failed render answered with: shown like those of a check, all of them. */
export function showRefusal(error) {
  page.showAll = true;
  page.sources = error.sources || page.sources;
  page.problems = {
    errors: error.details && error.details.length ? error.details : [{ path: '', message: error.message }],
    warnings: [],
  };
  showProblems();
}

/** Errors in the document, whether shown yet or not: what stops a preview. */
export function errorCount() {
  return page.typed.size + unreadCells().length + checkedErrors().filter((p) => !page.typed.has(p.path)).length;
}

/** The cells of an imported workbook that could not be read: each stands for its field until the field is edited. */
export function unreadCells() {
  return page.importErrors.filter((p) => !page.touched.has(p.path));
}

/** The service's errors of the document, but for those of a field whose cell could not be read: said once, at its cell. */
function checkedErrors() {
  const unread = unreadCells();
  return page.problems.errors.filter((p) => !unread.some((u) => p.path === u.path || p.path.startsWith(u.path + '/')));
}

/** Whether a problem is shown yet: typed in, touched (itself or a field in it), or checked and not just added. */
export function visible(problem) {
  if (page.typed.has(problem.path)) {
    return true;
  }
  const fresh = [...page.fresh].some((path) => problem.path.startsWith(path + '/'));
  if (page.showAll && !fresh) {
    return true;
  }
  for (const path of page.touched) {
    if (path === problem.path || path.startsWith(problem.path + '/')) {
      return true;
    }
  }
  return false;
}

/** The problems to show, errors first; what was typed and cannot be read replaces the service's word on it. */
export function shown() {
  const list = [];
  for (const [path, message] of page.typed) {
    list.push({ kind: 'error', path, message });
  }
  // An import's notes the live check repeats, or says otherwise about the same field, are its word once.
  const checked = new Set(page.problems.warnings.concat(page.problems.errors).map((p) => p.path));
  const notes = page.importNotes.filter((note) => !checked.has(note.path));
  const seen = new Set();
  for (const [kind, problems] of [['error', unreadCells().concat(checkedErrors())], ['warning', page.problems.warnings.concat(notes)]]) {
    for (const problem of problems) {
      const key = problem.path + '\n' + problem.message;
      if (!page.typed.has(problem.path) && visible(problem) && !seen.has(key)) {
        seen.add(key);
        list.push({ kind, path: problem.path, message: problem.message, fix: problem.fix });
      }
    }
  }
  return list;
}

/** A field edited: what the import said about it is out of date, the live check speaks for it now. */
export function edited(path) {
  page.importNotes = page.importNotes.filter((note) => note.path !== path && !note.path.startsWith(path + '/'));
}

export function showProblems() {
  const list = shown();
  placeBeside(list);
  for (const state of grids.values()) {
    decorate(state);
  }
  badges(list);
  summary(list);
  hooks.counted(list);
}

function placeBeside(list) {
  document.querySelectorAll('#editor .problem:not(.typed):not(li)').forEach((p) => p.remove());
  document.querySelectorAll('#editor .has-error, #editor .has-warning').forEach((e) => {
    if (!e.closest('.tabulator')) {
      e.classList.remove('has-error', 'has-warning');
    }
  });
  for (const problem of list) {
    const target = locate(problem.path);
    if (!target || target.closest('.grid-box') || target.tagName === 'DETAILS' || page.typed.has(problem.path)) {
      continue;
    }
    const place = target.matches('input, select, textarea') ? target.closest('.field') : target;
    place.classList.add(problem.kind === 'error' ? 'has-error' : 'has-warning');
    const note = element('p', { class: 'problem ' + problem.kind, 'data-problem-for': problem.path, text: source(problem) });
    if (place.classList.contains('field')) {
      place.append(note);
      place.querySelector('input, select, textarea')?.setAttribute('aria-invalid', String(problem.kind === 'error'));
    } else {
      const heading = place.querySelector(':scope > legend, :scope > h2');
      (heading ? heading.after(note) : place.prepend(note));
    }
  }
}

/** A problem's message, with the workbook cell its value came from when the document was imported. */
export function source(problem) {
  let path = problem.path;
  while (path && !page.sources[path]) {
    path = path.substring(0, path.lastIndexOf('/'));
  }
  return problem.message + (path && page.sources[path] ? '（来自 ' + page.sources[path] + '）' : '');
}

/** Counts on each section heading, folded or not. */
function badges(list) {
  document.querySelectorAll('#editor [data-badges-for]').forEach((span) => {
    const prefix = span.dataset.badgesFor;
    span.replaceChildren(...counts(list, prefix));
  });
}

export function counts(list, prefix) {
  const inside = list.filter((p) => p.path === prefix || p.path.startsWith(prefix + '/'));
  const errors = inside.filter((p) => p.kind === 'error').length;
  const warnings = inside.length - errors;
  return [
    errors ? element('span', { class: 'badge error', text: errors + ' 错', title: errors + ' 处错误' }) : null,
    warnings ? element('span', { class: 'badge warning', text: warnings + ' 提醒', title: warnings + ' 条提醒' }) : null,
  ].filter(Boolean);
}

function summary(list) {
  const errors = list.filter((p) => p.kind === 'error').length;
  const warnings = list.length - errors;
  const toggle = $('problems-toggle');
  const words = [];
  if (errors) {
    words.push(errors + ' 处错误');
  }
  if (warnings) {
    words.push(warnings + ' 条提醒');
  }
  toggle.hidden = list.length === 0;
  $('problem-prev').hidden = list.length === 0;
  $('problem-next').hidden = list.length === 0;
  toggle.textContent = words.join('，') + (list.length ? '：查看' : '');
  toggle.classList.toggle('has-errors', errors > 0);
  $('checked').textContent = list.length === 0 && page.showAll && store.doc ? '检查通过' : '';
  const entry = (problem) => {
    const button = element('button', { type: 'button', class: 'goto ' + problem.kind, 'data-goto': problem.path },
      element('span', { class: 'where', text: describe(problem.path) }),
      element('span', { class: 'what', text: source(problem) }));
    button.addEventListener('click', () => goTo(problem.path));
    return element('li', { class: problem.kind }, button);
  };
  const groups = alike(list);
  const items = [];
  listed = [];
  for (const problem of list) {
    const group = groups.find((g) => g.includes(problem));
    if (!group) {
      items.push(entry(problem));
      listed.push(problem);
    } else if (group[0] === problem) {
      items.push(groupLine(group, group.map(entry)));
      listed.push(...group);
    }
  }
  $('problem-items').replaceChildren(...items);
  if (list.length === 0) {
    $('problem-list').hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
  }
}

/** Problems that one fix settles alike (a 数量指标 in percent, 19 times in a 目标表), two or more of each. */
function alike(list) {
  const groups = new Map();
  for (const problem of list) {
    if (problem.fix && problem.fix.group) {
      const key = problem.fix.group + '\n' + problem.fix.label;
      groups.set(key, (groups.get(key) || []).concat([problem]));
    }
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

/** One line for problems alike: how many, the fix for all of them (one step to undo), and each of them below. */
function groupLine(group, entries) {
  const fix = group[0].fix;
  const all = element('button', { type: 'button', class: 'fix-all', text: '全部' + fix.label });
  all.addEventListener('click', async () => {
    for (const problem of group) {
      set(problem.fix.path, problem.fix.value, { required: true });
    }
    hooks.redraw();
    hooks.status('已' + fix.label + '：' + group.length + ' 处（按 Ctrl+Z 撤销）');
    await validate();
    // The keyboard stays in the list, at what is left of it.
    ($('problem-list').hidden ? $('check') : $('problem-list').querySelector('button'))?.focus();
  });
  const each = element('details', { class: 'group-entries' }, element('summary', { text: '逐条查看' }), element('ol', {}, ...entries));
  return element('li', { class: group[0].kind + ' group', 'data-group': fix.group },
    element('div', { class: 'group-line' }, element('strong', { text: group.length + ' 个' + fix.group }), all), each);
}

/** Opens the sections down to a problem's field and puts the keyboard in it. */
export function goTo(path) {
  const target = hooks.reveal(path);
  if (target && target.closest('.grid-box') && focusCell(path)) {
    return;
  }
  const control = target && (target.matches('input, select, textarea') ? target
    : target.querySelector('input, select, textarea, button'));
  (control || target)?.scrollIntoView({ block: 'center' });
  if (control) {
    control.focus({ preventScroll: true });
  }
}

/** Where a pointer leads, in the words of the form: 项目 15「…」· 绩效指标 第 3 行「…」· 二级指标. */
export function describe(path) {
  const schema = page.schema;
  let node = schema.at('');
  let value = store.doc;
  const words = [];
  let listNode = null;
  const parts = segments(path);
  parts.forEach((part, i) => {
    if (listNode) {
      const item = schema.resolve(listNode.items);
      const index = Number(part);
      value = value && value[index];
      const key = nameKey(item);
      const name = key && value && value[key] ? '「' + String(value[key]).slice(0, 24) + '」' : '';
      words.push(isGrid(schema, listNode) ? words.pop() + ' 第 ' + (index + 1) + ' 行' + name : (item.title || '') + ' ' + (index + 1) + name);
      node = item;
      listNode = null;
      return;
    }
    const child = node.properties && node.properties[part] ? schema.resolve(node.properties[part]) : null;
    value = value && value[part];
    if (!child) {
      words.push(schema.titleOfName(part));
      node = {};
    } else if (isList(child)) {
      listNode = child;
      if (isGrid(schema, child) || i === parts.length - 1) {
        words.push(child.title || part);
      }
      node = child;
    } else {
      words.push(child.title || part);
      node = child;
    }
  });
  return words.join(' · ') || '整个文档';
}

let stepped = -1;

/** 下一处 / 上一处: the next problem of the list after the last one gone to, round and round. */
export function step(by) {
  const list = listed;
  if (list.length === 0) {
    return;
  }
  stepped = ((stepped + by) % list.length + list.length) % list.length;
  goTo(list[stepped].path);
  hooks.status('第 ' + (stepped + 1) + ' 处，共 ' + list.length + ' 处：' + describe(list[stepped].path));
}
