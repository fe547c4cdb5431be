// 管理后台 for a tenant's administrators: the section list with the counts per district and status (CSV
// export, UTF-8 with BOM for Excel), and 审核人员管理 (reviewer accounts: list, create, districts /
// departments / schools, disable and enable). Other sections (allocation, schools) live in their own
// modules under #/admin/:tenant/…

import { api, definition } from './api.js';
import { accessToken } from './auth.js';
import { h, show } from './dom.js';
import { addMessages, loc, problemText, t } from './i18n.js';
import { currentUser } from './review.js';

const enc = encodeURIComponent;

addMessages({
  'nav.admin': '管理后台',
  'admin.heading': '管理后台',
  'admin.sections': '管理功能',
  'admin.section.staff': '审核人员管理',
  'admin.section.staff.hint': '创建审核人员账号，分配区镇、部门或学校，停用与启用。',
  'admin.section.allocation': '录取分配',
  'admin.section.allocation.hint': '试运行、查看与发布分配结果。',
  'admin.section.schools': '学校与学位',
  'admin.section.schools.hint': '学校、学位数与施教区。',
  'admin.counts': '报名统计（按区镇与状态）',
  'admin.counts.district': '区镇',
  'admin.counts.status': '状态',
  'admin.counts.applications': '报名数',
  'admin.counts.total': '合计',
  'admin.counts.none': '暂无报名。',
  'admin.counts.unknown': '（未填写）',
  'admin.csv': '导出 CSV',
  'admin.notAdmin': '您没有该业务的管理权限。',
  'admin.back': '返回管理后台',
  'staff.heading': '审核人员管理',
  'staff.list': '审核人员',
  'staff.col.username': '用户名',
  'staff.col.name': '姓名',
  'staff.col.scopes': '负责范围',
  'staff.col.state': '状态',
  'staff.col.actions': '操作',
  'staff.enabled': '启用',
  'staff.disabled': '已停用',
  'staff.disable': '停用',
  'staff.enable': '启用',
  'staff.none': '暂无审核人员。',
  'staff.noScopes': '未分配',
  'staff.remove': '移除',
  'staff.removeLabel': '移除 {scope}',
  'staff.add': '添加范围',
  'staff.addLabel': '为 {name} 添加范围',
  'staff.kind': '类型',
  'staff.choose': '请选择',
  'staff.code': '代码',
  'staff.kind.district': '区镇',
  'staff.kind.department': '部门',
  'staff.kind.school': '学校',
  'staff.create': '新建审核人员',
  'staff.username': '用户名',
  'staff.usernameHint': '3至40位小写字母、数字或 . _ -，以字母开头。',
  'staff.lastName': '姓',
  'staff.firstName': '名',
  'staff.email': '电子邮箱（选填）',
  'staff.password': '初始密码',
  'staff.passwordHint': '首次登录时须修改。8至64位，须同时包含数字、大写字母、小写字母和特殊字符（如 # @ !）。',
  'staff.scope': '负责范围（选填）',
  'staff.scopeHint': '先选类型，再从列表中选择区镇、部门或民办学校。',
  'staff.createSubmit': '创建',
  'staff.created': '已创建审核人员 {username}',
  'staff.changed': '已保存',
}, {
  'nav.admin': 'Administration',
  'admin.heading': 'Administration',
  'admin.sections': 'Sections',
  'admin.section.staff': 'Reviewer accounts',
  'admin.section.staff.hint': 'Create reviewer accounts, assign districts, departments or schools, disable and enable.',
  'admin.section.allocation': 'Allocation',
  'admin.section.allocation.hint': 'Dry run, inspect and publish the allocation.',
  'admin.section.schools': 'Schools and seats',
  'admin.section.schools.hint': 'Schools, seats and catchment zones.',
  'admin.counts': 'Applications by district and status',
  'admin.counts.district': 'District',
  'admin.counts.status': 'Status',
  'admin.counts.applications': 'Applications',
  'admin.counts.total': 'Total',
  'admin.counts.none': 'No applications yet.',
  'admin.counts.unknown': '(not given)',
  'admin.csv': 'Export CSV',
  'admin.notAdmin': 'You do not administer this service.',
  'admin.back': 'Back to administration',
  'staff.heading': 'Reviewer accounts',
  'staff.list': 'Reviewers',
  'staff.col.username': 'Username',
  'staff.col.name': 'Name',
  'staff.col.scopes': 'Scopes',
  'staff.col.state': 'State',
  'staff.col.actions': 'Actions',
  'staff.enabled': 'Enabled',
  'staff.disabled': 'Disabled',
  'staff.disable': 'Disable',
  'staff.enable': 'Enable',
  'staff.none': 'No reviewers yet.',
  'staff.noScopes': 'None',
  'staff.remove': 'Remove',
  'staff.removeLabel': 'Remove {scope}',
  'staff.add': 'Add scope',
  'staff.addLabel': 'Add a scope for {name}',
  'staff.kind': 'Kind',
  'staff.choose': 'Choose',
  'staff.code': 'Code',
  'staff.kind.district': 'District',
  'staff.kind.department': 'Department',
  'staff.kind.school': 'School',
  'staff.create': 'New reviewer',
  'staff.username': 'Username',
  'staff.usernameHint': '3 to 40 lower-case letters, digits or . _ -, starting with a letter.',
  'staff.lastName': 'Last name',
  'staff.firstName': 'First name',
  'staff.email': 'E-mail (optional)',
  'staff.password': 'Temporary password',
  'staff.passwordHint': 'Changed at first sign-in. 8 to 64 characters with a digit, an upper-case and a lower-case letter and a special character (e.g. # @ !).',
  'staff.scope': 'Scope (optional)',
  'staff.scopeHint': 'Choose the kind, then a district, department or private school from the list.',
  'staff.createSubmit': 'Create',
  'staff.created': 'Reviewer {username} created',
  'staff.changed': 'Saved',
});

const KINDS = ['district', 'department', 'school'];

/**
 * A scope chooser: the kind, then one of that kind's districts / departments / schools (from
 * GET …/staff/scopes), never a typed code. {kind, code}: the two selects (code.value is '' until chosen).
 */
function scopePicker(options, idPrefix, describedBy = null) {
  const kinds = KINDS.filter((k) => options.some((o) => o.kind === k));
  const kind = h('select', { 'aria-label': t('staff.kind'), class: 'inline-select', id: `${idPrefix}-kind` },
    kinds.map((k) => h('option', { value: k }, t(`staff.kind.${k}`))));
  const code = h('select', { 'aria-label': t('staff.code'), class: 'inline-select', id: `${idPrefix}-code`, 'aria-describedby': describedBy });
  const fill = () => {
    code.replaceChildren(h('option', { value: '' }, t('staff.choose')),
      ...options.filter((o) => o.kind === kind.value).map((o) => h('option', { value: o.code }, `${loc(o.name)}（${o.code}）`)));
  };
  kind.addEventListener('change', fill);
  fill();
  return { kind, code };
}

function scopeText(scope) {
  const [kind, code] = scope.split(':');
  const key = `${kind}.${code}`;
  const name = t(key);
  return `${t(`staff.kind.${kind}`)} ${name === key ? code : `${name}（${code}）`}`;
}

function denied(main, problem) {
  show(main, h('h1', {}, t('admin.heading')),
    h('p', { class: 'alert warn', role: 'alert' }, problem?.status === 404 || problem?.status === 403 ? t('admin.notAdmin') : problemText(problem, 'detail') || t('common.error')));
}

/** #/admin/:tenant — the section list and the counts. */
export async function adminView(main, tenant) {
  const [def, counts] = await Promise.all([definition(tenant).catch(() => null), api(`tenants/${enc(tenant)}/reports/counts`), currentUser()]);
  if (!counts.ok) { denied(main, counts.data); return; }
  const base = `#/admin/${enc(tenant)}`;
  const section = (id, href) => h('li', { class: 'card' },
    h('a', { href, class: 'card-title', id: `admin-${id}` }, t(`admin.section.${id}`)),
    h('p', { class: 'muted small' }, t(`admin.section.${id}.hint`)));
  const rows = counts.data;
  const total = rows.reduce((sum, r) => sum + r.applications, 0);
  const csv = h('button', {
    type: 'button', class: 'btn btn-secondary', id: 'counts-csv',
    onclick: async () => {
      const token = await accessToken();
      const response = await fetch(`api/tenants/${enc(tenant)}/reports/counts.csv`, { headers: { Authorization: `Bearer ${token}` } });
      if (!response.ok) return;
      const url = URL.createObjectURL(await response.blob());
      const a = h('a', { href: url, download: `counts-${tenant}.csv`, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
  }, t('admin.csv'));
  show(main,
    h('div', { class: 'page-head' }, h('h1', {}, `${t('admin.heading')} · ${def ? loc(def.name) : tenant}`)),
    h('nav', { 'aria-labelledby': 'admin-sections' },
      h('h2', { id: 'admin-sections' }, t('admin.sections')),
      h('ul', { class: 'cards' },
        section('staff', `${base}/staff`),
        section('allocation', `${base}/allocation`),
        section('schools', `${base}/schools`),
        section('rules', `${base}/rules`))),
    h('section', { class: 'panel', 'aria-labelledby': 'counts-heading' },
      h('div', { class: 'page-head' }, h('h2', { id: 'counts-heading' }, t('admin.counts')), csv),
      rows.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'counts' },
        h('thead', {}, h('tr', {}, ['district', 'status', 'applications'].map((c) => h('th', { scope: 'col' }, t(`admin.counts.${c}`))))),
        h('tbody', {}, rows.map((r) => h('tr', {},
          h('td', {}, r.district ? scopeText(`district:${r.district}`).replace(`${t('staff.kind.district')} `, '') : t('admin.counts.unknown')),
          h('td', {}, t(`status.${r.status}`)),
          h('td', { class: 'num' }, String(r.applications))))),
        h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: 2 }, t('admin.counts.total')), h('td', { class: 'num' }, String(total))))))
        : h('p', { class: 'empty' }, t('admin.counts.none'))));
}

/** #/admin/:tenant/staff — 审核人员管理. */
export async function staffView(main, tenant, notice = null) {
  const path = `tenants/${enc(tenant)}/staff`;
  const [answer, scopes] = await Promise.all([api(path), api(`${path}/scopes`), currentUser()]);
  if (!answer.ok) { denied(main, answer.data); return; }
  const options = scopes.ok ? scopes.data : [];
  const reload = (message) => staffView(main, tenant, message);
  const outcome = h('div', { id: 'staff-outcome' });
  const fail = (problem) => {
    outcome.replaceChildren(h('div', { class: 'alert error', role: 'alert', tabindex: '-1' },
      (problem?.errors || []).length ? h('ul', {}, problem.errors.map((e) => h('li', {}, problemText(e))))
        : problemText(problem, 'detail') || problemText(problem, 'title') || t('common.error')));
    outcome.firstChild.focus();
  };
  const call = async (button, url, method) => {
    button.disabled = true;
    const result = await api(url, { method });
    button.disabled = false;
    if (result.ok) reload(t('staff.changed')); else fail(result.data);
  };

  const staff = answer.data;
  const rows = staff.map((s) => {
    const name = `${s.lastName || ''}${s.firstName || ''}`;
    const { kind, code } = scopePicker(options.filter((o) => !s.scopes.includes(`${o.kind}:${o.code}`)), `scope-${s.username}`);
    const add = h('form', {
      class: 'scope-add', 'aria-label': t('staff.addLabel', { name: s.username }),
      onsubmit: (e) => {
        e.preventDefault();
        if (!code.value) { code.focus(); return; }
        call(e.submitter || add.querySelector('button'), `${path}/${enc(s.id)}/scopes/${enc(kind.value)}/${enc(code.value)}`, 'PUT');
      },
    }, kind, code, h('button', { type: 'submit', class: 'btn btn-secondary btn-small' }, t('staff.add')));
    return h('tr', { dataset: { user: s.username } },
      h('th', { scope: 'row', 'data-label': t('staff.col.username') }, s.username),
      h('td', { 'data-label': t('staff.col.name') }, name || '—'),
      h('td', { 'data-label': t('staff.col.scopes') },
        s.scopes.length ? h('ul', { class: 'chips' }, s.scopes.map((scope) => h('li', { class: 'chip' }, scopeText(scope),
          h('button', {
            type: 'button', class: 'btn btn-link', 'aria-label': t('staff.removeLabel', { scope: scopeText(scope) }),
            onclick: (e) => { const [k, c] = scope.split(':'); call(e.currentTarget, `${path}/${enc(s.id)}/scopes/${enc(k)}/${enc(c)}`, 'DELETE'); },
          }, t('staff.remove'))))) : h('span', { class: 'muted' }, t('staff.noScopes')),
        add),
      h('td', { 'data-label': t('staff.col.state') }, h('span', { class: `badge ${s.enabled ? 'task-APPROVED' : 'task-CANCELLED'}` }, s.enabled ? t('staff.enabled') : t('staff.disabled'))),
      h('td', { 'data-label': t('staff.col.actions') },
        h('button', {
          type: 'button', class: s.enabled ? 'btn btn-danger btn-small' : 'btn btn-secondary btn-small', id: `toggle-${s.username}`,
          onclick: (e) => call(e.currentTarget, `${path}/${enc(s.id)}/${s.enabled ? 'disable' : 'enable'}`, 'POST'),
        }, s.enabled ? t('staff.disable') : t('staff.enable'))));
  });

  show(main,
    h('div', { class: 'page-head' },
      h('h1', {}, t('staff.heading')),
      h('a', { class: 'btn btn-secondary', href: `#/admin/${enc(tenant)}` }, t('admin.back'))),
    notice ? h('p', { class: 'alert success', role: 'status', id: 'staff-notice' }, notice) : null,
    outcome,
    h('section', { class: 'panel', 'aria-labelledby': 'staff-list-heading' },
      h('h2', { id: 'staff-list-heading' }, t('staff.list')),
      rows.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'staff', class: 'staff' },
        h('thead', {}, h('tr', {}, ['username', 'name', 'scopes', 'state', 'actions'].map((c) => h('th', { scope: 'col' }, t(`staff.col.${c}`))))),
        h('tbody', {}, rows))) : h('p', { class: 'empty' }, t('staff.none'))),
    createForm(path, reload, options));
}

function createForm(path, reload, options) {
  const picker = scopePicker(options, 'staff-scope', 'staff-scope-hint staff-scopes-error');
  const summary = h('div', { class: 'error-summary', id: 'staff-summary', role: 'alert', tabindex: '-1', hidden: true });
  const input = (name, label, attrs = {}, hint = null, required = true) => {
    const id = `staff-${name}`;
    return h('div', { class: 'field' },
      h('label', { for: id }, label, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
      hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
      h('input', { id, name, type: 'text', autocomplete: 'off', required, ...attrs, 'aria-describedby': [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ') }),
      h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
  };
  const form = h('form', { id: 'staff-create', novalidate: true }, summary,
    input('username', t('staff.username'), { spellcheck: 'false', autocapitalize: 'none' }, t('staff.usernameHint')),
    h('div', { class: 'two-col' }, input('lastName', t('staff.lastName')), input('firstName', t('staff.firstName'))),
    input('email', t('staff.email'), { type: 'email' }, null, false),
    input('temporaryPassword', t('staff.password'), { type: 'password', autocomplete: 'new-password' }, t('staff.passwordHint')),
    h('fieldset', { class: 'field' },
      h('legend', {}, t('staff.scope')),
      h('p', { class: 'hint', id: 'staff-scope-hint' }, t('staff.scopeHint')),
      h('div', { class: 'scope-add' },
        picker.kind, picker.code),
      h('p', { class: 'field-error', id: 'staff-scopes-error', hidden: true })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn', id: 'staff-create-submit' }, t('staff.createSubmit'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = (id) => form.querySelector(`#staff-${id}`).value.trim();
    const code = picker.code.value;
    const body = {
      username: value('username'), lastName: value('lastName'), firstName: value('firstName'),
      email: value('email') || null, temporaryPassword: form.querySelector('#staff-temporaryPassword').value,
      scopes: code ? [`${picker.kind.value}:${code}`] : [],
    };
    summary.hidden = true;
    form.querySelectorAll('.field-error').forEach((x) => { x.hidden = true; x.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((x) => x.removeAttribute('aria-invalid'));
    const button = form.querySelector('#staff-create-submit');
    button.disabled = true;
    const result = await api(path, { method: 'POST', body });
    button.disabled = false;
    if (result.ok) { reload(t('staff.created', { username: result.data.username })); return; }
    const errors = result.data?.errors || [];
    let first = null;
    for (const err of errors) {
      const out = form.querySelector(`#staff-${CSS.escape(err.field)}-error`);
      const target = form.querySelector(`#staff-${CSS.escape(err.field)}`) || (err.field === 'scopes' ? form.querySelector('#staff-scope-code') : null);
      if (out) { out.textContent = problemText(err); out.hidden = false; }
      target?.setAttribute('aria-invalid', 'true');
      first ||= target;
    }
    if (!errors.length) {
      summary.replaceChildren(h('p', { class: 'summary-title' }, problemText(result.data, 'detail') || problemText(result.data, 'title') || t('common.error')));
      summary.hidden = false;
      summary.focus();
    } else {
      first?.focus();
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'staff-create-heading' },
    h('h2', { id: 'staff-create-heading' }, t('staff.create')), form);
}
