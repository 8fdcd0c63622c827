// Drafts kept in this browser (localStorage), one per form type: saved a moment after each change, listed
// when the page is opened (those of every form), forgotten 30 days after they were saved.

import { page, element, $ } from './context.js';
import { store } from './store.js';

const PREFIX = 'jixiao-forms.draft.';
// A shared computer keeps no one's figures for ever.
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
let timer = null;

/** A draft saved longer ago than MAX_AGE_MS, or with no readable time, is past keeping. */
function expired(draft, now) {
  return !draft || typeof draft.savedAt !== 'number' || !(now - draft.savedAt < MAX_AGE_MS);
}

/** Forgets every draft of this page past keeping, of whichever form: on each visit. */
export function forgetExpiredDrafts(now = Date.now()) {
  const keys = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key && key.startsWith(PREFIX)) {
      keys.push(key);
    }
  }
  for (const key of keys) {
    let draft = null;
    try {
      draft = JSON.parse(localStorage.getItem(key));
    } catch (e) {
      draft = null;
    }
    if (expired(draft, now)) {
      localStorage.removeItem(key);
    }
  }
}

export function scheduleDraft(formId) {
  clearTimeout(timer);
  timer = setTimeout(() => saveDraft(formId), 600);
}

export function saveDraft(formId) {
  clearTimeout(timer);
  if (!store.doc || !store.dirty) {
    return;
  }
  try {
    localStorage.setItem(PREFIX + formId, JSON.stringify({ savedAt: Date.now(), doc: store.doc }));
    $('autosaved').textContent = '草稿已自动保存 ' + new Date().toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });
  } catch (e) {
    $('autosaved').textContent = '草稿未能保存：' + e.message;
  }
}

export function draftOf(formId) {
  try {
    const draft = JSON.parse(localStorage.getItem(PREFIX + formId) || 'null');
    if (draft && expired(draft, Date.now())) {
      discardDraft(formId);
      return null;
    }
    return draft && draft.doc ? draft : null;
  } catch (e) {
    return null;
  }
}

export function discardDraft(formId) {
  localStorage.removeItem(PREFIX + formId);
}

/** Every draft kept in this browser, newest first, by form: [{formId, savedAt, doc}]. */
export function allDrafts() {
  const drafts = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    const draft = key && key.startsWith(PREFIX) ? draftOf(key.slice(PREFIX.length)) : null;
    if (draft) {
      drafts.push({ formId: key.slice(PREFIX.length), savedAt: draft.savedAt, doc: draft.doc });
    }
  }
  return drafts.sort((a, b) => b.savedAt - a.savedAt);
}

/**
 * At the start, the drafts of every form kept in this browser: the form, what it holds and when it was saved, each
 * to restore (switching to its form) or drop. The open form's draft comes first.
 */
export function offerDrafts(formId, describe, restore) {
  try {
    forgetExpiredDrafts();
  } catch (e) {
    // storage refused (private mode): nothing kept to forget
  }
  let drafts;
  try {
    drafts = allDrafts().sort((a, b) => Number(b.formId === formId) - Number(a.formId === formId));
  } catch (e) {
    drafts = [];
  }
  const bar = $('draft-bar');
  if (!drafts.length) {
    bar.hidden = true;
    return;
  }
  const items = drafts.map((draft) => {
    const mine = draft.formId === formId;
    const when = new Date(draft.savedAt).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    const title = (page.forms.find((f) => f.id === draft.formId) || {}).title || draft.formId;
    const restoreButton = element('button', { type: 'button', class: mine ? 'primary' : '', text: '恢复', 'data-draft': draft.formId,
      'aria-label': '恢复' + title + '的草稿' });
    const dropButton = element('button', { type: 'button', text: '丢弃', 'aria-label': '丢弃' + title + '的草稿' });
    if (mine) {
      restoreButton.id = 'restore-draft';
      dropButton.id = 'discard-draft';
    }
    const item = element('li', { 'data-draft-for': draft.formId },
      element('span', { class: 'draft-form', text: title }),
      element('span', { class: 'draft-name', text: describe(draft.doc) || '（未命名）' }),
      element('span', { class: 'draft-time', text: when + ' 自动保存' }), restoreButton, dropButton);
    restoreButton.addEventListener('click', () => {
      bar.hidden = true;
      restore(draft.formId, draft.doc);
    });
    dropButton.addEventListener('click', () => {
      discardDraft(draft.formId);
      item.remove();
      bar.hidden = !bar.querySelector('li');
    });
    return item;
  });
  bar.replaceChildren(element('strong', { text: '本浏览器中的草稿：' }), element('ul', { class: 'drafts' }, ...items));
  bar.hidden = false;
}
