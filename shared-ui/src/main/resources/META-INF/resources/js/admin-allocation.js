// 录取管理 (allocation) for a tenant's administrators, at #/admin/:tenant/allocation: the runs, a new dry
// run (the seed's SHA-256 commitment is shown at once, the seed only after publication), counts per
// outcome, per-school seats/admitted/last admitted, the district lines, paged results with the reasons,
// and publication behind a confirm step. Texts are registered here (addMessages), zh-CN first.

import { api, definition } from './api.js';
import * as auth from './auth.js';
import { h, show } from './dom.js';
import { addMessages, dateTime, loc, problemText, t } from './i18n.js';

/** A stage's name from the tenant's definition (its 学段), else the built-in name. */
function stageName(def, code) {
  const own = def?.stages?.find((s) => s.code === code);
  return own ? loc(own.label) : t(`alloc.stage.${code}`);
}

addMessages({
  'alloc.title': '录取管理',
  'alloc.state': '状态',
  'alloc.standing': '排名',
  'alloc.runs': '录取运行',
  'alloc.none': '还没有录取运行。',
  'alloc.start': '开始模拟录取（不公开）',
  'alloc.stage': '学段',
  'alloc.stage.PRIMARY': '小学',
  'alloc.stage.JUNIOR': '初中',
  'alloc.seed': '摇号种子（可选，64 位十六进制；留空由系统生成）',
  'alloc.status.DRY_RUN': '模拟结果（未公开）',
  'alloc.status.PUBLISHED': '已发布',
  'alloc.status.SUPERSEDED': '已被新结果取代',
  'alloc.commitment': '种子承诺 SHA-256（开奖前公布）',
  'alloc.seedRevealed': '摇号种子（发布后公开）',
  'alloc.digest': '结果摘要 SHA-256',
  'alloc.applicants': '参与人数',
  'alloc.placed': '拟录取人数',
  'alloc.created': '运行时间',
  'alloc.open': '查看',
  'alloc.outcomes': '结果统计',
  'alloc.outcome.PLACED': '拟录取',
  'alloc.outcome.NOT_PLACED': '未录取',
  'alloc.outcome.SECOND_ROUND_ELIGIBLE': '可二次填报',
  'alloc.outcome.TOP_UP': '补录名单',
  'alloc.outcome.NONE': '未参与',
  'alloc.outcome.all': '全部结果',
  'alloc.schools': '各校学位与录取线',
  'alloc.school': '学校',
  'alloc.seats': '学位数',
  'alloc.admitted': '已录取',
  'alloc.left': '剩余学位',
  'alloc.lastAdmitted': '最后录取',
  'alloc.lines': '区镇准入线',
  'alloc.district': '区镇',
  'alloc.candidates': '排名人数',
  'alloc.lastInside': '线内最后一名',
  'alloc.rank': '第 {rank} 名',
  'alloc.results': '录取明细',
  'alloc.key': '匿名编号',
  'alloc.number': '报名号',
  'alloc.reason': '录取说明',
  'alloc.filter': '筛选',
  'alloc.allSchools': '全部学校',
  'alloc.prev': '上一页',
  'alloc.next': '下一页',
  'alloc.page': '第 {page} 页，共 {total} 条',
  'alloc.publish': '发布录取结果',
  'alloc.publish.confirm': '发布后家长即可看到结果并收到短信，摇号种子将公开，且不能撤回。确认发布？',
  'alloc.publish.yes': '确认发布',
  'alloc.cancel': '取消',
  'alloc.bundle': '下载复核包（JSON）',
  'alloc.back': '返回录取运行列表',
}, {
  'alloc.title': 'Allocation',
  'alloc.state': 'Status',
  'alloc.standing': 'Standing',
  'alloc.runs': 'Allocation runs',
  'alloc.none': 'No allocation run yet.',
  'alloc.start': 'Start a dry run (not public)',
  'alloc.stage': 'Stage',
  'alloc.stage.PRIMARY': 'Primary',
  'alloc.stage.JUNIOR': 'Junior middle',
  'alloc.seed': 'Lottery seed (optional, 64 hex characters; empty: generated)',
  'alloc.status.DRY_RUN': 'Dry run (not public)',
  'alloc.status.PUBLISHED': 'Published',
  'alloc.status.SUPERSEDED': 'Superseded',
  'alloc.commitment': 'Seed commitment SHA-256 (published before the draw)',
  'alloc.seedRevealed': 'Lottery seed (revealed after publication)',
  'alloc.digest': 'Result digest SHA-256',
  'alloc.applicants': 'Applicants',
  'alloc.placed': 'Admitted',
  'alloc.created': 'Run at',
  'alloc.open': 'Open',
  'alloc.outcomes': 'Outcomes',
  'alloc.outcome.PLACED': 'Admitted',
  'alloc.outcome.NOT_PLACED': 'Not admitted',
  'alloc.outcome.SECOND_ROUND_ELIGIBLE': 'Second round open',
  'alloc.outcome.TOP_UP': 'Top-up list',
  'alloc.outcome.NONE': 'No phase',
  'alloc.outcome.all': 'All outcomes',
  'alloc.schools': 'Seats and cut-offs per school',
  'alloc.school': 'School',
  'alloc.seats': 'Seats',
  'alloc.admitted': 'Admitted',
  'alloc.left': 'Seats left',
  'alloc.lastAdmitted': 'Last admitted',
  'alloc.lines': 'District lines',
  'alloc.district': 'District',
  'alloc.candidates': 'Ranked',
  'alloc.lastInside': 'Last inside the line',
  'alloc.rank': 'rank {rank}',
  'alloc.results': 'Who is placed where, and why',
  'alloc.key': 'Pseudonymous key',
  'alloc.number': 'Application number',
  'alloc.reason': 'Reason',
  'alloc.filter': 'Filter',
  'alloc.allSchools': 'All schools',
  'alloc.prev': 'Previous',
  'alloc.next': 'Next',
  'alloc.page': 'Page {page}, {total} in all',
  'alloc.publish': 'Publish the result',
  'alloc.publish.confirm': 'Once published, parents see the result and get an SMS, the seed is revealed, and it cannot be undone. Publish?',
  'alloc.publish.yes': 'Publish',
  'alloc.cancel': 'Cancel',
  'alloc.bundle': 'Download the re-run bundle (JSON)',
  'alloc.back': 'Back to the runs',
});

const enc = encodeURIComponent;
const PAGE_SIZE = 20;

function problemBox(answer) {
  return h('div', { class: 'alert error', role: 'alert' }, problemText(answer.data, 'detail') || problemText(answer.data, 'title'));
}

/** A standing in words: the rank, then each ranking value under the tenant's name for it (run.names). */
function standingText(s, names) {
  if (!s) return '—';
  const named = (code) => (names?.values?.[code] ? loc(names.values[code]) : code);
  // in the ranking's own order (总积分 first), then any value the ranking does not name
  const order = Object.keys(names?.values || {});
  const codes = Object.keys(s.values || {}).sort((a, b) =>
    (order.includes(a) ? order.indexOf(a) : order.length) - (order.includes(b) ? order.indexOf(b) : order.length));
  const values = codes.map((k) => `${named(k)} ${s.values[k]}`).join(' · ');
  return `${t('alloc.rank', { rank: s.rank })}${values ? ` (${values})` : ''}`;
}

/** A phase code (PRIVATE_1 …) under the tenant's name for it. */
function phaseText(phase, names) {
  return names?.phases?.[phase] ? loc(names.phases[phase]) : phase;
}

/** #/admin/:tenant/allocation — the runs and a new dry run; #/admin/:tenant/allocation?run=ID is not used (ids only in the hash). */
export async function allocationView(main, tenant, runId) {
  if (!auth.signedIn()) {
    await auth.signIn(location.hash);
    return;
  }
  if (runId) {
    await runView(main, tenant, runId);
    return;
  }
  const answer = await api(`tenants/${enc(tenant)}/allocation/runs`);
  if (!answer.ok) {
    show(main, h('h1', {}, t('alloc.title')), problemBox(answer));
    return;
  }
  const status = h('div', { role: 'status' });
  const def = await definition(tenant).catch(() => null);
  const stage = h('select', { id: 'alloc-stage' },
    (def?.stages || []).map((s) => h('option', { value: s.code }, loc(s.label))));
  const seed = h('input', { id: 'alloc-seed', type: 'text', maxlength: '64', autocomplete: 'off', spellcheck: 'false' });
  const start = h('form', {
    class: 'card', id: 'alloc-start',
    onsubmit: async (e) => {
      e.preventDefault();
      status.replaceChildren(t('common.loading'));
      const body = { stage: stage.value };
      if (seed.value.trim()) body.seed = seed.value.trim();
      const started = await api(`tenants/${enc(tenant)}/allocation/runs`, { method: 'POST', body });
      if (!started.ok) {
        status.replaceChildren(problemBox(started));
        return;
      }
      location.hash = `#/admin/${enc(tenant)}/allocation/${enc(started.data.id)}`;
    },
  },
  h('h2', {}, t('alloc.start')),
  h('label', { for: 'alloc-stage' }, t('alloc.stage')), stage,
  h('label', { for: 'alloc-seed' }, t('alloc.seed')), seed,
  h('button', { type: 'submit', class: 'btn' }, t('alloc.start')), status);
  const rows = answer.data.map((run) => h('tr', {},
    h('td', {}, dateTime(run.createdAt)),
    h('td', {}, stageName(def, run.stage)),
    h('td', {}, t(`alloc.status.${run.status}`)),
    h('td', {}, String(run.applicants)),
    h('td', {}, String(run.placed)),
    h('td', { class: 'mono' }, run.seedCommitment.slice(0, 16) + '…'),
    h('td', {}, h('a', { href: `#/admin/${enc(tenant)}/allocation/${enc(run.id)}` }, t('alloc.open')))));
  show(main, h('h1', {}, t('alloc.title')), start,
    h('h2', {}, t('alloc.runs')),
    rows.length === 0 ? h('p', { class: 'muted' }, t('alloc.none'))
      : h('table', { class: 'table', id: 'alloc-runs' },
        h('thead', {}, h('tr', {}, h('th', {}, t('alloc.created')), h('th', {}, t('alloc.stage')), h('th', {}, t('alloc.state')),
          h('th', {}, t('alloc.applicants')), h('th', {}, t('alloc.placed')), h('th', {}, t('alloc.commitment')), h('th', {}, ''))),
        h('tbody', {}, rows)));
}

async function runView(main, tenant, runId) {
  const base = `tenants/${enc(tenant)}/allocation/runs/${enc(runId)}`;
  const answer = await api(base);
  if (!answer.ok) {
    show(main, h('h1', {}, t('alloc.title')), problemBox(answer));
    return;
  }
  const run = answer.data;
  const filter = { school: '', outcome: '', page: 0 };
  const results = h('div', { id: 'alloc-results' });
  const schoolNames = new Map(run.schools.filter((s) => s.name).map((s) => [s.school, s.name]));

  async function loadResults() {
    const params = new URLSearchParams({ page: String(filter.page), size: String(PAGE_SIZE) });
    if (filter.school) params.set('school', filter.school);
    if (filter.outcome) params.set('outcome', filter.outcome);
    const page = await api(`${base}/results?${params}`);
    if (!page.ok) {
      results.replaceChildren(problemBox(page));
      return;
    }
    const items = page.data.items.map((item) => {
      const outcomes = item.result.outcomes || [];
      const last = outcomes[outcomes.length - 1];
      return h('tr', {},
        h('td', { class: 'mono' }, item.applicantKey.slice(0, 12)),
        h('td', { class: 'nowrap' }, item.registrationNumber || '—'),
        h('td', { class: 'nowrap' }, item.outcome ? t(`alloc.outcome.${item.outcome}`) : '—'),
        h('td', {}, item.school ? (schoolNames.has(item.school) ? loc(schoolNames.get(item.school)) : item.school) : '—'),
        h('td', {}, outcomes.map((o) => h('div', {}, loc(o.explanation.text)))),
        h('td', {}, last?.explanation?.standing ? standingText(last.explanation.standing, run.names) : '—'));
    });
    const pages = Math.max(1, Math.ceil(page.data.total / PAGE_SIZE));
    results.replaceChildren(
      h('table', { class: 'table' },
        h('thead', {}, h('tr', {}, h('th', {}, t('alloc.key')), h('th', {}, t('alloc.number')), h('th', {}, t('alloc.state')),
          h('th', {}, t('alloc.school')), h('th', {}, t('alloc.reason')), h('th', {}, t('alloc.standing')))),
        h('tbody', {}, items)),
      h('p', { class: 'muted' }, t('alloc.page', { page: filter.page + 1, total: page.data.total })),
      h('button', { type: 'button', class: 'btn', disabled: filter.page === 0,
        onclick: () => { filter.page -= 1; loadResults(); } }, t('alloc.prev')),
      h('button', { type: 'button', class: 'btn', disabled: filter.page + 1 >= pages,
        onclick: () => { filter.page += 1; loadResults(); } }, t('alloc.next')));
  }

  const schoolSelect = h('select', { id: 'alloc-school', onchange: (e) => { filter.school = e.target.value; filter.page = 0; loadResults(); } },
    h('option', { value: '' }, t('alloc.allSchools')),
    run.schools.map((s) => h('option', { value: s.school }, s.name ? loc(s.name) : s.school)));
  const outcomeSelect = h('select', { id: 'alloc-outcome', onchange: (e) => { filter.outcome = e.target.value; filter.page = 0; loadResults(); } },
    h('option', { value: '' }, t('alloc.outcome.all')),
    ['PLACED', 'SECOND_ROUND_ELIGIBLE', 'NOT_PLACED', 'TOP_UP'].map((o) => h('option', { value: o }, t(`alloc.outcome.${o}`))));

  const publishArea = h('div', { id: 'alloc-publish' });
  function publishButton() {
    publishArea.replaceChildren(h('button', { type: 'button', class: 'btn', onclick: confirmStep }, t('alloc.publish')));
  }
  function confirmStep() {
    publishArea.replaceChildren(h('div', { class: 'alert', role: 'alertdialog' },
      h('p', {}, t('alloc.publish.confirm')),
      h('button', { type: 'button', class: 'btn', id: 'alloc-publish-yes', onclick: async () => {
        const published = await api(`${base}/publish`, { method: 'POST' });
        if (!published.ok) {
          publishArea.replaceChildren(problemBox(published));
          return;
        }
        await runView(main, tenant, runId);
      } }, t('alloc.publish.yes')),
      h('button', { type: 'button', class: 'btn', onclick: publishButton }, t('alloc.cancel'))));
  }
  if (run.status === 'DRY_RUN') publishButton();

  const bundleLink = run.seed ? h('button', { type: 'button', class: 'btn', id: 'alloc-bundle', onclick: async () => {
    const bundle = await api(`${base}/bundle`);
    if (!bundle.ok) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(bundle.data)], { type: 'application/json' }));
    const a = h('a', { href: url, download: `allocation-${run.id}.json` });
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  } }, t('alloc.bundle')) : null;

  show(main,
    h('p', {}, h('a', { href: `#/admin/${enc(tenant)}/allocation` }, t('alloc.back'))),
    h('h1', {}, `${t('alloc.title')} · ${stageName(await definition(tenant).catch(() => null), run.stage)} · ${t(`alloc.status.${run.status}`)}`),
    h('dl', { class: 'card', id: 'alloc-summary' },
      h('dt', {}, t('alloc.commitment')), h('dd', { class: 'mono' }, run.seedCommitment),
      run.seed ? [h('dt', {}, t('alloc.seedRevealed')), h('dd', { class: 'mono' }, run.seed)] : null,
      h('dt', {}, t('alloc.digest')), h('dd', { class: 'mono' }, run.resultDigest),
      h('dt', {}, t('alloc.applicants')), h('dd', {}, String(run.applicants)),
      h('dt', {}, t('alloc.placed')), h('dd', {}, String(run.placed))),
    run.continuation ? h('p', { class: 'alert', id: 'alloc-continuation' }, loc(run.continuation.text)) : null,
    publishArea, bundleLink,
    h('h2', {}, t('alloc.outcomes')),
    h('ul', { id: 'alloc-outcomes' }, Object.entries(run.outcomes).map(([k, v]) => h('li', {}, `${t(`alloc.outcome.${k}`)}: ${v}`))),
    run.districtLines.length ? [h('h2', {}, t('alloc.lines')),
      h('table', { class: 'table' },
        h('thead', {}, h('tr', {}, h('th', {}, t('alloc.district')), h('th', {}, t('alloc.seats')), h('th', {}, t('alloc.candidates')),
          h('th', {}, t('alloc.lastInside')))),
        h('tbody', {}, run.districtLines.map((l) => h('tr', {}, h('td', {}, l.district), h('td', {}, String(l.seats)),
          h('td', {}, String(l.candidates)), h('td', {}, standingText(l.lastInside, run.names))))))] : null,
    h('h2', {}, t('alloc.schools')),
    h('table', { class: 'table', id: 'alloc-schools' },
      h('thead', {}, h('tr', {}, h('th', {}, t('alloc.school')), h('th', {}, t('alloc.seats')), h('th', {}, t('alloc.admitted')),
        h('th', {}, t('alloc.left')), h('th', {}, t('alloc.lastAdmitted')))),
      h('tbody', {}, run.schools.map((s) => h('tr', {},
        h('td', {}, s.name ? loc(s.name) : s.school), h('td', {}, String(s.seats)), h('td', {}, String(s.admitted)),
        h('td', {}, String(s.seatsLeft)),
        h('td', {}, Object.entries(s.lastAdmitted || {}).map(([phase, st]) => h('div', {}, `${phaseText(phase, run.names)}: ${standingText(st, run.names)}`))))))),
    h('h2', {}, t('alloc.results')),
    h('div', { class: 'filters' }, h('label', { for: 'alloc-school' }, t('alloc.school')), schoolSelect,
      h('label', { for: 'alloc-outcome' }, t('alloc.state')), outcomeSelect),
    results);
  await loadResults();
}
