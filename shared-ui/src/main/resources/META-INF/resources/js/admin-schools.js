// 学校与学位 and 招生日程 of the admin console: #/admin/:tenant/schools (the tenant's schools with seats per
// stage, filter by district, create), #/admin/:tenant/schools/:code (edit seats, zone patterns one per line,
// public/private; saved with If-Match, a stale version is a 409) and #/admin/:tenant/calendar (phase dates).
// Problems (400) are shown next to the fields they name (seats.PRIMARY, zone[1], opens, …).

import { api, definition, versionOf } from './api.js';
import { h, show } from './dom.js';
import { addMessages, loc, problemText, t } from './i18n.js';
import { currentUser } from './review.js';

const enc = encodeURIComponent;

addMessages({
  'schools.heading': '学校与学位',
  'schools.list': '学校列表',
  'schools.filter': '按区镇筛选',
  'schools.filter.all': '全部区镇',
  'schools.col.name': '学校',
  'schools.col.district': '区镇',
  'schools.col.kind': '公办/民办',
  'schools.col.seats': '学位数',
  'schools.col.actions': '操作',
  'schools.public': '公办',
  'schools.private': '民办',
  'schools.edit': '编辑',
  'schools.editLabel': '编辑 {name}',
  'schools.none': '该区镇暂无学校。',
  'schools.count': '共 {n} 所学校',
  'schools.calendar': '招生日程',
  'schools.create': '新建学校',
  'schools.code': '学校代码',
  'schools.codeHint': '小写字母、数字和连字符，例如 ks-new-school；创建后不能修改。',
  'schools.nameZh': '学校名称（中文）',
  'schools.nameEn': '学校名称（英文）',
  'schools.district': '区镇',
  'schools.kind': '办学性质',
  'schools.seats': '各学段学位数',
  'schools.seatsHint': '0 至 100000 的整数；留空的学段不设学位。',
  'schools.zone': '施教区地址片段',
  'schools.zoneHint': '每行一条，例如“陆家镇菉溪路”；地址包含该片段即属于施教区。',
  'schools.zoneLine': '第 {n} 行：{message}',
  'schools.save': '保存',
  'schools.createSubmit': '创建学校',
  'schools.saved': '已保存 {name}',
  'schools.created': '已创建 {name}',
  'schools.stale': '该学校已被其他管理员修改。请刷新页面，查看最新内容后再保存。',
  'schools.reload': '刷新',
  'schools.back': '返回学校列表',
  'schools.version': '版本 {v}',
  'calendar.heading': '招生日程',
  'calendar.col.phase': '阶段',
  'calendar.opens': '开始日期',
  'calendar.closes': '结束日期',
  'calendar.save': '保存',
  'calendar.saveLabel': '保存 {phase}',
  'calendar.saved': '已保存 {phase}',
  'calendar.none': '暂无招生日程。',
  'calendar.schools': '学校与学位',
}, {
  'schools.heading': 'Schools and seats',
  'schools.list': 'Schools',
  'schools.filter': 'Filter by district',
  'schools.filter.all': 'All districts',
  'schools.col.name': 'School',
  'schools.col.district': 'District',
  'schools.col.kind': 'Public/private',
  'schools.col.seats': 'Seats',
  'schools.col.actions': 'Actions',
  'schools.public': 'Public',
  'schools.private': 'Private',
  'schools.edit': 'Edit',
  'schools.editLabel': 'Edit {name}',
  'schools.none': 'No schools in this district.',
  'schools.count': '{n} schools',
  'schools.calendar': 'Enrolment calendar',
  'schools.create': 'New school',
  'schools.code': 'School code',
  'schools.codeHint': 'Lower-case letters, digits and hyphens, e.g. ks-new-school; it cannot change later.',
  'schools.nameZh': 'Name (Chinese)',
  'schools.nameEn': 'Name (English)',
  'schools.district': 'District',
  'schools.kind': 'Public or private',
  'schools.seats': 'Seats per stage',
  'schools.seatsHint': 'A whole number from 0 to 100000; stages left empty have no seats.',
  'schools.zone': 'Catchment zone address patterns',
  'schools.zoneHint': 'One per line, e.g. a road or town name; an address containing it is in the zone.',
  'schools.zoneLine': 'Line {n}: {message}',
  'schools.save': 'Save',
  'schools.createSubmit': 'Create school',
  'schools.saved': '{name} saved',
  'schools.created': '{name} created',
  'schools.stale': 'Another administrator changed this school. Reload the page, check the latest values, then save again.',
  'schools.reload': 'Reload',
  'schools.back': 'Back to the schools',
  'schools.version': 'Version {v}',
  'calendar.heading': 'Enrolment calendar',
  'calendar.col.phase': 'Phase',
  'calendar.opens': 'First day',
  'calendar.closes': 'Last day',
  'calendar.save': 'Save',
  'calendar.saveLabel': 'Save {phase}',
  'calendar.saved': '{phase} saved',
  'calendar.none': 'No calendar yet.',
  'calendar.schools': 'Schools and seats',
});

/** The stages (学段) the tenant admits to, from its definition: seats are kept per stage. */
async function tenantStages(tenant) {
  const def = await definition(tenant).catch(() => null);
  return (def?.stages || []).map((s) => s.code);
}

const stageName = (stage) => { const k = `stage.${stage}`; const n = t(k); return n === k ? stage : n; };

function denied(main, heading, problem) {
  show(main, h('h1', {}, heading),
    h('p', { class: 'alert warn', role: 'alert' }, problem?.status === 404 || problem?.status === 403 ? t('admin.notAdmin') : problemText(problem, 'detail') || t('common.error')),
    h('p', {}, h('a', { href: '#/' }, t('nav.home'))));
}

function head(title, backHref, backText, extra = null) {
  return h('div', { class: 'page-head' }, h('h1', {}, title),
    h('div', { class: 'head-actions' }, extra, h('a', { class: 'btn btn-secondary', href: backHref }, backText)));
}

/** Clears the inline errors of a form. */
function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((x) => { x.hidden = true; x.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((x) => x.removeAttribute('aria-invalid'));
}

/** Puts each error of a 400 next to its field (`prefix-field-error`); what has no place goes to the summary. */
function showErrors(form, summary, problem, prefix) {
  const errors = problem?.errors || [];
  const loose = [];
  let first = null;
  const append = (out, text) => { out.textContent = out.textContent ? `${out.textContent} ${text}` : text; out.hidden = false; };
  for (const err of errors) {
    const field = String(err.field || '');
    const line = /^zone\[(\d+)\]$/.exec(field);
    const key = line ? 'zone' : field.replace(/\./g, '-');
    const out = form.querySelector(`#${prefix}-${CSS.escape(key)}-error`);
    const target = form.querySelector(`#${prefix}-${CSS.escape(key)}`);
    if (!out) { loose.push(problemText(err)); continue; }
    append(out, line ? t('schools.zoneLine', { n: Number(line[1]) + 1, message: problemText(err) }) : problemText(err));
    target?.setAttribute('aria-invalid', 'true');
    first ||= target;
  }
  if (!errors.length) loose.push(problemText(problem, 'detail') || problemText(problem, 'title') || t('common.error'));
  if (loose.length) {
    summary.replaceChildren(h('ul', {}, loose.map((m) => h('li', {}, m))));
    summary.hidden = false;
    summary.focus();
  } else {
    first?.focus();
  }
}

function field(prefix, name, label, control, hint = null) {
  const id = `${prefix}-${name}`;
  control.id = id;
  control.setAttribute('aria-describedby', [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    control,
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

function kindField(prefix, publicSchool) {
  const radio = (value, label) => h('label', { class: 'radio' },
    h('input', { type: 'radio', name: `${prefix}-public`, value, checked: String(publicSchool) === value }), ' ', label);
  return h('fieldset', { class: 'field', id: `${prefix}-publicSchool`, 'aria-describedby': `${prefix}-publicSchool-error` },
    h('legend', {}, t('schools.kind')),
    h('div', { class: 'radios' }, radio('true', t('schools.public')), radio('false', t('schools.private'))),
    h('p', { class: 'field-error', id: `${prefix}-publicSchool-error`, hidden: true }));
}

function seatsField(prefix, stages, seats) {
  return h('fieldset', { class: 'field', id: `${prefix}-seats`, 'aria-describedby': `${prefix}-seats-hint ${prefix}-seats-error` },
    h('legend', {}, t('schools.seats')),
    h('p', { class: 'hint', id: `${prefix}-seats-hint` }, t('schools.seatsHint')),
    h('div', { class: 'seat-grid' }, stages.map((stage) => field(prefix, `seats-${stage}`, stageName(stage),
      h('input', { type: 'number', inputmode: 'numeric', step: '1', class: 'seat-input', dataset: { stage }, value: seats?.[stage] ?? '' })))),
    h('p', { class: 'field-error', id: `${prefix}-seats-error`, hidden: true }));
}

/** The body of a school form: seats (empty stages left out), zone lines, public/private. */
function readSchool(form, prefix) {
  const seats = {};
  form.querySelectorAll('.seat-input').forEach((input) => {
    const raw = input.value.trim();
    // A value the browser cannot read as a number is sent as text so that the server names the field.
    if (raw !== '' || input.validity.badInput) seats[input.dataset.stage] = raw === '' ? input.value : Number(raw);
  });
  const zone = form.querySelector(`#${prefix}-zone`).value.split('\n').map((l) => l.trim()).filter(Boolean);
  const checked = form.querySelector(`input[name=${prefix}-public]:checked`);
  const body = { seats, zone };
  if (checked) body.publicSchool = checked.value === 'true';
  return body;
}

/** #/admin/:tenant/schools — the list, the district filter and the create form. */
export async function schoolsView(main, tenant, notice = null) {
  const path = `tenants/${enc(tenant)}/admin`;
  const [schools, districts, , own] = await Promise.all([api(`${path}/schools`), api(`${path}/districts`), currentUser(), tenantStages(tenant)]);
  if (!schools.ok) { denied(main, t('schools.heading'), schools.data); return; }
  const districtList = districts.ok ? districts.data : [];
  const districtName = (code) => { const d = districtList.find((x) => x.code === code); return d ? loc(d.name) : code; };
  const stages = [...new Set([...own, ...schools.data.flatMap((s) => Object.keys(s.seats || {}))])];

  const filter = h('select', { id: 'schools-district' },
    h('option', { value: '' }, t('schools.filter.all')),
    districtList.map((d) => h('option', { value: d.code }, loc(d.name))));
  const count = h('p', { class: 'muted small', id: 'schools-count', role: 'status' });
  const tbody = h('tbody', {});
  const draw = () => {
    const rows = schools.data.filter((s) => !filter.value || s.districtCode === filter.value);
    count.textContent = t('schools.count', { n: rows.length });
    tbody.replaceChildren(...(rows.length ? rows.map((s) => h('tr', { dataset: { school: s.code } },
      h('th', { scope: 'row', 'data-label': t('schools.col.name') }, loc(s.name), h('span', { class: 'muted small school-code' }, s.code)),
      h('td', { 'data-label': t('schools.col.district') }, districtName(s.districtCode)),
      h('td', { 'data-label': t('schools.col.kind') }, s.publicSchool ? t('schools.public') : t('schools.private')),
      h('td', { 'data-label': t('schools.col.seats') }, Object.entries(s.seats || {}).map(([stage, n]) => `${stageName(stage)} ${n}`).join('，') || '—'),
      h('td', { 'data-label': t('schools.col.actions') },
        h('a', { class: 'btn btn-secondary btn-small', id: `edit-${s.code}`, href: `#/admin/${enc(tenant)}/schools/${enc(s.code)}`, 'aria-label': t('schools.editLabel', { name: loc(s.name) }) }, t('schools.edit')))))
      : [h('tr', {}, h('td', { colspan: 5, class: 'empty' }, t('schools.none')))]));
  };
  filter.addEventListener('change', draw);
  draw();

  show(main,
    head(t('schools.heading'), `#/admin/${enc(tenant)}`, t('admin.back'),
      h('a', { class: 'btn btn-secondary', id: 'schools-calendar', href: `#/admin/${enc(tenant)}/calendar` }, t('schools.calendar'))),
    notice ? h('p', { class: 'alert success', role: 'status', id: 'schools-notice' }, notice) : null,
    h('section', { class: 'panel', 'aria-labelledby': 'schools-list-heading' },
      h('h2', { id: 'schools-list-heading' }, t('schools.list')),
      h('div', { class: 'field schools-filter' }, h('label', { for: 'schools-district' }, t('schools.filter')), filter),
      count,
      h('div', { class: 'table-wrap' }, h('table', { id: 'schools', class: 'schools' },
        h('thead', {}, h('tr', {}, ['name', 'district', 'kind', 'seats', 'actions'].map((c) => h('th', { scope: 'col' }, t(`schools.col.${c}`))))),
        tbody))),
    createForm(tenant, path, districtList, stages, (name) => schoolsView(main, tenant, t('schools.created', { name }))));
}

function createForm(tenant, path, districts, stages, done) {
  const prefix = 'new';
  const summary = h('div', { class: 'error-summary', id: 'new-summary', role: 'alert', tabindex: '-1', hidden: true });
  const text = (attrs = {}) => h('input', { type: 'text', autocomplete: 'off', ...attrs });
  const form = h('form', { id: 'school-create', novalidate: true }, summary,
    field(prefix, 'code', t('schools.code'), text({ spellcheck: 'false', autocapitalize: 'none' }), t('schools.codeHint')),
    h('div', { class: 'two-col' },
      field(prefix, 'name-zh', t('schools.nameZh'), text()),
      field(prefix, 'name-en', t('schools.nameEn'), text())),
    field(prefix, 'districtCode', t('schools.district'),
      h('select', {}, districts.map((d) => h('option', { value: d.code }, loc(d.name))))),
    kindField(prefix, true),
    seatsField(prefix, stages, {}),
    field(prefix, 'zone', t('schools.zone'), h('textarea', { rows: 4 }), t('schools.zoneHint')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn', id: 'new-submit' }, t('schools.createSubmit'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    summary.hidden = true;
    const value = (id) => form.querySelector(`#new-${id}`).value.trim();
    const body = {
      code: value('code'), name: { zh: value('name-zh'), en: value('name-en') }, districtCode: value('districtCode'),
      ...readSchool(form, prefix),
    };
    const button = form.querySelector('#new-submit');
    button.disabled = true;
    const result = await api(`${path}/schools`, { method: 'POST', body });
    button.disabled = false;
    if (result.ok) done(loc(result.data.name)); else showErrors(form, summary, result.data, prefix);
  });
  return h('section', { class: 'panel narrow', 'aria-labelledby': 'school-create-heading' },
    h('h2', { id: 'school-create-heading' }, t('schools.create')), form);
}

/** #/admin/:tenant/schools/:code — one school's seats, zone and public/private, saved with If-Match. */
export async function schoolEditView(main, tenant, code, notice = null) {
  const path = `tenants/${enc(tenant)}/admin`;
  const [answer, districts, , own] = await Promise.all([api(`${path}/schools/${enc(code)}`), api(`${path}/districts`), currentUser(), tenantStages(tenant)]);
  if (!answer.ok) { denied(main, t('schools.heading'), answer.data); return; }
  const school = answer.data;
  const version = versionOf(answer.etag) ?? String(school.version);
  const district = (districts.ok ? districts.data : []).find((d) => d.code === school.districtCode);
  const stages = [...new Set([...Object.keys(school.seats || {}), ...own])];
  const prefix = 'school';
  const summary = h('div', { class: 'error-summary', id: 'school-summary', role: 'alert', tabindex: '-1', hidden: true });
  const form = h('form', { id: 'school-edit', novalidate: true }, summary,
    kindField(prefix, school.publicSchool),
    seatsField(prefix, stages, school.seats),
    field(prefix, 'zone', t('schools.zone'), h('textarea', { rows: Math.min(14, Math.max(4, (school.zone || []).length + 1)) }, (school.zone || []).join('\n')), t('schools.zoneHint')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn', id: 'school-save' }, t('schools.save'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    summary.hidden = true;
    const button = form.querySelector('#school-save');
    button.disabled = true;
    const result = await api(`${path}/schools/${enc(code)}`, { method: 'PUT', body: readSchool(form, prefix), headers: { 'If-Match': `"${version}"` } });
    button.disabled = false;
    if (result.ok) { schoolEditView(main, tenant, code, t('schools.saved', { name: loc(result.data.name) })); return; }
    if (result.status === 409) {
      summary.replaceChildren(h('p', { class: 'summary-title' }, t('schools.stale')),
        h('button', { type: 'button', class: 'btn btn-secondary', id: 'school-reload', onclick: () => schoolEditView(main, tenant, code) }, t('schools.reload')));
      summary.hidden = false;
      summary.focus();
      return;
    }
    showErrors(form, summary, result.data, prefix);
  });
  show(main,
    head(loc(school.name), `#/admin/${enc(tenant)}/schools`, t('schools.back')),
    h('p', { class: 'muted' }, [school.code, district ? loc(district.name) : school.districtCode, t('schools.version', { v: version })].join(' · ')),
    notice ? h('p', { class: 'alert success', role: 'status', id: 'school-notice' }, notice) : null,
    h('section', { class: 'panel narrow', 'aria-label': t('schools.edit') }, form));
}

/** #/admin/:tenant/calendar — the phases of the enrolment calendar, each saved on its own. */
export async function calendarView(main, tenant, notice = null) {
  const path = `tenants/${enc(tenant)}/admin/calendar`;
  const [answer] = await Promise.all([api(path), currentUser()]);
  if (!answer.ok) { denied(main, t('calendar.heading'), answer.data); return; }
  const rows = answer.data.map((phase) => {
    const prefix = `phase-${phase.code}`;
    const summary = h('div', { class: 'error-summary', id: `${prefix}-summary`, role: 'alert', tabindex: '-1', hidden: true });
    const form = h('form', { class: 'phase-form', id: `${prefix}`, novalidate: true, 'aria-label': loc(phase.name) },
      h('h2', { class: 'phase-name' }, loc(phase.name), ' ', h('span', { class: 'muted small school-code' }, phase.code)),
      summary,
      h('div', { class: 'phase-dates' },
        field(prefix, 'opens', t('calendar.opens'), h('input', { type: 'date', value: phase.opens })),
        field(prefix, 'closes', t('calendar.closes'), h('input', { type: 'date', value: phase.closes })),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn-secondary', id: `${prefix}-save`, 'aria-label': t('calendar.saveLabel', { phase: loc(phase.name) }) }, t('calendar.save')))));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      summary.hidden = true;
      const body = { opens: form.querySelector(`#${prefix}-opens`).value, closes: form.querySelector(`#${prefix}-closes`).value };
      const button = form.querySelector(`#${prefix}-save`);
      button.disabled = true;
      const result = await api(`${path}/${enc(phase.code)}`, { method: 'PUT', body });
      button.disabled = false;
      if (result.ok) calendarView(main, tenant, t('calendar.saved', { phase: loc(result.data.name) }));
      else showErrors(form, summary, result.data, prefix);
    });
    return h('li', { class: 'card phase' }, form);
  });
  show(main,
    head(t('calendar.heading'), `#/admin/${enc(tenant)}`, t('admin.back'),
      h('a', { class: 'btn btn-secondary', href: `#/admin/${enc(tenant)}/schools` }, t('calendar.schools'))),
    notice ? h('p', { class: 'alert success', role: 'status', id: 'calendar-notice' }, notice) : null,
    rows.length ? h('ul', { class: 'phases', id: 'calendar' }, rows) : h('p', { class: 'empty' }, t('calendar.none')));
}
