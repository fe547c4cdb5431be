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
