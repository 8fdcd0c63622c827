// A question with a few answers, as a small dialog that fits the window: the first answer has the keyboard,
// Esc or 取消 answers null.

import { element } from './context.js';

export function ask(question, answers) {
  return new Promise((resolve) => {
    const dialog = element('dialog', { class: 'ask', 'aria-label': question });
    const buttons = answers.map((answer, i) => {
      const button = element('button', { type: 'button', class: i === 0 ? 'primary' : '', text: answer.label });
      button.addEventListener('click', () => finish(answer.value));
      return button;
    });
    const cancel = element('button', { type: 'button', text: '取消' });
    cancel.addEventListener('click', () => finish(null));
    dialog.append(element('p', { text: question }), element('div', { class: 'ask-answers' }, ...buttons, cancel));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(null);
    });
    const back = document.activeElement;
    document.body.append(dialog);
    dialog.showModal();
    buttons[0].focus();

    function finish(value) {
      dialog.close();
      dialog.remove();
      back?.focus?.({ preventScroll: true });
      resolve(value);
    }
  });
}
