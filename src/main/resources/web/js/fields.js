// One field of a form: a labelled input, select or text area whose data-path is the JSON pointer of its value.
// What is typed is read as people write it; the document gets the plain value.

import { page, hooks, element, amountUnit } from './context.js';
import { get, set } from './store.js';
import { kindOf } from './schema.js';
import { readerFor, readLines, grouped } from './typing.js';
import { follow } from './computed.js';

let counter = 0;

const PLACEHOLDERS = { date: '如 2022-01-01', percent: '如 98.30', integer: '如 2022' };

/** A field for {@code path}; {@code titles}: the titles of it and its parents, which may name the amount unit. */
export function field(path, node, label, required, titles) {
  const kind = kindOf(node);
  const wrapper = element('div', { class: 'field' + (required ? ' required' : '') + ' kind-' + kind, 'data-path': path });
  const id = 'f' + (++counter);
  const control = makeControl(kind, node, path, required, titles);
  control.id = id;
  control.dataset.path = path;
  if (required) {
    control.setAttribute('aria-required', 'true');
  }
  if (control.matches('input, select, textarea')) {
    wrapper.append(element('label', { for: id, text: label }));
  } else {
    wrapper.append(element('label', { id: id + '-label', text: label }));
    control.setAttribute('aria-labelledby', id + '-label');
  }
  if (kind === 'amount') {
    const unit = amountUnit(titles);
    wrapper.append(element('div', { class: 'with-unit' }, control, unit ? element('span', { class: 'unit', text: unit }) : null));
  } else {
    wrapper.append(control);
  }
  return wrapper;
}

function makeControl(kind, node, path, required, titles) {
  const value = get(path);
  const text = value == null ? '' : String(value);
  if (kind === 'choice' || kind === 'enum' || kind === 'yesno') {
    return makeSelect(kind, node, path, required, value);
  }
  if (kind === 'choices') {
    return makeTicks(node, path, required, value);
  }
  if (kind === 'lines') {
    const area = element('textarea', { rows: 3, value: (Array.isArray(value) ? value : []).join('\n'), placeholder: '每条一行' });
    area.addEventListener('input', () => {
      page.touched.add(path);
      set(path, readLines(area.value).value, { required });
    });
    return area;
  }
  if (kind === 'multiline') {
    const area = element('textarea', { rows: 3, value: text });
    area.addEventListener('input', () => {
      page.touched.add(path);
      set(path, area.value, { required });
    });
    return area;
  }
  const input = element('input', { type: 'text', autocomplete: 'off', value: display(kind, text) });
  input.placeholder = PLACEHOLDERS[kind] || '';
  const read = readerFor(kind, { unit: () => amountUnit(titles) });
  if (read) {
    input.inputMode = kind === 'date' ? 'text' : 'decimal';
    input.addEventListener('input', () => typed(input, path, required, read));
    input.addEventListener('change', () => {
      const result = read(input.value);
      if (!result.error) {
        input.value = display(kind, String(result.value));
      }
    });
  } else {
    input.addEventListener('input', () => {
      page.touched.add(path);
      set(path, input.value, { required });
    });
  }
  return input;
}

/** How a plain value shows in its field: amounts grouped by thousands. */
export function display(kind, text) {
  return kind === 'amount' && /^\d+(\.\d+)?$/.test(text) ? grouped(text) : text;
}

/**
 * Reads the text as typed. A value that reads is stored plain; one that does not is stored as typed (so the
 * service refuses it too, and nothing is rendered from it) with the reason shown at once beside the field.
 */
function typed(input, path, required, read) {
  page.touched.add(path);
  const result = read(input.value);
  if (result.error) {
    page.typed.set(path, result.error);
  } else {
    page.typed.delete(path);
  }
  showTyped(input.closest('.field'), result.error, result.offer && (() => {
    input.value = result.offer;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('change'));
    input.focus();
  }), result.offer);
  set(path, result.error ? input.value.trim() : result.value, { required });
  if (!result.error) {
    follow(path);
  }
}

/** A message about what was typed, under its field; with a button that writes the figure offered instead. */
export function showTyped(wrapper, message, accept = null, offer = '') {
  if (!wrapper) {
    return;
  }
  const old = wrapper.querySelector(':scope > .problem.typed');
  if (old && old.dataset.message === message) {
    return;
  }
  if (old) {
    old.remove();
  }
  wrapper.classList.toggle('has-typed-error', Boolean(message));
  const control = wrapper.querySelector('input, select, textarea');
  if (message) {
    const note = element('p', { class: 'problem error typed', text: message, 'data-problem-for': wrapper.dataset.path });
    note.dataset.message = message;
    if (accept) {
      const button = element('button', { type: 'button', class: 'link accept-offer', text: '改为 ' + offer });
      button.addEventListener('click', accept);
      note.append(' ', button);
    }
    wrapper.append(note);
    control.setAttribute('aria-invalid', 'true');
  } else if (!wrapper.classList.contains('has-error')) {
    control.removeAttribute('aria-invalid');
  }
}

/** Choices that may be ticked together (偏差原因): a box each, the list kept in the schema's order. */
function makeTicks(node, path, required, value) {
  const choices = choicesOf(node);
  const ticked = Array.isArray(value) ? value : [];
  const group = element('div', { class: 'ticks', role: 'group' });
  const boxes = choices.map((choice) => element('input', { type: 'checkbox', value: choice, checked: ticked.includes(choice) }));
  boxes.forEach((box, i) => {
    box.addEventListener('change', () => {
      page.touched.add(path);
      set(path, boxes.filter((b) => b.checked).map((b) => b.value), { required });
    });
    group.append(element('label', {}, box, document.createTextNode(choices[i])));
  });
  return group;
}

/** The values a list of choices offers. */
export function choicesOf(node) {
  return (page.schema.resolve(node.items).enum || []).filter((v) => v != null).map(String);
}

function makeSelect(kind, node, path, required, value) {
  const select = element('select');
  const options = [];
  if (kind === 'choice') {
    let choices = node['x-choices'];
    if (choices.some((c) => c.parent)) {
      const parent = level1Value(get(path.replace(/\/level2$/, '/level1')));
      choices = choices.filter((c) => !parent || c.parent === parent);
    }
    const current = matchChoice(node['x-choices'], value);
    if (value != null && value !== '' && !current) {
      options.push(new Option(String(value), String(value)));
    }
    choices.forEach((c) => options.push(new Option(c.label, c.value)));
    value = current ? current.value : value;
  } else if (kind === 'enum') {
    // Each choice once, the default marked, never a blank or "null": an absent value reads as the default.
    const fallback = node.default ?? node.enum.find((option) => option != null);
    node.enum.filter((option) => option != null && option !== '').forEach((option) => options.push(
      new Option(String(option) + (!required && option === fallback ? '（默认）' : ''), String(option))));
    value = value == null || value === '' ? fallback : value;
  } else {
    options.push(new Option('（空）', ''), new Option('是', 'true'), new Option('否', 'false'));
  }
  select.append(...options);
  select.value = value == null ? '' : String(value);
  select.addEventListener('change', () => {
    page.touched.add(path);
    if (kind === 'yesno') {
      set(path, select.value === '' ? null : select.value === 'true', { required: true });
    } else if (path === '/amountUnit') {
      hooks.unitChanged(select, get(path) || '万元', select.value || '万元');
    } else {
      set(path, select.value, { required });
    }
  });
  return select;
}

/** The x-choice a value stands for, whether written as its value, label, bare name or code. */
export function matchChoice(choices, value) {
  const text = value == null ? '' : String(value).trim();
  if (text === '') {
    return null;
  }
  return choices.find((c) => c.value === text || c.label === text || c.label.split('-')[0] === text
    || c.value === text + '指标' || c.value.replace(/指标$/, '') === text
    || c.label.replace(/^\d+-/, '').replace(/指标$/, '') === text.replace(/^\d+-/, '').replace(/指标$/, '')) || null;
}

export function level1Value(value) {
  const found = matchChoice(page.schema.choices('level1'), value);
  return found ? found.value : value;
}
