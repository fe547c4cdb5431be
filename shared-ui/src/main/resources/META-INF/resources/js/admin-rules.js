// 积分规则参数 of the admin console: #/admin/:tenant/rules[/:year] — every parameter of the year's points
// rules with the tenant's own label and unit (GET /api/tenants/:t/rules/:year answers them in
// `description`), saved with If-Match the version read (a version changed meanwhile is a 409: reload),
// 400 problems shown next to the parameter they name (insurance.recentMonths, education.BACHELOR, …),
// who stored the version and when, and 恢复默认值 (stores the tenant's shipped parameters as a new version,
// after a confirmation). Every points breakdown is stamped with the version it was computed with.

import { api } from './api.js';
import { h, show } from './dom.js';
import { addMessages, dateTime, loc, problemText, t } from './i18n.js';
import { currentUser } from './review.js';

const enc = encodeURIComponent;

addMessages({
  'admin.section.rules': '积分规则参数',
  'admin.section.rules.hint': '本年度积分计算所用的参数，修改后生成新版本。',
  'rules.heading': '积分规则参数 · {year} 年度',
  'rules.version': '当前版本',
  'rules.source': '来源',
  'rules.source.DEFAULT': '系统默认参数（未修改）',
  'rules.source.STORED': '管理员修改',
  'rules.updatedBy': '修改人',
  'rules.updatedAt': '修改时间',
  'rules.stamp': '每一份积分明细都会记录计算时所用的规则版本；修改参数后，之后计算的积分使用新版本，已记录的版本号不变。',
  'rules.save': '保存参数',
  'rules.saved': '已保存，新版本 {version}',
  'rules.reset': '恢复默认值',
  'rules.resetAsk': '确定将 {year} 年度的全部参数恢复为系统默认值吗？将保存为一个新版本。',
  'rules.resetConfirm': '确认恢复',
  'rules.cancel': '取消',
  'rules.resetDone': '已恢复默认值，新版本 {version}',
  'rules.stale': '积分规则参数已被其他管理员修改。请刷新，查看最新参数后再保存。',
  'rules.reload': '刷新',
  'rules.invalid': '有 {n} 项参数需要修改，请查看标出的字段。',
  'rules.changed': '与默认值不同',
  'rules.defaultValue': '默认值：{value}',
  'rules.noCap': '不设上限',
  'rules.prevYear': '{year} 年度',
  'rules.nextYear': '{year} 年度',
  'rules.years': '其他年度',
}, {
  'admin.section.rules': 'Points rule parameters',
  'admin.section.rules.hint': 'The parameters points are computed with this year; each change is a new version.',
  'rules.heading': 'Points rule parameters · {year}',
  'rules.version': 'Version in force',
  'rules.source': 'Source',
  'rules.source.DEFAULT': 'Shipped defaults (unchanged)',
  'rules.source.STORED': 'Changed by an administrator',
  'rules.updatedBy': 'Changed by',
  'rules.updatedAt': 'Changed at',
  'rules.stamp': 'Every points breakdown records the rule version it was computed with; after a change, later breakdowns use the new version and recorded versions stay as they were.',
  'rules.save': 'Save parameters',
  'rules.saved': 'Saved as version {version}',
  'rules.reset': 'Reset to defaults',
  'rules.resetAsk': 'Reset every parameter of {year} to the shipped defaults? They are stored as a new version.',
  'rules.resetConfirm': 'Reset',
  'rules.cancel': 'Cancel',
  'rules.resetDone': 'Defaults restored as version {version}',
  'rules.stale': 'Another administrator changed the rule parameters. Reload, check the latest values, then save again.',
  'rules.reload': 'Reload',
  'rules.invalid': '{n} parameters need correcting: see the marked fields.',
  'rules.changed': 'differs from the default',
  'rules.defaultValue': 'Default: {value}',
  'rules.noCap': 'no cap',
  'rules.prevYear': '{year}',
  'rules.nextYear': '{year}',
  'rules.years': 'Other years',
});

/** The value at a dotted path of the parameters. */
function at(object, path) {
  return path.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), object);
}

function put(object, path, value) {
  const keys = path.split('.');
  let o = object;
  keys.slice(0, -1).forEach((k) => { o[k] = o[k] && typeof o[k] === 'object' ? o[k] : {}; o = o[k]; });
  o[keys[keys.length - 1]] = value;
}

/** The description's entries; without one, every leaf of the parameters under its path. */
function entries(view) {
  if (Array.isArray(view.description) && view.description.length) return view.description;
  const out = [];
  const walk = (prefix, o) => Object.entries(o).forEach(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') walk(path, v); else out.push({ path, label: { zh: path, en: path }, group: { zh: '', en: '' } });
  });
  walk('', view.parameters);
  return out;
}

const idOf = (path) => `rule-${path.replace(/\./g, '-')}`;

const shown = (value, entry) => (value === null || value === undefined ? (entry.nullable ? t('rules.noCap') : '') : String(value));

/** What a field sends: numbers as numbers, fractions and dates as text, an empty nullable as null. */
function read(input, entry) {
  const raw = input.value.trim();
  if (raw === '' && entry.nullable) return null;
  if (entry.type === 'integer' || entry.type === 'points') return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (entry.type === 'fraction') return /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  return raw;
}

function denied(main, problem) {
  show(main, h('h1', {}, t('admin.section.rules')),
    h('p', { class: 'alert warn', role: 'alert' }, problem?.status === 404 || problem?.status === 403 ? t('admin.notAdmin') : problemText(problem, 'detail') || t('common.error')),
    h('p', {}, h('a', { href: '#/' }, t('nav.home'))));
}

/** #/admin/:tenant/rules[/:year] — the year's parameters (without a year: the current school year). */
export async function rulesView(main, tenant, year = null, notice = null) {
  const [answer] = await Promise.all([api(`tenants/${enc(tenant)}/rules/${year ? enc(year) : 'current'}`), currentUser()]);
  if (!answer.ok) { denied(main, answer.data); return; }
  const view = answer.data;
  const base = `#/admin/${enc(tenant)}/rules`;
  if (!year) history.replaceState(null, '', `${base}/${view.year}`);
  const reload = (message) => rulesView(main, tenant, String(view.year), message);

  const summary = h('div', { class: 'error-summary', id: 'rules-summary', role: 'alert', tabindex: '-1', hidden: true });
  const groups = new Map();
  for (const entry of entries(view)) {
    const key = loc(entry.group);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(entry);
  }
  const inputs = [];
  const fieldsets = [...groups.entries()].map(([group, list], i) => h('fieldset', { class: 'panel rules-group' },
    h('legend', { id: `rules-group-${i}` }, h('h2', { class: 'rules-group-title' }, group)),
    h('div', { class: 'two-col' }, list.map((entry) => {
      const id = idOf(entry.path);
      const value = at(view.parameters, entry.path);
      const fallback = view.defaults ? at(view.defaults, entry.path) : undefined;
      const differs = view.defaults && JSON.stringify(value ?? null) !== JSON.stringify(fallback ?? null);
      const input = h('input', {
        type: entry.type === 'date' ? 'date' : 'text', id, name: entry.path, autocomplete: 'off', spellcheck: 'false',
        inputmode: entry.type === 'integer' ? 'numeric' : entry.type === 'points' ? 'decimal' : null,
        value: value === null || value === undefined ? '' : String(value),
        'aria-describedby': `${id}-hint ${id}-error`,
      });
      inputs.push([input, entry]);
      const range = entry.min !== undefined && entry.max !== undefined ? `${entry.min}–${entry.max}` : null;
      const hint = [loc(entry.hint), range, view.defaults ? t('rules.defaultValue', { value: shown(fallback, entry) || '—' }) : null]
        .filter(Boolean).join('；');
      return h('div', { class: 'field', dataset: { path: entry.path } },
        h('label', { for: id }, loc(entry.label), entry.unit ? h('span', { class: 'muted' }, `（${loc(entry.unit)}）`) : null,
          differs ? h('span', { class: 'badge changed-badge' }, t('rules.changed')) : null),
        h('p', { class: 'hint', id: `${id}-hint` }, hint),
        input,
        h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
    }))));

  const clear = () => {
    summary.hidden = true;
    main.querySelectorAll('.field-error').forEach((x) => { x.hidden = true; x.textContent = ''; });
    main.querySelectorAll('[aria-invalid]').forEach((x) => x.removeAttribute('aria-invalid'));
  };
  const fail = (result) => {
    if (result.status === 409) {
      summary.replaceChildren(h('p', { class: 'summary-title' }, t('rules.stale')),
        h('button', { type: 'button', class: 'btn btn-secondary', id: 'rules-reload', onclick: () => reload() }, t('rules.reload')));
      summary.hidden = false;
      summary.focus();
      return;
    }
    const errors = result.data?.errors || [];
    const loose = [];
    let first = null;
    for (const err of errors) {
      const out = main.querySelector(`#${CSS.escape(idOf(String(err.field || '')))}-error`);
      if (!out) { loose.push(problemText(err)); continue; }
      out.textContent = out.textContent ? `${out.textContent} ${problemText(err)}` : problemText(err);
      out.hidden = false;
      const input = main.querySelector(`#${CSS.escape(idOf(String(err.field)))}`);
      input?.setAttribute('aria-invalid', 'true');
      first ||= input;
    }
    if (!errors.length) loose.push(problemText(result.data, 'detail') || problemText(result.data, 'title') || t('common.error'));
    summary.replaceChildren(h('p', { class: 'summary-title' }, t('rules.invalid', { n: errors.length || 1 })),
      loose.length ? h('ul', {}, loose.map((m) => h('li', {}, m))) : null);
    summary.hidden = false;
    (first || summary).focus();
  };
  const send = async (button, parameters, done) => {
    clear();
    button.disabled = true;
    const result = await api(`tenants/${enc(tenant)}/rules/${view.year}`, { method: 'PUT', body: parameters, headers: { 'If-Match': `"${view.version}"` } });
    button.disabled = false;
    if (result.ok) reload(t(done, { version: result.data.version })); else fail(result);
  };

  const form = h('form', { id: 'rules-form', novalidate: true }, summary, fieldsets,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn', id: 'rules-save' }, t('rules.save'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const parameters = structuredClone(view.parameters);
    for (const [input, entry] of inputs) put(parameters, entry.path, read(input, entry));
    send(form.querySelector('#rules-save'), parameters, 'rules.saved');
  });

  const resetArea = h('div', { id: 'rules-reset-area' });
  const resetButton = h('button', {
    type: 'button', class: 'btn btn-secondary', id: 'rules-reset', disabled: !view.defaults,
    onclick: () => {
      resetButton.hidden = true;
      const cancel = () => { resetArea.replaceChildren(); resetButton.hidden = false; resetButton.focus(); };
      const confirmButton = h('button', { type: 'button', class: 'btn btn-danger', id: 'rules-reset-confirm', onclick: (e) => send(e.currentTarget, view.defaults, 'rules.resetDone') }, t('rules.resetConfirm'));
      resetArea.replaceChildren(h('div', { class: 'alert warn', role: 'alertdialog', 'aria-labelledby': 'rules-reset-ask', 'aria-modal': 'false' },
        h('p', { id: 'rules-reset-ask' }, t('rules.resetAsk', { year: view.year })),
        h('div', { class: 'actions' }, confirmButton,
          h('button', { type: 'button', class: 'btn btn-secondary', id: 'rules-reset-cancel', onclick: cancel }, t('rules.cancel')))));
      confirmButton.focus();
    },
  }, t('rules.reset'));

  const fact = (label, value, id) => h('div', {}, h('dt', {}, label), h('dd', { id }, value));
  show(main,
    h('div', { class: 'page-head' }, h('h1', {}, t('rules.heading', { year: view.year })),
      h('div', { class: 'head-actions' }, h('a', { class: 'btn btn-secondary', href: `#/admin/${enc(tenant)}` }, t('admin.back')))),
    notice ? h('p', { class: 'alert success', role: 'status', id: 'rules-notice' }, notice) : null,
    h('section', { class: 'panel', 'aria-label': t('rules.version') },
      h('dl', { class: 'facts', id: 'rules-facts' },
        fact(t('rules.version'), view.version, 'rules-version'),
        fact(t('rules.source'), t(`rules.source.${view.source}`), 'rules-source'),
        view.updatedBy ? fact(t('rules.updatedBy'), view.updatedBy, 'rules-updated-by') : null,
        view.updatedAt ? fact(t('rules.updatedAt'), dateTime(view.updatedAt), 'rules-updated-at') : null),
      h('p', { class: 'hint', id: 'rules-stamp' }, t('rules.stamp')),
      h('nav', { class: 'actions', 'aria-label': t('rules.years') },
        h('a', { class: 'btn btn-link', id: 'rules-prev', href: `${base}/${view.year - 1}` }, `← ${t('rules.prevYear', { year: view.year - 1 })}`),
        h('a', { class: 'btn btn-link', id: 'rules-next', href: `${base}/${view.year + 1}` }, `${t('rules.nextYear', { year: view.year + 1 })} →`)),
      h('div', { class: 'actions' }, resetButton), resetArea),
    form);
}
