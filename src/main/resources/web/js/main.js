// 预算绩效表单: the page for finance staff, built from the service's public JSON Schemas and using only its
// public API. This module starts the page and wires the others together.

import { page, hooks, element, $ } from './context.js';
import { store, onChange, replace, restore, set, changed, parseJson } from './store.js';
import { Schema } from './schema.js';
import { api, onTokenNeeded, useToken, formPath } from './api.js';
import { renderEditor, reveal, renameItem } from './editor.js';
import { grids, prune, cancelTyping } from './grid.js';
import { scheduleValidate, validate, showProblems, edited, step, goTo, describe } from './problems.js';
import './history.js';
import { wireLayout } from './layout.js';
import { applyComputed } from './computed.js';
import { renderOutline, filter, updateCounts, rename } from './outline.js';
import { schedulePreview, clearPreview } from './preview.js';
import { scheduleDraft, saveDraft, offerDrafts } from './drafts.js';
import { downloadAs, saveFile, isWorkbook, openJson, openWorkbook, downloadTemplate } from './files.js';
import { convertAmounts } from './units.js';
import { offerDerive, deriveFrom } from './derive.js';

hooks.currentDocument = () => {
  if (page.mode === 'json') {
    try {
      const doc = parseJson($('json-text').value);
      $('json-error').textContent = '';
      return doc;
    } catch (e) {
      $('json-error').textContent = '原始数据有误：' + e.message;
      return undefined;
    }
  }
  return store.doc;
};
hooks.reveal = reveal;
hooks.built = () => {
  showProblems();
  applyComputed();
};
hooks.validated = () => {
  applyComputed();
  schedulePreview();
};
hooks.counted = (list) => updateCounts(list);
hooks.status = status;
hooks.deleted = offerUndo;
hooks.unitChanged = offerConversion;
hooks.formFor = formFor;
hooks.load = load;
hooks.cancelTyping = cancelTyping;
hooks.restored = restored;
hooks.redraw = redraw;

onChange(({ path, structural, edit }) => {
  // Rows of a grid are not in the outline: only lists of units, projects and forms rebuild it.
  if (structural && !grids.has(path)) {
    prune();
    renderOutline();
  }
  renameItem(path);
  rename(path);
  relabelBlank();
  if (edit) {
    edited(path);
    // The draft on offer is about to be replaced by this work.
    $('draft-bar').hidden = true;
    scheduleDraft(page.formId);
  }
  scheduleValidate();
});

function status(text, busy = false, withList = false) {
  const line = $('status');
  line.replaceChildren(text);
  line.classList.toggle('busy', busy);
  if (withList) {
    const open = element('button', { type: 'button', class: 'link', text: '查看错误' });
    open.addEventListener('click', () => toggleList(true));
    line.append(' ', open);
  }
  for (const id of ['download-pdf', 'download-docx', 'download-xlsx']) {
    $(id).disabled = busy;
  }
}

function toggleList(show = $('problem-list').hidden) {
  $('problem-list').hidden = !show;
  $('problems-toggle').setAttribute('aria-expanded', String(show));
  if (show) {
    $('problem-list').querySelector('button')?.focus();
  }
}

/** A deletion can be taken back for a while: the document before it is kept. */
function offerUndo(message, before, path) {
  const bar = $('undo-bar');
  const undo = element('button', { type: 'button', id: 'undo', text: '撤销' });
  undo.addEventListener('click', () => {
    bar.hidden = true;
    restore(before, path);
    renderEditor($('editor'));
    reveal(path)?.scrollIntoView({ block: 'center' });
    status('已撤销删除');
  });
  bar.replaceChildren(element('span', { text: message + '。' }), undo, element('span', { class: 'hint', text: '或按 Ctrl+Z' }));
  bar.hidden = false;
  clearTimeout(offerUndo.timer);
  offerUndo.timer = setTimeout(() => {
    bar.hidden = true;
  }, 15000);
}

/** A step undone or redone: the form drawn again, the keyboard where the step was. */
function restored(path, said) {
  $('undo-bar').hidden = true;
  redraw();
  goTo(path);
  status('已' + said + '：' + describe(path));
}

/** The form drawn again from the document as it now is, the sections that were open open again. */
function redraw() {
  const opened = [...document.querySelectorAll('#editor details.item[open]')].map((d) => d.dataset.item);
  renderEditor($('editor'));
  opened.forEach((item) => reveal(item));
}

/** 金额单位 changed: the amounts may be meant in the new unit already, or need converting; the user says which. */
function offerConversion(select, from, to) {
  if (from === to) {
    return;
  }
  const bar = $('unit-bar');
  const convert = element('button', { type: 'button', class: 'primary', id: 'convert-amounts',
    text: '换算全部金额（' + (to === '元' ? '× 10000' : '÷ 10000，保留两位小数') + '）' });
  const keep = element('button', { type: 'button', id: 'keep-amounts', text: '金额不变，只改单位' });
  const cancel = element('button', { type: 'button', text: '取消' });
  const done = (message) => {
    bar.hidden = true;
    renderEditor($('editor'));
    status(message);
  };
  convert.addEventListener('click', () => {
    const count = convertAmounts(store.doc, page.schema, to === '元' ? 4 : -4);
    set('/amountUnit', to, { structural: true });
    // Every amount changed with the unit: one step to undo, the whole document its place.
    changed('', true);
    done('已把 ' + count + ' 个金额由' + from + '换算为' + to);
  });
  keep.addEventListener('click', () => {
    set('/amountUnit', to, { structural: true });
    done('金额单位改为' + to + '，金额未换算');
  });
  cancel.addEventListener('click', () => {
    select.value = from;
    bar.hidden = true;
  });
  bar.replaceChildren(element('span', { text: '金额单位由' + from + '改为' + to + '：表中的金额要换算吗？' }), convert, keep, cancel);
  bar.hidden = false;
  convert.focus();
}

async function schemaOf(formId) {
  if (!page.schemas.has(formId)) {
    const response = await api(formPath(formId, 'schema'));
    page.schemas.set(formId, new Schema(await response.json()));
  }
  return page.schemas.get(formId);
}

/** The form type whose schema knows most of a document's fields. */
async function formFor(doc) {
  let best = page.formId;
  let fit = -1;
  for (const form of page.forms) {
    const score = (await schemaOf(form.id)).fit(doc);
    if (score > fit + 1e-9 || (score === fit && form.id === page.formId)) {
      best = form.id;
      fit = score;
    }
  }
  return best;
}

/** Puts a document on the page, switching form type if need be. */
async function load(doc, formId, message, imported = {}) {
  // No preview of the document going is drawn, or said to fail, under the form coming.
  clearPreview();
  if (formId !== page.formId) {
    page.formId = formId;
    page.schema = await schemaOf(formId);
    $('form-type').value = formId;
    history.replaceState(null, '', '?form=' + formId);
  }
  page.touched = new Set();
  page.fresh = new Set();
  page.typed = new Map();
  page.problems = { errors: [], warnings: [] };
  page.computed = {};
  page.sources = imported.sources || {};
  page.importNotes = imported.notes || [];
  page.importErrors = imported.errors || [];
  page.showAll = message !== null;
  $('unit-bar').hidden = true;
  $('draft-bar').hidden = true;
  $('unread-bar').hidden = true;
  clearPreview();
  replace(doc);
  if (page.mode === 'json') {
    $('json-text').value = JSON.stringify(doc, null, 2);
  }
  renderEditor($('editor'));
  relabelBlank();
  offerDerive();
  showProblems();
  await validate();
  const title = page.forms.find((f) => f.id === formId)?.title || '';
  status((message || '空白表单') + (title ? '（' + title + '）' : ''));
}

/** What a draft holds, by the name of its first project, unit or organisation. */
function describeDraft(doc) {
  const first = (doc.forms && doc.forms[0]) || {};
  const unit = (doc.units && doc.units[0]) || {};
  const name = first.projectName || first.unitName || unit.name || doc.organization;
  const more = (doc.forms || unit.projects || []).length;
  return name ? '「' + String(name).slice(0, 30) + '」' + (more > 1 ? '等 ' + more + ' 项' : '') : '';
}

/** 空白表单 starts a new blank form once this one holds something: said so, not as if it were this one. */
function relabelBlank() {
  const filled = store.doc && JSON.stringify(store.doc) !== JSON.stringify(blank());
  $('load-empty').textContent = filled ? '新建空白表单' : '空白表单';
}

function blank() {
  return page.schema.emptyValue(page.schema.json);
}

async function choose(formId, example) {
  page.formId = formId;
  page.schema = await schemaOf(formId);
  if (example) {
    const response = await api(formPath(formId, 'example'));
    await load(parseJson(await response.text()), formId, '已载入示例');
  } else {
    await load(blank(), formId, null);
  }
  offerDrafts(formId, describeDraft, (draftForm, doc) => confirmReplace() && load(doc, draftForm, '已恢复草稿'));
}

function confirmReplace() {
  return !store.dirty || window.confirm('当前表单已修改，确定要放弃这些修改吗？（草稿仍保存在本浏览器中）');
}

function setMode(mode) {
  if (mode === page.mode) {
    return;
  }
  if (mode === 'form') {
    const doc = hooks.currentDocument();
    if (doc === undefined) {
      return;
    }
    store.doc = doc;
  } else {
    $('json-text').value = JSON.stringify(store.doc, null, 2);
  }
  page.mode = mode;
  $('mode-form').setAttribute('aria-pressed', String(mode === 'form'));
  $('mode-json').setAttribute('aria-pressed', String(mode === 'json'));
  $('editor').hidden = mode !== 'form';
  $('json-editor').hidden = mode !== 'json';
  if (mode === 'form') {
    renderEditor($('editor'));
    renderOutline();
  }
  scheduleValidate(0);
}

function wire() {
  wireLayout(() => schedulePreview(true));
  $('load-example').addEventListener('click', () => confirmReplace() && choose(page.formId, true));
  $('load-empty').addEventListener('click', () => confirmReplace() && load(blank(), page.formId, null));
  $('derive-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    if (file && confirmReplace()) {
      await deriveFrom(file, event.target.dataset.from);
    }
  });
  $('open-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    if (file && confirmReplace()) {
      await (isWorkbook(file) ? openWorkbook(file) : openJson(file));
    }
  });
  for (const zone of [document.body]) {
    zone.addEventListener('dragover', (event) => event.preventDefault());
    zone.addEventListener('drop', async (event) => {
      event.preventDefault();
      const file = event.dataTransfer.files[0];
      if (file && confirmReplace()) {
        await (isWorkbook(file) ? openWorkbook(file) : openJson(file));
      }
    });
  }
  $('save-file').addEventListener('click', saveFile);
  $('download-template').addEventListener('click', downloadTemplate);
  $('mode-form').addEventListener('click', () => setMode('form'));
  $('mode-json').addEventListener('click', () => setMode('json'));
  $('json-text').addEventListener('input', () => {
    store.dirty = true;
    scheduleValidate();
  });
  $('check').addEventListener('click', async () => {
    page.showAll = true;
    page.fresh.clear();
    await validate();
    toggleList(page.problems.errors.length + page.problems.warnings.length > 0);
  });
  $('problems-toggle').addEventListener('click', () => toggleList());
  $('preview').addEventListener('click', () => schedulePreview(true));
  $('preview-wide').addEventListener('click', () => {
    const wide = document.body.classList.toggle('wide-preview');
    $('preview-wide').setAttribute('aria-pressed', String(wide));
    $('preview-wide').textContent = wide ? '还原' : '放大预览';
  });
  $('download-pdf').addEventListener('click', () => downloadAs('pdf'));
  // The tab is opened on the click itself, which browsers allow, and shows the PDF once it is made.
  $('print').addEventListener('click', () => downloadAs('pdf', window.open('', '_blank')));
  $('problem-prev').addEventListener('click', () => step(-1));
  $('problem-next').addEventListener('click', () => step(1));
  $('download-docx').addEventListener('click', () => downloadAs('docx'));
  $('download-xlsx').addEventListener('click', () => downloadAs('xlsx'));
  $('outline-search').addEventListener('input', (event) => filter(event.target.value));
  $('form-type').addEventListener('change', (event) => {
    if (!confirmReplace()) {
      event.target.value = page.formId;
      return;
    }
    history.replaceState(null, '', '?form=' + event.target.value);
    choose(event.target.value, false);
  });
  $('token-save').addEventListener('click', async () => {
    useToken($('token').value.trim());
    $('token-bar').hidden = true;
    if (store.doc) {
      status('令牌已更新，请重试刚才的操作');
      scheduleValidate(0);
    } else {
      await boot();
    }
  });
  onTokenNeeded(() => {
    $('token-bar').hidden = false;
    $('token').focus();
  });
  window.addEventListener('beforeunload', (event) => {
    saveDraft(page.formId);
    if (store.dirty) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
}

async function boot() {
  try {
    const response = await api('api/v1/forms');
    page.forms = (await response.json()).forms;
    $('form-type').replaceChildren(...page.forms.map((f) => new Option(f.title, f.id)));
    const params = new URLSearchParams(location.search);
    const wanted = page.forms.find((f) => f.id === params.get('form')) || page.forms[0];
    $('form-type').value = wanted.id;
    await choose(wanted.id, params.get('example') === '1');
  } catch (e) {
    status(e.message);
  }
}

wire();
boot();

