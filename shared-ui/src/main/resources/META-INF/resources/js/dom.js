// A tiny element builder: h('p', {class: 'x', onclick: f}, 'text', child).

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key in el && typeof value !== 'string') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : value);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the view and moves focus to its heading (announced by screen readers). */
export function show(main, ...children) {
  main.replaceChildren(...children.flat().filter(Boolean));
  const heading = main.querySelector('h1, h2');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  window.scrollTo(0, 0);
}

/** Masks the middle of a number for display: 13800000001 → 138****0001. */
export function mask(value) {
  if (!value) return '';
  const s = String(value);
  if (s.length <= 7) return s;
  const keep = s.length >= 15 ? 4 : 3;
  return s.slice(0, keep) + '*'.repeat(s.length - keep - 4) + s.slice(-4);
}

let counter = 0;
export function uid(prefix = 'id') {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * Asks in the page's own dialog (not the browser's confirm()): a modal <dialog> with the question, the
 * consequence and two buttons; resolves true when the person confirms. Escape or 取消 resolves false; the
 * focus goes back to the button that asked. `id` names the dialog (`${id}`, `${id}-confirm`, `${id}-cancel`).
 */
export function confirmDialog({ id, title, text, confirmLabel, cancelLabel, danger = false }) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    let answer = false;
    const dialog = h('dialog', { class: 'confirm-dialog', id, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-text` },
      h('h2', { id: `${id}-title` }, title),
      h('p', { id: `${id}-text` }, text),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: danger ? 'btn btn-danger' : 'btn', id: `${id}-confirm`,
          onclick: () => { answer = true; dialog.close(); } }, confirmLabel),
        h('button', { type: 'button', class: 'btn btn-secondary', id: `${id}-cancel`, onclick: () => dialog.close() }, cancelLabel)));
    dialog.addEventListener('close', () => {
      dialog.remove();
      opener?.focus?.();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector(`#${id}-cancel`).focus(); // the safe choice has the focus
  });
}
