// 打印报名表: the submitted application on one printable page — the family's registration number, every
// step's answers with their labels (schools and districts by name), the batches with their statuses and
// the list of attachments. Print CSS in base.css (A4, no header or buttons, CJK fonts).

import { api, application, definition } from './api.js';
import { h, mask, show } from './dom.js';
import { addMessages, dateTime, loc, t } from './i18n.js';
import { childStatus, tenantNames } from './progress.js';
import { displayValue } from './wizard.js';

const enc = encodeURIComponent;

addMessages({
  'print.heading': '报名表',
  'print.print': '打印',
  'print.back': '返回',
  'print.registrationNumber': '报名号',
  'print.submittedAt': '提交时间',
  'print.printedAt': '打印时间',
  'print.student': '学生',
  'print.stage': '拟报读学段',
  'print.batches': '志愿及当前进展',
  'print.attachments': '附件清单',
  'print.noAttachments': '无附件',
  'print.file': '文件名',
  'print.slot': '材料',
  'print.size': '大小',
  'print.uploadedAt': '上传时间',
  'print.signature': '申请人签名：',
  'print.date': '日期：',
  'print.notSubmitted': '报名尚未提交，提交后方可打印报名表。',
}, {
  'print.heading': 'Application form',
  'print.print': 'Print',
  'print.back': 'Back',
  'print.registrationNumber': 'Registration number',
  'print.submittedAt': 'Submitted at',
  'print.printedAt': 'Printed at',
  'print.student': 'Student',
  'print.stage': 'Stage',
  'print.batches': 'Choices and progress',
  'print.attachments': 'Attachments',
  'print.noAttachments': 'No attachments',
  'print.file': 'File',
  'print.slot': 'Document',
  'print.size': 'Size',
  'print.uploadedAt': 'Uploaded at',
  'print.signature': 'Applicant’s signature:',
  'print.date': 'Date:',
  'print.notSubmitted': 'The application is not submitted yet: it can be printed once submitted.',
});

/** A value as printed: schools and districts by name, the rest as the wizard's preview shows it. */
function printed(field, value, names, answers) {
  if (field.type === 'SCHOOL' && value) return names.schools?.[value] ? loc(names.schools[value]) : String(value);
  if (field.type === 'DISTRICT' && value) return names.districts?.[value] ? loc(names.districts[value]) : String(value);
  if (field.type === 'ID_NUMBER' && value) return mask(value);
  return displayValue(field, value, { names, answers });
}

const size = (bytes) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export async function printView(main, tenant, childId) {
  const [def, names, app, status, children, me, documents] = await Promise.all([
    definition(tenant), tenantNames(tenant), application(tenant, childId), childStatus(tenant, childId),
    api(`tenants/${enc(tenant)}/children`), api('me'), api(`tenants/${enc(tenant)}/children/${enc(childId)}/documents`)]);
  const child = (children.data || []).find((c) => c.id === childId);
  const back = h('a', { class: 'btn btn-secondary', href: `#/t/${enc(tenant)}` }, t('print.back'));
  if (!child || !app || !status?.actions?.print) {
    show(main, h('h1', {}, t('print.heading')), h('p', { class: 'empty' }, t('print.notSubmitted')), back);
    return;
  }
  const slots = new Map(def.steps.flatMap((s) => s.documentSlots || []).map((s) => [s.id, s]));
  const files = documents.ok ? documents.data : [];
  const steps = def.steps.slice(0, -1).filter((s) => app.answers?.[s.id]);
  const list = (section, entry) => h('dl', { class: 'print-list' },
    section.fields.filter((f) => entry?.[f.id] !== undefined && entry[f.id] !== '' && entry[f.id] !== null)
      .map((f) => h('div', {}, h('dt', {}, loc(f.label)), h('dd', {}, printed(f, entry[f.id], names, app.answers)))));
  show(main,
    h('div', { class: 'print-actions no-print actions' },
      h('button', { type: 'button', class: 'btn', id: 'print-now', onclick: () => window.print() }, t('print.print')),
      back),
    h('article', { class: 'print-sheet', id: 'print-sheet', 'aria-labelledby': 'print-title' },
      h('header', { class: 'print-head' },
        h('h1', { id: 'print-title' }, `${loc(def.name)} ${t('print.heading')}`),
        h('dl', { class: 'print-meta' },
          me.data?.registrationNumber ? h('div', {}, h('dt', {}, t('print.registrationNumber')), h('dd', {}, me.data.registrationNumber)) : null,
          h('div', {}, h('dt', {}, t('print.student')), h('dd', {}, child.name)),
          h('div', {}, h('dt', {}, t('print.stage')), h('dd', {}, t(`stage.${child.stage}`))),
          status.district ? h('div', {}, h('dt', {}, t('progress.district')), h('dd', {}, loc(status.district.name))) : null,
          app.submittedAt ? h('div', {}, h('dt', {}, t('print.submittedAt')), h('dd', {}, dateTime(app.submittedAt))) : null,
          h('div', {}, h('dt', {}, t('print.printedAt')), h('dd', {}, dateTime(new Date()))))),
      h('section', { class: 'print-section' },
        h('h2', {}, t('print.batches')),
        h('table', { class: 'print-table', id: 'print-batches' },
          h('tbody', {}, status.batches.filter((b) => b.schools.length || b.status).map((b) => h('tr', {},
            h('th', { scope: 'row' }, loc(b.name)),
            h('td', {}, b.schools.map((s) => loc(s.name)).join('；') || '—'),
            h('td', {}, b.status ? loc(b.status.label) : '—',
              b.admittedSchool ? ` · ${t('progress.admittedSchool')}：${loc(b.admittedSchool.name)}` : '')))))),
      steps.map((s) => h('section', { class: 'print-section' },
        h('h2', {}, loc(s.title)),
        s.sections.filter((sec) => app.answers[s.id][sec.id] && (Array.isArray(app.answers[s.id][sec.id])
          ? app.answers[s.id][sec.id].length : Object.keys(app.answers[s.id][sec.id]).length)).map((sec) => h('div', { class: 'print-block' },
          h('h3', {}, loc(sec.title)),
          Array.isArray(app.answers[s.id][sec.id])
            ? app.answers[s.id][sec.id].map((entry) => list(sec, entry))
            : list(sec, app.answers[s.id][sec.id]))))),
      h('section', { class: 'print-section' },
        h('h2', {}, t('print.attachments')),
        files.length
          ? h('table', { class: 'print-table', id: 'print-attachments' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('print.slot')), h('th', { scope: 'col' }, t('print.file')),
              h('th', { scope: 'col' }, t('print.size')), h('th', { scope: 'col' }, t('print.uploadedAt')))),
            h('tbody', {}, files.map((f) => h('tr', {},
              h('td', {}, slots.has(f.slot) ? loc(slots.get(f.slot).label) : f.slot),
              h('td', { class: 'file-name' }, f.fileName || '—'),
              h('td', {}, size(f.sizeBytes || 0)),
              h('td', {}, f.uploadedAt ? dateTime(f.uploadedAt) : '—')))))
          : h('p', { id: 'print-attachments' }, t('print.noAttachments'))),
      h('footer', { class: 'print-sign' },
        h('span', {}, t('print.signature')), h('span', {}, t('print.date')))));
}
