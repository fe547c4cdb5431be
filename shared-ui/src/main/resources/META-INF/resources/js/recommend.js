// School fields of the wizard: private schools from the tenant's list, and the public school recommended
// from the property address (seed 000 §3.7): one recommendation → 确认 or 取消; several matches → the
// parent chooses; 取消 → any public school of the district. The choice is recorded by
// POST …/application/recommendation before it goes into the answers.

import { api } from './api.js';
import { h, uid } from './dom.js';
import { addMessages, loc, problemText, t } from './i18n.js';

const enc = encodeURIComponent;

addMessages({
  'recommend.loading': '正在根据房屋坐落匹配施教区学校…',
  'recommend.one': '系统根据您填报的房屋坐落推荐：',
  'recommend.several': '系统匹配出多个公办学校，请根据实际居住地的学区选择：',
  'recommend.none': '未能根据房屋坐落匹配到施教区学校，请根据实际情况选择学区内的公办学校。',
  'recommend.noAddress': '未填报住宅房产，请根据实际情况选择学区内的公办学校。',
  'recommend.matched': '（匹配“{pattern}”）',
  'recommend.accept': '确认选择该学校',
  'recommend.cancel': '取消',
  'recommend.choose': '选择学区内的公办学校',
  'recommend.chosen': '已选择：{school}',
  'recommend.change': '重新选择',
  'recommend.none.option': '无',
  'recommend.failed': '学校信息暂时无法读取，请稍后重试。',
  'recommend.note': '推荐仅供参考，若推荐不合理，请点击“取消”后根据实际房屋坐落的学区选择。',
}, {
  'recommend.loading': 'Matching the property address against the school zones…',
  'recommend.one': 'Recommended from the property address:',
  'recommend.several': 'Several public schools match the address: choose the one of your actual school zone:',
  'recommend.none': 'No school zone matches the property address: choose a public school of your district.',
  'recommend.noAddress': 'No property declared: choose a public school of your district.',
  'recommend.matched': '(matched “{pattern}”)',
  'recommend.accept': 'Choose this school',
  'recommend.cancel': 'Cancel',
  'recommend.choose': 'Choose a public school of the district',
  'recommend.chosen': 'Chosen: {school}',
  'recommend.change': 'Choose again',
  'recommend.none.option': 'None',
  'recommend.failed': 'The schools cannot be read right now: try again later.',
  'recommend.note': 'The recommendation is only a guide: if it is wrong, cancel and choose the school of your actual zone.',
});

const lists = new Map();

/** The tenant's schools (public list), once per page load. */
function schools(tenant) {
  if (!lists.has(tenant)) {
    lists.set(tenant, api(`tenants/${enc(tenant)}/schools`, { auth: false }).then((a) => (a.ok ? a.data : [])));
  }
  return lists.get(tenant);
}

const names = new Map();

/** Learns the names of a tenant's schools (for showing a saved SCHOOL answer by its name). */
export async function loadSchoolNames(tenant) {
  try {
    (await schools(tenant)).forEach((s) => names.set(s.code, s.name));
  } catch {
    // the code is shown instead
  }
}

/** A school's name as learnt by loadSchoolNames, or null. */
export function schoolName(code) {
  return names.get(code) || null;
}

/**
 * The control of a SCHOOL field: `set(code)` stores the choice in the wizard's answers; `common` are the
 * wizard's input attributes (id, disabled, aria-describedby); `stage` the child's stage.
 */
export function schoolControl({ tenant, childId, field, value, set, common, stage }) {
  if (field.source === 'PUBLIC_IN_ZONE') return publicChoice({ tenant, childId, value, set, common });
  if (field.source !== 'PRIVATE') {
    // e.g. the previous school (原毕业学校): free text, the tenant's schools offered as suggestions
    const list = uid('schools');
    const input = h('input', { ...common, type: 'text', autocomplete: 'off', list, maxlength: field.maxLength || 100,
      value: value ?? '', oninput: (e) => set(e.target.value) });
    const options = h('datalist', { id: list });
    schools(tenant).then((all) => all.forEach((s) => options.append(h('option', { value: loc(s.name) }))));
    return h('span', { class: 'school-text' }, input, options);
  }
  const select = h('select', { ...common, onchange: (e) => set(e.target.value) },
    h('option', { value: '' }, field.source === 'PRIVATE' ? t('recommend.none.option') : t('common.choose')));
  schools(tenant).then((all) => {
    const offered = all.filter((s) => (field.source !== 'PRIVATE' || !s.publicSchool) && (!stage || stage in (s.seats || {})));
    for (const s of offered) select.append(h('option', { value: s.code, selected: s.code === value }, loc(s.name)));
    if (value && !offered.some((s) => s.code === value)) select.append(h('option', { value, selected: true }, value));
  });
  return select;
}

function publicChoice({ tenant, childId, value, set, common }) {
  const box = h('div', { class: 'recommend', id: `${common.id}-box` });
  const message = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const hidden = h('input', { type: 'hidden', id: common.id, value: value || '' });
  let view = null;
  let known = [];
  const nameOf = (code) => [...(view?.recommended || []), ...(view?.alternatives || []), ...known]
    .find((s) => s.code === code)?.name;

  async function choose(code, cancelled) {
    message.hidden = true;
    const answer = await api(`tenants/${enc(tenant)}/children/${enc(childId)}/application/recommendation`, {
      method: 'POST', body: { school: code, cancelled },
    });
    if (!answer.ok) {
      message.textContent = problemText(answer.data?.errors?.[0]) || problemText(answer.data, 'detail');
      message.hidden = false;
      return;
    }
    view = answer.data;
    hidden.value = code;
    set(code);
    draw(code, false);
  }

  function alternatives(current) {
    const id = `${common.id}-alternatives`;
    const select = h('select', { id, disabled: common.disabled, 'aria-describedby': common['aria-describedby'] },
      h('option', { value: '' }, t('common.choose')),
      (view?.alternatives || []).map((s) => h('option', { value: s.code, selected: s.code === current }, loc(s.name))));
    return h('div', { class: 'field compact' },
      h('label', { for: id }, t('recommend.choose')),
      select,
      h('div', { class: 'actions' }, h('button', {
        type: 'button', class: 'btn btn-secondary', disabled: common.disabled, id: `${common.id}-confirm`,
        onclick: () => select.value && choose(select.value, true),
      }, t('recommend.accept'))));
  }

  function draw(current, choosing) {
    const rec = view?.recommended || [];
    const parts = [];
    if (current && !choosing) {
      parts.push(h('p', { class: 'chosen', id: `${common.id}-chosen` }, t('recommend.chosen', { school: loc(nameOf(current)) || current })));
      if (!common.disabled) {
        parts.push(h('button', { type: 'button', class: 'btn btn-link', onclick: () => draw(current, true) }, t('recommend.change')));
      }
    } else if (!view?.address) {
      parts.push(h('p', { class: 'muted' }, t('recommend.noAddress')), alternatives(current));
    } else if (rec.length === 1) {
      const [one] = rec;
      parts.push(
        h('p', { class: 'recommended' }, t('recommend.one'), ' ', h('strong', {}, loc(one.name)), ' ',
          h('span', { class: 'muted small' }, t('recommend.matched', { pattern: one.pattern }))),
        h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'btn', id: `${common.id}-accept`, disabled: common.disabled, onclick: () => choose(one.code, false) },
            t('recommend.accept')),
          h('button', { type: 'button', class: 'btn btn-secondary', id: `${common.id}-cancel`, disabled: common.disabled,
            onclick: () => { view = { ...view, recommended: [] , cancelled: true }; draw(null, true); } }, t('recommend.cancel'))),
        h('p', { class: 'muted small' }, t('recommend.note')));
    } else if (rec.length > 1) {
      const name = uid('rec');
      parts.push(h('fieldset', { class: 'field compact' },
        h('legend', {}, t('recommend.several')),
        h('div', { class: 'options' }, rec.map((s) => h('label', { class: 'option' },
          h('input', { type: 'radio', name, value: s.code, disabled: common.disabled, onchange: () => choose(s.code, false) }),
          ` ${loc(s.name)}`)))),
      h('button', { type: 'button', class: 'btn btn-secondary', disabled: common.disabled,
        onclick: () => { view = { ...view, recommended: [] }; draw(null, true); } }, t('recommend.cancel')));
    } else {
      parts.push(h('p', { class: 'muted' }, view?.cancelled ? '' : t('recommend.none')), alternatives(current));
    }
    box.replaceChildren(hidden, ...parts, message);
  }

  box.replaceChildren(hidden, h('p', { class: 'muted', role: 'status' }, t('recommend.loading')));
  Promise.all([api(`tenants/${enc(tenant)}/children/${enc(childId)}/application/recommendation`), schools(tenant)])
    .then(([answer, all]) => {
      if (!answer.ok) {
        box.replaceChildren(hidden, h('p', { class: 'field-error' }, t('recommend.failed')));
        return;
      }
      view = answer.data;
      known = all;
      draw(value || null, false);
    });
  return box;
}
