// The reviewer's view of registry-prefilled values the parent corrected (original vs corrected), from
// the task detail's `corrections`.

import { h } from './dom.js';
import { addMessages, loc, t } from './i18n.js';

addMessages({
  'corrections.heading': '家长修改的户籍系统信息',
  'corrections.intro': '以下信息由户籍系统自动填写，家长提交前作了修改，请重点核对：',
  'corrections.field': '信息项',
  'corrections.original': '户籍系统',
  'corrections.corrected': '家长填写',
  'corrections.cleared': '（已清空）',
}, {
  'corrections.heading': 'Registry values the parent changed',
  'corrections.intro': 'These were filled in from the household registry and changed by the parent before submitting: check them.',
  'corrections.field': 'Item',
  'corrections.original': 'Registry',
  'corrections.corrected': 'Parent',
  'corrections.cleared': '(cleared)',
});

/** "students.student[1].name" → "学生信息 · 第 2 项 · 姓名" with the form's labels. */
export function fieldLabel(def, path) {
  const m = /^([\w-]+)\.([\w-]+)(?:\[(\d+)\])?\.([\w-]+)$/.exec(path);
  if (!m) return path;
  const step = def.steps.find((s) => s.id === m[1]);
  const section = step?.sections.find((s) => s.id === m[2]);
  const field = section?.fields.find((f) => f.id === m[4]);
  if (!field) return path;
  return [loc(section.title), m[3] !== undefined ? t('wizard.entry', { n: Number(m[3]) + 1 }) : null, loc(field.label)]
    .filter(Boolean).join(' · ');
}

export function correctionsPanel(def, corrections) {
  if (!corrections?.length) return null;
  return h('section', { class: 'panel corrections', id: 'corrections', 'aria-labelledby': 'corrections-heading' },
    h('h2', { id: 'corrections-heading' }, t('corrections.heading')),
    h('p', { class: 'alert warn' }, t('corrections.intro')),
    h('table', { class: 'table' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('corrections.field')),
        h('th', { scope: 'col' }, t('corrections.original')),
        h('th', { scope: 'col' }, t('corrections.corrected')))),
      h('tbody', {}, corrections.map((c) => h('tr', { dataset: { field: c.field } },
        h('th', { scope: 'row' }, fieldLabel(def, c.field)),
        h('td', {}, c.original),
        h('td', {}, c.corrected ?? t('corrections.cleared')))))));
}
