// 查阅记录: which staff read, took up or decided on the child's application (PIPL: the right to know who
// processed one's personal information). Staff appear as their role and a stable pseudonym, never by name.

import { api } from './api.js';
import { h, show } from './dom.js';
import { addMessages, dateTime, loc, t } from './i18n.js';

addMessages({
  'access.heading': '查阅记录',
  'access.intro': '以下是工作人员和系统查阅、处理您子女报名信息的记录（最新的在前）。您本人的操作不在此列。',
  'access.empty': '暂无工作人员查阅记录。',
  'access.when': '时间',
  'access.who': '查阅人',
  'access.what': '操作',
  'access.stage': '审核环节',
  'access.truncated': '仅显示最近 500 条记录。',
  'access.back': '返回首页',
}, {
  'access.heading': 'Access log',
  'access.intro': 'Staff and automatic checks that read or handled your child\'s application, newest first. Your own actions are not listed.',
  'access.empty': 'No staff have read the application yet.',
  'access.when': 'When',
  'access.who': 'Who',
  'access.what': 'Action',
  'access.stage': 'Review stage',
  'access.truncated': 'Only the latest 500 entries are shown.',
  'access.back': 'Back to home',
});

const enc = encodeURIComponent;

export async function accessLogView(main, tenant, child) {
  const answer = await api(`tenants/${enc(tenant)}/children/${enc(child)}/application/access-log`);
  if (!answer.ok) {
    show(main, h('h1', {}, t('access.heading')), h('p', { role: 'alert' }, t('common.error')));
    return;
  }
  const { entries, truncated } = answer.data;
  const who = (e) => (e.actor ? `${loc(e.roleName)} ${e.actor}` : loc(e.roleName));
  show(main,
    h('section', { class: 'panel', 'aria-labelledby': 'access-heading' },
      h('h1', { id: 'access-heading' }, t('access.heading')),
      h('p', {}, t('access.intro')),
      entries.length === 0
        ? h('p', { id: 'access-empty' }, t('access.empty'))
        : h('div', { class: 'table-wrap' },
          h('table', { id: 'access-log' },
            h('thead', {}, h('tr', {},
              h('th', { scope: 'col' }, t('access.when')),
              h('th', { scope: 'col' }, t('access.who')),
              h('th', { scope: 'col' }, t('access.what')),
              h('th', { scope: 'col' }, t('access.stage')))),
            h('tbody', {}, entries.map((e) => h('tr', {},
              h('td', { 'data-label': t('access.when') }, dateTime(e.at)),
              h('td', { 'data-label': t('access.who') }, who(e)),
              h('td', { 'data-label': t('access.what') }, loc(e.actionName)),
              h('td', { 'data-label': t('access.stage') }, e.stageName ? loc(e.stageName) : '—')))))),
      truncated ? h('p', { class: 'hint' }, t('access.truncated')) : null,
      h('p', {}, h('a', { href: `#/t/${enc(tenant)}` }, t('access.back')))));
}
