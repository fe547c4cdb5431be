// The multi-step form, rendered from the tenant's definition: step bar, fields by type, conditions
// evaluated live, repeatable sections, per-step save with autosave, inline errors from the 400 problem,
// the 409 stale-version reload, preview and submit (declaration + Idempotency-Key).

import { api, application, definition, versionOf } from './api.js';
import { test, lookupFor } from './conditions.js';
import { h, show } from './dom.js';
import { focusLink, notify } from './home.js';
import { loc, problemText, t, time } from './i18n.js';
import { pointsPanel } from './points.js';
import { returnNotice } from './returned.js';
import { deadlineNotice, tenantNames } from './progress.js';
import { loadSchoolNames, schoolControl, schoolName } from './recommend.js';
import { beforeSubmit, hooks } from './wizard-hooks.js';
import { uploadSlots } from './uploads.js';

const enc = encodeURIComponent;
const AUTOSAVE_MS = 4000;

/** The element id of a server field path: family.student.name → f-family-student-name. */
export function pathId(path) {
  return `f-${String(path).replace(/\[(\d+)\]/g, '.$1').split('.').join('-')}`;
}

const isEmpty = (v) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

export async function wizardView(main, tenant, childId, stepId) {
  const [def, childrenAnswer, sharedAnswer, , names] = await Promise.all([definition(tenant), api(`tenants/${enc(tenant)}/children`),
    api(`tenants/${enc(tenant)}/children/${enc(childId)}/application/shared`), loadSchoolNames(tenant),
    tenantNames(tenant).catch(() => null)]);
  // DISTRICT fields choose among the tenant's districts (区镇, 街道); a free code only when it has none
  const districts = Object.entries(names?.districts || {});
  const child = (childrenAnswer.data || []).find((c) => c.id === childId);
  let app = await application(tenant, childId);
  const index = def.steps.findIndex((s) => s.id === stepId);
  if (!child || index < 0) {
    show(main, h('h1', {}, t('notFound')), h('p', {}, h('a', { href: `#/t/${enc(tenant)}` }, t('nav.home'))));
    return;
  }
  const step = def.steps[index];
  const last = index === def.steps.length - 1;
  const readOnly = app !== null && !['DRAFT', 'RETURNED'].includes(app.status);
  // what the reviewers returned (退回): those fields are marked 需修改 (list indexes ignored)
  const returnedPaths = app?.status === 'RETURNED'
    ? (app.review || []).filter((r) => r.status === 'RETURNED').flatMap((r) => r.returnFields || [])
      .map((p) => String(p).replace(/\[\d+\]/g, '')) : [];
  const route = (id) => `#/t/${enc(tenant)}/c/${enc(childId)}/step/${enc(id)}`;

  // The working answers of this step (saved ones, or the child's known details on a first visit).
  let answers = structuredClone(app?.answers?.[step.id] || {});
  if (!app?.answers?.[step.id] && index === 0) prefillStudent(step, answers, child);
  if (!readOnly) hooks.answers.forEach((fn) => fn({ tenant, childId, child, def, step, answers }));
  // Sections shared with a sibling who has applied (Kunshan: 监护人信息): taken from that application, locked.
  const locked = (sharedAnswer.ok && sharedAnswer.data?.[step.id]) || {};
  if (!readOnly) Object.entries(locked).forEach(([sectionId, values]) => { answers[sectionId] = structuredClone(values); });
  let dirty = false;
  let lastSaved = null;
  let savingChain = Promise.resolve();
  let autosaveTimer = null;

  const indicator = h('p', { class: 'autosave', id: 'autosave', role: 'status', 'aria-live': 'polite' },
    app?.answers?.[step.id] ? t('wizard.saved', { time: time(app.updatedAt) }) : t('wizard.savedNothing'));
  const summary = h('div', { class: 'error-summary', id: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
  const visibility = []; // {el, condition, section, entry}
  const points = pointsPanel(tenant, () => ({ ...(app?.answers || {}), [step.id]: answers }));

  const lookup = (sectionId = null, entry = null) => lookupFor(step.id, answers, app?.answers || {}, sectionId, entry);

  /**
   * Whether a live condition holds; for an upload slot (anyEntry) as the server decides it: also when it
   * holds for any entry of a repeatable section (one twin with a rare character is enough).
   */
  function holds(v) {
    if (test(v.condition, lookup(v.section, v.entry))) return true;
    return Boolean(v.anyEntry) && step.sections.some((s) => Array.isArray(answers[s.id])
      && answers[s.id].some((entry) => test(v.condition, lookup(s.id, entry))));
  }

  function refreshVisibility() {
    for (const v of visibility) {
      v.el.hidden = !holds(v);
    }
  }

  function changed() {
    refreshVisibility();
    points?.refresh();
    if (readOnly) return;
    dirty = true;
    indicator.textContent = t('wizard.dirty');
    clearTimeout(autosaveTimer);
    autosaveTimer = setTimeout(() => save({ auto: true }), AUTOSAVE_MS);
  }

  // ---- fields ---------------------------------------------------------------------------------

  function familyMembers(source) {
    const all = { ...(app?.answers || {}), [step.id]: answers };
    const found = [];
    const name = (s) => (s?.name ? `（${s.name}）` : '');
    for (const stepAnswers of Object.values(all)) {
      for (const [sectionId, section] of Object.entries(stepAnswers || {})) {
        if (/^guardian\d$/.test(sectionId) && section && section.relation !== 'NONE') {
          found.push([sectionId, `${t(`wizard.member.${sectionId}`)}${name(section)}`]);
        } else if (source === 'FAMILY' && sectionId === 'student' && section) {
          found.push(['student', `${t('wizard.member.student')}${name(section)}`]);
        } else if (source === 'FAMILY' && Array.isArray(section)) {
          section.forEach((m, i) => found.push([`${sectionId}${i + 1}`, `${t('wizard.member.member', { n: i + 1 })}${name(m)}`]));
        }
      }
    }
    return [...new Map(found).entries()];
  }

  function fieldControl(field, entry, path, id, describedBy, disabled) {
    const value = entry[field.id];
    const set = (v) => {
      if (isEmpty(v)) delete entry[field.id];
      else entry[field.id] = v;
      changed();
    };
    const common = { id, name: id, disabled, 'aria-describedby': describedBy || null, 'aria-required': field.required ? 'true' : null };
    const choiceLabel = (o) => loc(o.label);
    switch (field.type) {
      case 'BOOLEAN':
        if (last) {
          return h('label', { class: 'option declaration-box', for: id },
            h('input', { ...common, type: 'checkbox', checked: value === true, onchange: (e) => set(e.target.checked ? true : undefined) }),
            ` ${t('wizard.agree')}`);
        }
        return radios(field, common, [['true', t('common.yes')], ['false', t('common.no')]],
          value === undefined ? null : String(value), (v) => set(v === 'true'));
      case 'CHOICE':
        if (field.options.length <= 4) {
          return radios(field, common, field.options.map((o) => [o.code, choiceLabel(o)]), value ?? null, set);
        }
        return h('select', { ...common, onchange: (e) => set(e.target.value) },
          h('option', { value: '' }, t('common.choose')),
          field.options.map((o) => h('option', { value: o.code, selected: o.code === value }, choiceLabel(o))));
      case 'MULTI_CHOICE': {
        const chosen = new Set(Array.isArray(value) ? value : []);
        return h('div', { class: 'options', role: 'group', 'aria-labelledby': `${id}-label` },
          field.options.map((o, i) => h('label', { class: 'option' },
            h('input', {
              type: 'checkbox', id: i === 0 ? id : `${id}-${i}`, value: o.code, checked: chosen.has(o.code), disabled,
              'aria-describedby': describedBy || null,
              onchange: (e) => {
                if (e.target.checked) chosen.add(o.code); else chosen.delete(o.code);
                set(field.options.map((x) => x.code).filter((c) => chosen.has(c)));
              },
            }), ` ${choiceLabel(o)}`)));
      }
      case 'FAMILY_MEMBER': {
        const options = familyMembers(field.source);
        const select = h('select', { ...common, onchange: (e) => set(e.target.value) },
          h('option', { value: '' }, t('common.choose')),
          options.map(([code, label]) => h('option', { value: code, selected: code === value }, label)));
        if (value && !options.some(([code]) => code === value)) select.append(h('option', { value, selected: true }, value));
        return select;
      }
      case 'SCHOOL':
        return schoolControl({ tenant, childId, field, value, set, common, stage: child.stage });
      case 'TEXTAREA':
        return h('textarea', { ...common, rows: 4, maxlength: field.maxLength || null, value: value ?? '', oninput: (e) => set(e.target.value) });
      case 'DATE':
        return h('input', { ...common, type: 'date', value: value ?? '', oninput: (e) => set(e.target.value), onchange: (e) => set(e.target.value) });
      case 'NUMBER':
        return h('input', {
          ...common, type: 'number', inputmode: 'numeric', value: value ?? '',
          oninput: (e) => set(e.target.value === '' ? undefined : Number(e.target.value)),
        });
      case 'DISTRICT':
        if (districts.length) {
          const select = h('select', { ...common, onchange: (e) => set(e.target.value || undefined) },
            h('option', { value: '' }, t('common.choose')),
            districts.map(([code, name]) => h('option', { value: code, selected: code === value }, loc(name))));
          if (value && !districts.some(([code]) => code === value)) select.append(h('option', { value, selected: true }, value));
          return select;
        }
        // falls through: a free code when the tenant has no districts
      default: {
        const attrs = {
          TEXT: { type: 'text', autocomplete: 'off' },
          ID_NUMBER: { type: 'text', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'characters', maxlength: 30 },
          MOBILE: { type: 'tel', inputmode: 'numeric', autocomplete: 'tel', maxlength: 13 },
          ADDRESS: { type: 'text', autocomplete: 'off' },
          SCHOOL: { type: 'text', autocomplete: 'off', spellcheck: 'false' },
          DISTRICT: { type: 'text', autocomplete: 'off', spellcheck: 'false' },
        }[field.type] || { type: 'text' };
        return h('input', {
          ...common, ...attrs, maxlength: attrs.maxlength || field.maxLength || null,
          value: value ?? '', oninput: (e) => set(e.target.value),
        });
      }
    }
  }

  function radios(field, common, options, value, set) {
    return h('div', { class: 'options', role: 'radiogroup', id: common.id, 'aria-labelledby': `${common.id}-label`,
      'aria-describedby': common['aria-describedby'] },
    options.map(([code, label]) => h('label', { class: 'option' },
      h('input', {
        type: 'radio', name: common.id, id: `${common.id}-${code}`, value: code,
        checked: value === code, disabled: common.disabled, onchange: () => set(code),
      }), ` ${label}`)));
  }

  function renderField(section, field, entry, basePath) {
    const path = `${basePath}.${field.id}`;
    const id = pathId(path);
    const hintText = field.hint ? loc(field.hint)
      : field.type === 'SCHOOL' ? t('wizard.schoolHint')
        : field.type === 'DISTRICT' && !districts.length ? t('wizard.districtHint') : null;
    const hintId = hintText ? `${id}-hint` : null;
    const grouped = ['BOOLEAN', 'CHOICE', 'MULTI_CHOICE'].includes(field.type)
      && !(field.type === 'CHOICE' && field.options.length > 4) && !(field.type === 'BOOLEAN' && last);
    const label = h(grouped ? 'span' : 'label', { class: 'label', id: `${id}-label`, for: grouped ? null : id },
      loc(field.label),
      field.required ? h('span', { class: 'req', title: t('common.required') }, ' *') : null);
    const plain = path.replace(/\[\d+\]/g, '');
    const isReturned = returnedPaths.some((p) => p === plain || p === `${step.id}.${section.id}` || p === step.id);
    const wrapper = h('div', { class: `field type-${field.type.toLowerCase()}${isReturned ? ' returned' : ''}`, dataset: { path } },
      isReturned ? h('span', { class: 'returned-tag' }, t('returned.field')) : null,
      last && field.type === 'BOOLEAN' ? h('p', { class: 'declaration', id: `${id}-label` }, loc(field.label)) : label,
      hintText ? h('p', { class: 'hint', id: hintId }, hintText) : null,
      fieldControl(field, entry, path, id, hintId, readOnly || section.id in locked),
      h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
    hooks.field.forEach((fn) => fn({ tenant, childId, def, step, section, field, entry, path, wrapper, changed, readOnly }));
    if (field.visibleWhen && field.visibleWhen.op !== 'always') {
      visibility.push({ el: wrapper, condition: field.visibleWhen, section: section.id, entry });
    }
    return wrapper;
  }

  function renderSection(section) {
    const basePath = `${step.id}.${section.id}`;
    let body;
    if (section.maxRepeats > 1) {
      if (!Array.isArray(answers[section.id])) answers[section.id] = [];
      const entries = answers[section.id];
      const list = h('div', { class: 'entries' });
      const add = h('button', { type: 'button', class: 'btn btn-secondary', disabled: readOnly, id: `${pathId(basePath)}-add` }, t('wizard.addEntry'));
      const draw = () => {
        const keep = visibility.filter((v) => v.section !== section.id);
        visibility.length = 0;
        visibility.push(...keep);
        list.replaceChildren(...(entries.length ? entries.map((entry, i) => h('fieldset', { class: 'entry' },
          h('legend', {}, t('wizard.entry', { n: i + 1 })),
          section.fields.map((f) => renderField(section, f, entry, `${basePath}[${i}]`)),
          readOnly ? null : h('button', {
            type: 'button', class: 'btn btn-link', onclick: () => { entries.splice(i, 1); draw(); changed(); add.focus(); },
          }, t('wizard.removeEntry')))) : [h('p', { class: 'muted' }, t('wizard.noEntries'))]));
        add.disabled = readOnly || entries.length >= section.maxRepeats;
        refreshVisibility();
      };
      add.addEventListener('click', () => {
        entries.push({});
        draw();
        changed();
        list.querySelectorAll('fieldset.entry')[entries.length - 1]?.querySelector('input, select')?.focus();
      });
      draw();
      body = [list, h('p', { class: 'muted small' }, t('wizard.maxEntries', { n: section.maxRepeats })), add];
    } else {
      if (!answers[section.id] || Array.isArray(answers[section.id])) answers[section.id] = {};
      body = section.fields.map((f) => renderField(section, f, answers[section.id], basePath));
    }
    const el = h('fieldset', { class: 'section', id: pathId(basePath) },
      h('legend', {}, loc(section.title)),
      section.hint ? h('p', { class: 'hint' }, loc(section.hint)) : null,
      section.id in locked && !readOnly ? h('p', { class: 'alert warn', id: `${pathId(basePath)}-locked` }, t('wizard.sharedLocked')) : null,
      body);
    if (section.visibleWhen && section.visibleWhen.op !== 'always') {
      visibility.push({ el, condition: section.visibleWhen, section: null, entry: null });
    }
    return el;
  }

  // ---- saving ---------------------------------------------------------------------------------

  /** What is sent: visible sections and fields only, empty ones left out. */
  function payload() {
    const out = {};
    for (const section of step.sections) {
      if (!test(section.visibleWhen, lookup())) continue;
      const clean = (entry) => Object.fromEntries(section.fields
        .filter((f) => test(f.visibleWhen, lookup(section.id, entry)) && !isEmpty(entry[f.id]))
        .map((f) => [f.id, entry[f.id]]));
      out[section.id] = section.maxRepeats > 1 ? (answers[section.id] || []).map(clean) : clean(answers[section.id] || {});
    }
    return out;
  }

  function clearErrors() {
    summary.hidden = true;
    summary.replaceChildren();
    main.querySelectorAll('.field-error').forEach((e) => { e.hidden = true; e.textContent = ''; });
    main.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    main.querySelectorAll('.field.has-error').forEach((e) => e.classList.remove('has-error'));
  }

  /** Shows the problem's errors next to their fields and in the summary (links to fields or steps). */
  function showProblem(problem, heading) {
    clearErrors();
    const errors = problem?.errors || [];
    const items = errors.map((e) => {
      const id = pathId(e.field);
      const out = document.getElementById(`${id}-error`);
      const stepOf = String(e.field).split('.')[0].replace(/\[\d+\]$/, '');
      if (out) {
        out.textContent = problemText(e);
        out.hidden = false;
        const wrapper = out.closest('.field');
        wrapper?.classList.add('has-error');
        wrapper?.querySelectorAll('input, select, textarea').forEach((input) => {
          input.setAttribute('aria-invalid', 'true');
          const ids = new Set((input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
          ids.add(`${id}-error`);
          input.setAttribute('aria-describedby', [...ids].join(' '));
        });
        return h('li', {}, h('a', { href: `#${id}`, onclick: focusLink }, problemText(e)));
      }
      const other = def.steps.find((s) => s.id === stepOf);
      if (other && other.id !== step.id) {
        return h('li', {}, h('a', { href: route(other.id) }, `${loc(other.title)}：${problemText(e)}`));
      }
      return h('li', {}, problemText(e));
    });
    summary.append(
      h('p', { class: 'summary-title' }, heading || (errors.length ? t('wizard.errors', { n: errors.length }) : problemText(problem, 'title'))),
      errors.length ? h('ul', {}, items) : h('p', {}, problemText(problem, 'detail')));
    summary.hidden = false;
    summary.focus();
  }

  function showStale() {
    clearErrors();
    summary.append(h('p', { class: 'summary-title' }, t('wizard.stale')),
      h('button', { type: 'button', class: 'btn', id: 'reload', onclick: () => { main.replaceChildren(h('p', { class: 'muted', role: 'status' }, t('common.loading'))); wizardView(main, tenant, childId, stepId); } }, t('wizard.reload')));
    summary.hidden = false;
    summary.focus();
  }

  /** Saves this step (If-Match the version read). Resolves true when stored. */
  function save({ auto = false } = {}) {
    clearTimeout(autosaveTimer);
    const run = async () => {
      if (auto && !dirty) return true;
      indicator.textContent = t('wizard.saving');
      const sent = JSON.stringify(payload());
      const headers = app ? { 'If-Match': `"${app.version}"` } : {};
      const answer = await api(`tenants/${enc(tenant)}/children/${enc(childId)}/application/steps/${enc(step.id)}`, {
        method: 'PUT', body: JSON.parse(sent), headers,
      });
      if (answer.ok) {
        app = { ...answer.data, version: versionOf(answer.etag) ?? String(answer.data.version) };
        if (JSON.stringify(payload()) === sent) dirty = false;
        lastSaved = new Date();
        indicator.textContent = t(auto ? 'wizard.autosaved' : 'wizard.saved', { time: time(lastSaved) });
        if (!auto) clearErrors();
        return true;
      }
      if (answer.status === 409 && answer.data?.type === 'urn:civic:problem:stale-version') {
        indicator.textContent = t('wizard.dirty');
        showStale();
        return false;
      }
      if (auto) {
        indicator.textContent = answer.status === 400 ? t('wizard.incomplete') : t('wizard.dirty');
        return false;
      }
      indicator.textContent = t('wizard.dirty');
      showProblem(answer.data);
      return false;
    };
    savingChain = savingChain.then(run, run);
    return savingChain;
  }

  async function submit(button) {
    button.disabled = true;
    button.textContent = t('wizard.submitting');
    try {
      if (!(await save())) return;
      const extra = await beforeSubmit({ tenant, childId, def, app }); // e.g. the SMS code (confirm-submit.js)
      if (extra === null) return;
      // One key per submission attempt: a retried request is answered once, never submitted twice.
      const key = crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
      let answer;
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          answer = await api(`tenants/${enc(tenant)}/children/${enc(childId)}/application/submit`, {
            method: 'POST', headers: { 'Idempotency-Key': key }, body: Object.keys(extra).length ? extra : undefined,
          });
          break;
        } catch (networkError) {
          if (attempt === 2) throw networkError;
        }
      }
      if (answer.ok) {
        notify(`${child.name}：${t('home.submittedNotice')}`);
        location.hash = `#/t/${enc(tenant)}`;
        return;
      }
      showProblem(answer.data, t('wizard.submitErrors'));
    } finally {
      button.disabled = false;
      button.textContent = t('wizard.submit');
    }
  }

  // ---- layout ---------------------------------------------------------------------------------

  const saved = new Set(Object.keys(app?.answers || {}));
  const stepBar = h('nav', { class: 'stepbar', 'aria-label': t('wizard.steps') },
    h('ol', {}, def.steps.map((s, i) => {
      const current = i === index;
      const content = [h('span', { class: 'num', 'aria-hidden': 'true' }, saved.has(s.id) && !current ? '✓' : String(i + 1)),
        h('span', { class: 'step-title' }, loc(s.title))];
      return h('li', { class: `${current ? 'current' : ''} ${saved.has(s.id) ? 'done' : ''}`, 'aria-current': current ? 'step' : null },
        !current && (saved.has(s.id) || i < index) ? h('a', { href: route(s.id) }, content) : h('span', {}, content));
    })));

  // Document slots of the step (js/uploads.js), shown under the step's live conditions.
  const uploads = uploadSlots({ tenant, childId, step, readOnly });
  uploads.conditional.forEach((c) => visibility.push({ ...c, section: null, entry: null, anyEntry: true }));

  const form = h('form', { class: 'wizard-form', novalidate: true, id: 'step-form' },
    summary,
    last ? preview(def, app, route, readOnly, names) : null,
    readOnly && !last ? h('p', { class: 'alert warn' }, t('wizard.readOnly')) : null,
    step.sections.map(renderSection),
    uploads.element);

  const actions = h('div', { class: 'actions sticky' });
  if (index > 0) actions.append(h('a', { class: 'btn btn-secondary', href: route(def.steps[index - 1].id), id: 'previous' }, t('wizard.previous')));
  if (!readOnly) {
    if (last) {
      actions.append(
        h('button', { type: 'button', class: 'btn btn-secondary', id: 'save-only', onclick: () => save() }, t('wizard.saveOnly')),
        h('button', { type: 'submit', class: 'btn', id: 'submit' }, t('wizard.submit')));
    } else {
      actions.append(h('button', { type: 'submit', class: 'btn', id: 'save-next' },
        index === def.steps.length - 2 ? t('wizard.savePreview') : t('wizard.saveNext')));
    }
    actions.append(indicator);
  } else {
    actions.append(h('a', { class: 'btn', href: `#/t/${enc(tenant)}` }, t('nav.home')));
  }
  form.append(actions);
  if (last && !readOnly && app?.status !== 'RETURNED') {
    // a submission is taken only within the application phase (a correction asked for at any time): say so before the parent tries
    const notice = await deadlineNotice(tenant).catch(() => null);
    if (notice) {
      form.prepend(notice);
      if (notice.dataset.open === 'false') form.querySelector('#submit').disabled = true;
    }
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (readOnly) return;
    if (last) {
      await submit(form.querySelector('#submit'));
    } else if (await save()) {
      location.hash = route(def.steps[index + 1].id);
    }
  });

  show(main,
    h('div', { class: 'page-head' },
      h('h1', {}, `${t('wizard.heading')} · ${child.name}`),
      h('a', { class: 'btn btn-secondary', href: `#/t/${enc(tenant)}` }, t('nav.home'))),
    stepBar,
    returnNotice(def, app),
    h('p', { class: 'muted small step-count' }, `${t('wizard.stepOf', { n: index + 1, total: def.steps.length })} · ${loc(step.title)}`),
    h('div', { class: points ? 'wizard with-aside' : 'wizard' },
      h('section', { class: 'panel', 'aria-labelledby': 'step-heading' },
        h('h2', { id: 'step-heading' }, loc(step.title)),
        form),
      points));
  refreshVisibility();

  // Leaving with unsaved changes (another route, the language switch): save them, best effort.
  onLeave = () => {
    clearTimeout(autosaveTimer);
    if (dirty && !readOnly) save({ auto: true });
  };
}

let onLeave = null;

/** Called by the router before it shows another view. */
export function leaveWizard() {
  const leave = onLeave;
  onLeave = null;
  leave?.();
}

function prefillStudent(step, answers, child) {
  for (const section of step.sections) {
    if (!['student', 'child'].includes(section.id) || section.maxRepeats > 1) continue;
    const entry = (answers[section.id] ||= {});
    for (const key of ['name', 'idType', 'idNumber']) {
      if (section.fields.some((f) => f.id === key) && isEmpty(entry[key])) entry[key] = child[key];
    }
  }
}

/** 报名信息预览: every step's saved answers with a link to change it. */
/** The name a family member code stands for in the application's answers (监护人一 → 王军), or null. */
function memberName(answers, code) {
  const m = /^([a-z]+?)(\d+)$/i.exec(code);
  for (const step of Object.values(answers || {})) {
    if (!step || typeof step !== 'object') continue;
    if (step[code] && !Array.isArray(step[code]) && step[code].name) return step[code].name;
    if (m && Array.isArray(step[m[1]]) && step[m[1]][Number(m[2]) - 1]?.name) return step[m[1]][Number(m[2]) - 1].name;
  }
  return null;
}

/**
 * A saved answer as a person reads it (also used by the reviewer workbench and the printout): option labels,
 * schools and districts by name (`names` from GET /api/tenants/{t}/names), family members by role and name
 * from the application's `answers` — never a code.
 */
export function displayValue(field, value, { names = null, answers = null } = {}) {
  if (isEmpty(value)) return t('common.none');
  if (field.type === 'BOOLEAN') return value ? t('common.yes') : t('common.no');
  if (field.type === 'FAMILY_MEMBER' && typeof value === 'string') {
    const who = memberName(answers, value);
    const m = /^[a-z]+?(\d+)$/i.exec(value);
    const role = /^(guardian[12]|student)$/.test(value) ? t(`wizard.member.${value}`)
      : m ? t('wizard.member.member', { n: m[1] }) : value;
    return who ? `${role}（${who}）` : role;
  }
  if (field.type === 'SCHOOL' && typeof value === 'string') {
    const name = names?.schools?.[value] || schoolName(value);
    if (name) return loc(name);
  }
  if (field.type === 'DISTRICT' && typeof value === 'string' && names?.districts?.[value]) return loc(names.districts[value]);
  if (field.options?.length) {
    const label = (code) => loc(field.options.find((o) => o.code === code)?.label) || code;
    return Array.isArray(value) ? value.map(label).join('、') : label(value);
  }
  return String(value);
}

function preview(def, app, route, readOnly, names) {
  const display = (f, v) => displayValue(f, v, { names, answers: app?.answers });
  const fields = (section, entry) => h('dl', { class: 'preview-list' },
    section.fields.filter((f) => !isEmpty(entry?.[f.id])).map((f) =>
      h('div', {}, h('dt', {}, loc(f.label)), h('dd', {}, display(f, entry[f.id])))));
  return h('section', { class: 'preview', 'aria-labelledby': 'preview-heading' },
    h('h3', { id: 'preview-heading' }, t('wizard.previewHeading')),
    def.steps.slice(0, -1).map((s) => {
      const saved = app?.answers?.[s.id];
      return h('section', { class: 'preview-step' },
        h('div', { class: 'preview-head' },
          h('h4', {}, loc(s.title)),
          readOnly ? null : h('a', { href: route(s.id), class: 'btn btn-link' }, `${t('wizard.edit')}`, h('span', { class: 'sr-only' }, ` ${loc(s.title)}`))),
        saved
          ? s.sections.filter((sec) => sec.id in saved && !isEmpty(saved[sec.id])
            && (Array.isArray(saved[sec.id]) || Object.keys(saved[sec.id]).length)).map((sec) => h('div', { class: 'preview-section' },
            h('h5', {}, loc(sec.title)),
            Array.isArray(saved[sec.id])
              ? saved[sec.id].map((entry, i) => h('div', {}, h('p', { class: 'muted small' }, t('wizard.entry', { n: i + 1 })), fields(sec, entry)))
              : fields(sec, saved[sec.id])))
          : h('p', { class: 'field-error' }, t('wizard.notSaved')));
    }));
}

