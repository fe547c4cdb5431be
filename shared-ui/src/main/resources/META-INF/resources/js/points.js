// The live points estimate panel (tenants that rank by points; the profile mapping is the tenant's).

import { api } from './api.js';
import { h, uid } from './dom.js';
import { problemText, t } from './i18n.js';

const INSURANCE = ['pension', 'medical', 'unemployment', 'injury', 'maternity'];
const ITEMS = ['property', 'insurance', 'education', 'vocational', 'title', 'titleOrEducation', 'honours', 'lawAbiding'];

/** Kunshan: the estimate request (kunshan-rules.md, "Points estimate") from the answers and the panel. */
function kunshanProfile(answers, extra) {
  const subject = answers.subject || {};
  const profile = {
    education: subject.education?.level || 'NONE',
    vocationalLevel: subject.vocational?.level || 'NONE',
    titleLevel: subject.title?.level || 'NONE',
    lawAbiding: extra.lawAbiding,
  };
  if (extra.propertyDate && answers.housing?.property?.hasProperty !== false) {
    profile.propertyRegisteredOn = extra.propertyDate;
  }
  const months = (n) => Object.fromEntries(INSURANCE.map((k) => [k, n]));
  const recent = Number(extra.recent) || 0;
  const earlier = Number(extra.earlier) || 0;
  if (recent || earlier) profile.insuranceMonths = { recent: months(recent), earlier: months(earlier) };
  const honour = answers.honours?.honour;
  if (honour?.hasHonour === true && honour.kind && honour.level && honour.awardedOn) {
    profile.honours = [{ kind: honour.kind, level: honour.level, awardedOn: honour.awardedOn }];
  }
  return profile;
}

const PROFILES = { kunshan: kunshanProfile };

/** The panel for `tenant`, or null if it has no estimate. `answers()` gives saved + current answers. */
export function pointsPanel(tenant, answers) {
  const build = PROFILES[tenant];
  if (!build) return null;
  const extra = { propertyDate: '', recent: '', earlier: '', lawAbiding: true };
  const result = h('div', { class: 'points-result', 'aria-live': 'polite' });
  const input = (key, label, attrs) => {
    const id = uid('points');
    return h('div', { class: 'field compact' },
      h('label', { for: id }, label),
      h('input', { id, ...attrs, value: extra[key], oninput: (e) => { extra[key] = e.target.value; schedule(); } }));
  };
  let timer = null;
  let sequence = 0;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(estimate, 600);
  };
  async function estimate() {
    const run = ++sequence;
    const answer = await api(`tenants/${encodeURIComponent(tenant)}/points/estimate`, {
      method: 'POST', body: build(answers(), extra),
    });
    if (run !== sequence) return;
    if (!answer.ok) {
      const first = answer.data?.errors?.[0];
      result.replaceChildren(h('p', { class: 'field-error' }, first ? problemText(first) : t('points.failed')));
      return;
    }
    const items = answer.data.items || {};
    result.replaceChildren(
      h('table', { class: 'points-table' },
        h('caption', { class: 'sr-only' }, t('points.heading')),
        h('tbody', {},
          ITEMS.filter((k) => k in items).map((k) =>
            h('tr', {}, h('th', { scope: 'row' }, t(`points.item.${k}`)), h('td', {}, Number(items[k]).toFixed(2)))),
          h('tr', { class: 'total' }, h('th', { scope: 'row' }, t('points.total')),
            h('td', { id: 'points-total' }, Number(answer.data.total).toFixed(2))))),
      h('p', { class: 'muted small' }, `${t('points.ruleSet')}: ${answer.data.ruleSet || ''}`));
  }
  const law = uid('points');
  const panel = h('aside', { class: 'panel points', 'aria-labelledby': 'points-heading' },
    h('h2', { id: 'points-heading' }, t('points.heading')),
    h('p', { class: 'muted small' }, t('points.intro')),
    input('propertyDate', t('points.propertyDate'), { type: 'date' }),
    input('recent', t('points.recentMonths'), { type: 'number', min: 0, max: 36, inputmode: 'numeric' }),
    input('earlier', t('points.earlierMonths'), { type: 'number', min: 0, max: 84, inputmode: 'numeric' }),
    h('div', { class: 'field compact' }, h('label', { class: 'option', for: law },
      h('input', { type: 'checkbox', id: law, checked: true, onchange: (e) => { extra.lawAbiding = e.target.checked; schedule(); } }),
      ` ${t('points.lawAbiding')}`)),
    result);
  panel.refresh = schedule;
  estimate();
  return panel;
}
