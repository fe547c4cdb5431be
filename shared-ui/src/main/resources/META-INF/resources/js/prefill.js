// Registry prefill (e.g. Siming: the household registry fills in the student and the registered parents).
// Driven by the definition: a section with an ID-number field in a step that has fields marked
// `prefilled` gets a 「从户籍系统读取」 button; what comes back for other steps (the guardians) waits in
// memory until that step is opened. The parent may correct anything: the server records the original
// values and shows every correction to the reviewers.

import { api } from './api.js';
import { h } from './dom.js';
import { addMessages, loc, problemText, t } from './i18n.js';
import { addWizardHook } from './wizard-hooks.js';

addMessages({
  'prefill.button': '从户籍系统读取',
  'prefill.loading': '正在查询户籍系统…',
  'prefill.done': '已根据户籍系统自动填写，请核对；如与实际不符可以修改（修改会提交给审核人员）。',
  'prefill.enterId': '请先填写正确的身份证号。',
  'prefill.failed': '户籍系统暂时无法访问，请稍后再试或手工填写。',
  'prefill.badge': '户籍系统填写',
}, {
  'prefill.button': 'Fill in from the household registry',
  'prefill.loading': 'Asking the household registry…',
  'prefill.done': 'Filled in from the household registry: please check; you may correct anything (reviewers see corrections).',
  'prefill.enterId': 'Enter a valid ID number first.',
  'prefill.failed': 'The household registry cannot be reached: try again shortly or fill in by hand.',
  'prefill.badge': 'from the registry',
});

const enc = encodeURIComponent;
/** childId → stepId → sectionId → {field: value}: values for steps not opened yet (memory only). */
const pending = new Map();

const pathId = (path) => `f-${String(path).replace(/\[(\d+)\]/g, '.$1').split('.').join('-')}`;
const empty = (v) => v === undefined || v === null || v === '';

/** Steps with prefilled fields and an ID-number field in the same section: where the button goes. */
const prefillable = (step, section) => section.fields.some((f) => f.type === 'ID_NUMBER')
  && step.sections.some((s) => s.fields.some((f) => f.prefilled));

// A first visit of a step: a repeatable student list starts with the registered child; waiting values
// from an earlier lookup fill the fields still empty.
addWizardHook('answers', ({ childId, child, step, answers }) => {
  for (const section of step.sections) {
    if (section.maxRepeats > 1 && prefillable(step, section) && !(answers[section.id]?.length)) {
      const idField = section.fields.find((f) => f.type === 'ID_NUMBER');
      answers[section.id] = [{ [idField.id]: child.idNumber, ...(section.fields.some((f) => f.id === 'name') ? { name: child.name } : {}) }];
    }
  }
  const waiting = pending.get(childId)?.[step.id];
  if (!waiting) return;
  for (const [sectionId, values] of Object.entries(waiting)) {
    const section = step.sections.find((s) => s.id === sectionId);
    if (!section || section.maxRepeats > 1) continue;
    const entry = (answers[sectionId] && !Array.isArray(answers[sectionId])) ? answers[sectionId] : (answers[sectionId] = {});
    for (const [field, value] of Object.entries(values)) {
      if (empty(entry[field])) entry[field] = value;
    }
  }
});

addWizardHook('field', ({ tenant, childId, step, section, field, entry, path, wrapper, changed, readOnly }) => {
  if (readOnly || field.type !== 'ID_NUMBER' || !prefillable(step, section)) return;
  const status = h('p', { class: 'hint prefill-status', role: 'status', 'aria-live': 'polite', id: `${pathId(path)}-prefill-status` });
  const button = h('button', { type: 'button', class: 'btn btn-secondary prefill-button', id: `${pathId(path)}-prefill` }, t('prefill.button'));
  button.addEventListener('click', async () => {
    const idNumber = (entry[field.id] || '').trim();
    if (!/^\d{17}[\dXx]$/.test(idNumber)) {
      status.textContent = t('prefill.enterId');
      return;
    }
    button.disabled = true;
    status.textContent = t('prefill.loading');
    try {
      const answer = await api(`tenants/${enc(tenant)}/children/${enc(childId)}/application/prefill`, {
        method: 'POST', body: { idNumber },
      });
      if (!answer.ok) {
        status.textContent = answer.status === 400 ? problemText(answer.data.errors?.[0]) : t('prefill.failed');
        return;
      }
      const { values, note } = answer.data;
      const base = path.slice(0, path.length - field.id.length - 1); // step.section or step.section[i]
      for (const [key, value] of Object.entries(values)) {
        const [stepId, sectionId, fieldId] = key.split('.');
        if (stepId === step.id && sectionId === section.id) {
          entry[fieldId] = value;
          show(`${base}.${fieldId}`, value);
        } else if (stepId !== step.id) {
          const forChild = pending.get(childId) || {};
          ((forChild[stepId] ||= {})[sectionId] ||= {})[fieldId] = value;
          pending.set(childId, forChild);
        }
      }
      status.textContent = Object.keys(values).length ? t('prefill.done') : loc(note) || '';
      changed();
    } finally {
      button.disabled = false;
    }
  });
  wrapper.append(h('div', { class: 'prefill' }, button, status));
});

/** Puts a value into the rendered control of a field path (text, date, select or radio). */
function show(path, value) {
  const id = pathId(path);
  const radio = document.getElementById(`${id}-${value}`);
  if (radio && radio.type === 'radio') {
    radio.checked = true;
    return;
  }
  const input = document.getElementById(id);
  if (input && 'value' in input) {
    input.value = value;
    input.closest('.field')?.classList.add('prefilled');
  }
}
