// SMS-confirmed submission (e.g. Siming, seed 002 §(5)): when the tenant's definition says
// `submissionConfirmation`, submitting first asks for the code sent to the application's contact phone
// (guardian one's, not the account's). A dialog sends the code (60 s between codes; a 429 says how
// long to wait) and hands the code to the submission.

import { api } from './api.js';
import { h } from './dom.js';
import { addMessages, problemText, t } from './i18n.js';
import { addWizardHook } from './wizard-hooks.js';

addMessages({
  'confirm.title': '短信验证',
  'confirm.intro': '提交前需验证：点击“发送验证码”，系统将短信发送到监护人一的手机（不是 iXiamen 账号绑定的手机）。',
  'confirm.send': '发送验证码',
  'confirm.resend': '重新发送（{s}秒）',
  'confirm.sentTo': '验证码已发送到 {phone}，5分钟内有效。',
  'confirm.code': '短信验证码',
  'confirm.submit': '提交登记',
  'confirm.needCode': '请输入6位短信验证码。',
}, {
  'confirm.title': 'SMS confirmation',
  'confirm.intro': "Before submitting: send a code to guardian one's phone (not the phone of the iXiamen account).",
  'confirm.send': 'Send code',
  'confirm.resend': 'Send again ({s} s)',
  'confirm.sentTo': 'Code sent to {phone}; valid for 5 minutes.',
  'confirm.code': 'SMS code',
  'confirm.submit': 'Submit registration',
  'confirm.needCode': 'Enter the 6-digit SMS code.',
});

const enc = encodeURIComponent;
/** childId → {sentTo, at}: a code sent earlier on this page (memory only). */
const sent = new Map();

addWizardHook('beforeSubmit', ({ tenant, childId, def }) => {
  if (!def.submissionConfirmation) return {};
  return new Promise((resolve) => {
    const before = sent.get(childId);
    const message = h('p', { class: 'hint', id: 'confirm-status', role: 'status', 'aria-live': 'polite' },
      before ? t('confirm.sentTo', { phone: before.sentTo }) : t('confirm.intro'));
    const error = h('p', { class: 'field-error', id: 'confirm-code-error', hidden: true });
    const code = h('input', {
      id: 'confirm-code', name: 'confirm-code', type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code',
      maxlength: 6, 'aria-describedby': 'confirm-status confirm-code-error',
    });
    const send = h('button', { type: 'button', class: 'btn btn-secondary', id: 'confirm-send' }, t('confirm.send'));
    let timer = null;
    const countdown = (seconds) => {
      clearInterval(timer);
      let left = seconds;
      send.disabled = true;
      send.textContent = t('confirm.resend', { s: left });
      timer = setInterval(() => {
        left -= 1;
        if (left <= 0) {
          clearInterval(timer);
          send.disabled = false;
          send.textContent = t('confirm.send');
        } else {
          send.textContent = t('confirm.resend', { s: left });
        }
      }, 1000);
    };
    if (before) countdown(Math.max(1, 60 - Math.floor((Date.now() - before.at) / 1000)));
    send.addEventListener('click', async () => {
      send.disabled = true;
      const answer = await api(`tenants/${enc(tenant)}/children/${enc(childId)}/application/confirmation-code`, { method: 'POST' });
      if (answer.ok) {
        sent.set(childId, { sentTo: answer.data.sentTo, at: Date.now() });
        message.textContent = t('confirm.sentTo', { phone: answer.data.sentTo });
        countdown(60);
        code.focus();
      } else {
        message.textContent = answer.data?.errors?.length ? problemText(answer.data.errors[0]) : problemText(answer.data, 'detail');
        send.disabled = false;
      }
    });
    const dialog = h('dialog', { class: 'confirm-dialog', id: 'confirm-dialog', 'aria-labelledby': 'confirm-title' });
    const finish = (value) => {
      clearInterval(timer);
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    const submit = h('button', { type: 'button', class: 'btn', id: 'confirm-submit' }, t('confirm.submit'));
    submit.addEventListener('click', () => {
      const value = code.value.trim();
      if (!/^\d{6}$/.test(value)) {
        error.textContent = t('confirm.needCode');
        error.hidden = false;
        code.setAttribute('aria-invalid', 'true');
        code.focus();
        return;
      }
      finish({ confirmationCode: value });
    });
    dialog.append(
      h('h2', { id: 'confirm-title' }, t('confirm.title')),
      message,
      h('div', { class: 'field' }, h('label', { class: 'label', for: 'confirm-code' }, t('confirm.code')), h('div', { class: 'confirm-row' }, code, send), error),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'btn btn-secondary', id: 'confirm-cancel', onclick: () => finish(null) }, t('common.cancel')),
        submit));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); finish(null); });
    document.body.append(dialog);
    dialog.showModal();
    (before ? code : send).focus();
  });
});
