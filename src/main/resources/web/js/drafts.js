// Drafts kept in this browser (localStorage), one per form type: saved a moment after each change,
// offered back when the page is opened again, forgotten 30 days after they were saved.

import { element, $ } from './context.js';
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

/** Offers the draft of a form, naming when it was saved and what it holds. */
export function offerDraft(formId, describe, restore) {
  try {
    forgetExpiredDrafts();
  } catch (e) {
    // storage refused (private mode): nothing kept to forget
  }
  const draft = draftOf(formId);
  const bar = $('draft-bar');
  if (!draft) {
    bar.hidden = true;
    return;
  }
  const when = new Date(draft.savedAt).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const restoreButton = element('button', { type: 'button', class: 'primary', id: 'restore-draft', text: '恢复草稿' });
  const dropButton = element('button', { type: 'button', id: 'discard-draft', text: '丢弃' });
  restoreButton.addEventListener('click', () => {
    bar.hidden = true;
    restore(draft.doc);
  });
  dropButton.addEventListener('click', () => {
    bar.hidden = true;
    discardDraft(formId);
  });
  bar.replaceChildren(element('span', { text: '发现 ' + when + ' 自动保存的草稿' + describe(draft.doc) + '。' }), restoreButton, dropButton);
  bar.hidden = false;
}
