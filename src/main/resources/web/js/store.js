// The document being edited, addressed by JSON pointers; every change is announced to the listeners.

const listeners = new Set();

export const store = {
  doc: null,
  /** The document differs from what was last loaded or saved to a file. */
  dirty: false,
};

export function segments(path) {
  return path === '' ? [] : path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function join(path, key) {
  return path + '/' + String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function get(path, from = store.doc) {
  let value = from;
  for (const part of segments(path)) {
    if (value == null) {
      return undefined;
    }
    value = value[part];
  }
  return value;
}

function parentAndKey(path) {
  const parts = segments(path);
  const key = parts.pop();
  let parent = store.doc;
  for (const part of parts) {
    if (parent[part] == null) {
      parent[part] = /^\d+$/.test(key) ? [] : {};
    }
    parent = parent[part];
  }
  return [parent, key];
}

/** Writes a value; an empty optional value is left out, as the service reads a missing field. */
export function set(path, value, { required = false, structural = false } = {}) {
  const [parent, key] = parentAndKey(path);
  if (!required && (value === '' || value === undefined)) {
    delete parent[key];
  } else {
    parent[key] = value;
  }
  changed(path, structural);
}

export function changed(path, structural = false) {
  store.dirty = true;
  for (const listener of listeners) {
    listener({ path, structural, edit: true });
  }
}

/** A new document: nothing in it was typed here, so it is not dirty. */
export function replace(doc) {
  store.doc = doc;
  store.dirty = false;
  for (const listener of listeners) {
    listener({ path: '', structural: true, edit: false });
  }
}

export function onChange(listener) {
  listeners.add(listener);
}

/** The document as text, to undo a deletion with. */
export function snapshot() {
  return JSON.stringify(store.doc);
}

export function restore(text, path) {
  store.doc = JSON.parse(text);
  changed(path, true);
}

/**
 * JSON as written: numbers keep their digits (an amount 1323379.00, a rate 98.30) as strings, which the
 * service accepts; the browser's own numbers would drop the trailing zeros.
 */
export function parseJson(text) {
  return JSON.parse(text, (key, value, context) =>
    typeof value === 'number' && context && typeof context.source === 'string' && /[.eE]/.test(context.source)
      ? context.source : value);
}
