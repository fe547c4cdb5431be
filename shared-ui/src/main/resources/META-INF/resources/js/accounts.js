// Parents' accounts for tenants with mobile-number registration (Kunshan): 注册 (mobile + password +
// SMS code → the issued 报名号), 找回报名号/重置密码 (SMS code), 更换手机号 (codes to the old and the new
// number). Nothing typed here ever goes into the address bar; the tenant is chosen in the form.

import { api } from './api.js';
import * as auth from './auth.js';
import { h, show } from './dom.js';
import { addMessages, loc, problemText, t } from './i18n.js';

const enc = encodeURIComponent;

addMessages({
  'nav.register': '注册',
  'nav.phone': '更换手机号',
  'accounts.register.heading': '家长注册',
  'accounts.register.intro': '使用本人手机号注册。注册成功后系统将发送报名号，请妥善保存。',
  'accounts.recover.heading': '找回报名号 / 重置密码',
  'accounts.recover.intro': '输入注册时的手机号并获取验证码，系统将重新发送报名号；如需重置密码，请同时填写新密码。',
  'accounts.phone.heading': '更换手机号',
  'accounts.phone.intro': '验证码将分别发送到当前手机号和新手机号。更换后请使用新手机号登录。',
  'accounts.tenant': '报名业务',
  'accounts.mobile': '手机号码',
  'accounts.newMobile': '新手机号码',
  'accounts.password': '登录密码',
  'accounts.passwordHint': '8至64位，须同时包含数字、大写字母、小写字母和特殊字符（如 # @ !），不能与手机号相同。',
  'accounts.newPassword': '新密码（不重置请留空）',
  'accounts.code': '短信验证码',
  'accounts.oldCode': '当前手机收到的验证码',
  'accounts.newCode': '新手机收到的验证码',
  'accounts.sendCode': '获取验证码',
  'accounts.sendCodes': '获取验证码（两部手机）',
  'accounts.resendIn': '{n} 秒后可重新获取',
  'accounts.codeSent': '验证码已发送至 {mobile}，{minutes} 分钟内有效。',
  'accounts.register.submit': '注册',
  'accounts.recover.submit': '找回',
  'accounts.phone.submit': '确认更换',
  'accounts.registered': '注册成功！您的报名号是',
  'accounts.recovered': '报名号已重新发送到您的手机。您的报名号是',
  'accounts.passwordReset': '密码已重置，请使用新密码登录。',
  'accounts.phoneChanged': '手机号已更换，请使用新手机号重新登录。',
  'accounts.keepNumber': '请牢记报名号，登录和查询时需要使用。',
  'accounts.signIn': '去登录',
  'accounts.toRegister': '注册账号',
  'accounts.toRecover': '找回报名号 / 重置密码',
  'accounts.toPhone': '更换手机号',
  'accounts.errors': '请修改以下 {n} 处问题：',
}, {
  'nav.register': 'Register',
  'nav.phone': 'Change number',
  'accounts.register.heading': 'Parent registration',
  'accounts.register.intro': 'Register with your own mobile number. You will receive a registration number; keep it safe.',
  'accounts.recover.heading': 'Recover the registration number / reset the password',
  'accounts.recover.intro': 'Enter the number you registered with and request a code; the registration number is sent again. Fill in a new password to reset it too.',
  'accounts.phone.heading': 'Change mobile number',
  'accounts.phone.intro': 'Codes are sent to the current and the new number. Sign in with the new number afterwards.',
  'accounts.tenant': 'Enrolment service',
  'accounts.mobile': 'Mobile number',
  'accounts.newMobile': 'New mobile number',
  'accounts.password': 'Password',
  'accounts.passwordHint': '8 to 64 characters with a digit, an upper-case and a lower-case letter and a special character (e.g. # @ !), not the mobile number.',
  'accounts.newPassword': 'New password (leave empty to keep it)',
  'accounts.code': 'SMS code',
  'accounts.oldCode': 'Code sent to the current number',
  'accounts.newCode': 'Code sent to the new number',
  'accounts.sendCode': 'Send code',
  'accounts.sendCodes': 'Send codes (both phones)',
  'accounts.resendIn': 'Resend in {n} s',
  'accounts.codeSent': 'A code was sent to {mobile}; valid for {minutes} minutes.',
  'accounts.register.submit': 'Register',
  'accounts.recover.submit': 'Recover',
  'accounts.phone.submit': 'Change number',
  'accounts.registered': 'Registered! Your registration number is',
  'accounts.recovered': 'The registration number was sent to your phone again. It is',
  'accounts.passwordReset': 'The password was reset; sign in with the new one.',
  'accounts.phoneChanged': 'The number was changed; sign in again with the new number.',
  'accounts.keepNumber': 'Keep the registration number: you need it to sign in and make enquiries.',
  'accounts.signIn': 'Sign in',
  'accounts.toRegister': 'Register',
  'accounts.toRecover': 'Recover registration number / reset password',
  'accounts.toPhone': 'Change mobile number',
  'accounts.errors': 'Please correct these {n} problems:',
});

/** A labelled input with its hint and inline error (id `acc-<name>`). */
function field(name, label, attrs = {}, hint = null) {
  const id = `acc-${name}`;
  return h('div', { class: 'field' },
    h('label', { for: id }, label, h('span', { class: 'req', 'aria-hidden': 'true' }, attrs.required === false ? '' : ' *')),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    h('input', { id, name, autocomplete: 'off', ...attrs, required: attrs.required !== false, 'aria-describedby': [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ') }),
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

async function tenantSelect(current) {
  const answer = await api('tenants', { auth: false });
  const tenants = answer.ok ? answer.data : [];
  return h('div', { class: 'field' },
    h('label', { for: 'acc-tenant' }, t('accounts.tenant')),
    h('select', { id: 'acc-tenant', name: 'tenant' },
      tenants.map((x) => h('option', { value: x.id, selected: x.id === current }, loc(x.name)))));
}

/** Shows a problem's errors next to their inputs (by field name) and the rest in the summary. */
function showProblem(form, summary, problem) {
  clear(form, summary);
  const errors = problem?.errors || [];
  const loose = [];
  let first = null;
  for (const e of errors) {
    const input = form.querySelector(`#acc-${CSS.escape(e.field)}`);
    const out = form.querySelector(`#acc-${CSS.escape(e.field)}-error`);
    if (input && out) {
      out.textContent = problemText(e);
      out.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      first ||= input;
    } else {
      loose.push(problemText(e));
    }
  }
  if (!errors.length) loose.push(problemText(problem, 'detail') || problemText(problem, 'title') || t('common.error'));
  if (loose.length) {
    summary.replaceChildren(h('p', { class: 'summary-title' }, loose.join(' ')));
    summary.hidden = false;
    summary.focus();
  } else {
    first?.focus();
  }
}

function clear(form, summary) {
  summary.hidden = true;
  summary.replaceChildren();
  form.querySelectorAll('.field-error').forEach((e) => { e.hidden = true; e.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

/** The “send code” button with its resend countdown. */
function codeButton(id, label, sendRequest, form, summary, status) {
  let timer = null;
  const button = h('button', {
    type: 'button', class: 'btn btn-secondary', id,
    onclick: async () => {
      button.disabled = true;
      const answer = await sendRequest();
      if (!answer.ok) {
        button.disabled = false;
        showProblem(form, summary, answer.data);
        return;
      }
      clear(form, summary);
      status.textContent = t('accounts.codeSent', { mobile: answer.data.mobile, minutes: Math.round(answer.data.expiresInSeconds / 60) });
      let left = answer.data.resendAfterSeconds || 60;
      clearInterval(timer);
      button.textContent = t('accounts.resendIn', { n: left });
      timer = setInterval(() => {
        left -= 1;
        if (left <= 0 || !button.isConnected) {
          clearInterval(timer);
          button.disabled = false;
          button.textContent = label;
        } else {
          button.textContent = t('accounts.resendIn', { n: left });
        }
      }, 1000);
    },
  }, label);
  return button;
}

function page(main, heading, intro, form, links) {
  show(main,
    h('h1', {}, heading),
    h('p', { class: 'muted' }, intro),
    h('section', { class: 'panel narrow' }, form),
    h('p', { class: 'account-links' }, links));
}

function success(main, heading, lines, tenant) {
  show(main,
    h('h1', {}, heading),
    h('div', { class: 'alert success', role: 'status', id: 'account-result' }, lines),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn', id: 'account-sign-in', onclick: () => auth.signIn(`#/t/${enc(tenant)}`) }, t('accounts.signIn'))));
}

/** #/register */
export async function registerView(main) {
  const summary = h('div', { class: 'error-summary', id: 'account-summary', role: 'alert', tabindex: '-1', hidden: true });
  const status = h('p', { class: 'muted small', id: 'code-status', role: 'status' });
  const form = h('form', { id: 'register-form', novalidate: true }, summary,
    await tenantSelect('kunshan'),
    field('mobile', t('accounts.mobile'), { type: 'tel', inputmode: 'numeric', maxlength: 11, autocomplete: 'tel' }),
    field('password', t('accounts.password'), { type: 'password', autocomplete: 'new-password' }, t('accounts.passwordHint')));
  const tenant = () => form.querySelector('#acc-tenant').value;
  form.append(
    field('code', t('accounts.code'), { type: 'text', inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code' }),
    h('div', { class: 'actions' },
      codeButton('send-code', t('accounts.sendCode'), () => api(`tenants/${enc(tenant())}/accounts/sms-codes`, {
        method: 'POST', auth: false, body: { mobile: form.querySelector('#acc-mobile').value.trim(), purpose: 'register' },
      }), form, summary, status),
      h('button', { type: 'submit', class: 'btn', id: 'register-submit' }, t('accounts.register.submit'))),
    status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      mobile: form.querySelector('#acc-mobile').value.trim(),
      password: form.querySelector('#acc-password').value,
      code: form.querySelector('#acc-code').value.trim(),
    };
    const submit = e.submitter || form.querySelector('button[type=submit]');
    submit.disabled = true;
    const answer = await api(`tenants/${enc(tenant())}/accounts`, { method: 'POST', auth: false, body }).finally(() => { submit.disabled = false; });
    if (!answer.ok) { showProblem(form, summary, answer.data); return; }
    success(main, t('accounts.register.heading'), [
      h('p', {}, t('accounts.registered'), ' ', h('strong', { id: 'registration-number' }, answer.data.registrationNumber)),
      h('p', {}, t('accounts.keepNumber'))], tenant());
  });
  page(main, t('accounts.register.heading'), t('accounts.register.intro'), form,
    [h('a', { href: '#/recover', id: 'to-recover' }, t('accounts.toRecover'))]);
}

/** #/recover */
export async function recoverView(main) {
  const summary = h('div', { class: 'error-summary', id: 'account-summary', role: 'alert', tabindex: '-1', hidden: true });
  const status = h('p', { class: 'muted small', id: 'code-status', role: 'status' });
  const form = h('form', { id: 'recover-form', novalidate: true }, summary,
    await tenantSelect('kunshan'),
    field('mobile', t('accounts.mobile'), { type: 'tel', inputmode: 'numeric', maxlength: 11, autocomplete: 'tel' }));
  const tenant = () => form.querySelector('#acc-tenant').value;
  form.append(
    field('code', t('accounts.code'), { type: 'text', inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code' }),
    field('newPassword', t('accounts.newPassword'), { type: 'password', autocomplete: 'new-password', required: false }, t('accounts.passwordHint')),
    h('div', { class: 'actions' },
      codeButton('send-code', t('accounts.sendCode'), () => api(`tenants/${enc(tenant())}/accounts/sms-codes`, {
        method: 'POST', auth: false, body: { mobile: form.querySelector('#acc-mobile').value.trim(), purpose: 'recover' },
      }), form, summary, status),
      h('button', { type: 'submit', class: 'btn', id: 'recover-submit' }, t('accounts.recover.submit'))),
    status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const newPassword = form.querySelector('#acc-newPassword').value;
    const body = { mobile: form.querySelector('#acc-mobile').value.trim(), code: form.querySelector('#acc-code').value.trim() };
    if (newPassword) body.newPassword = newPassword;
    const submit = e.submitter || form.querySelector('button[type=submit]');
    submit.disabled = true;
    const answer = await api(`tenants/${enc(tenant())}/accounts/recovery`, { method: 'POST', auth: false, body }).finally(() => { submit.disabled = false; });
    if (!answer.ok) { showProblem(form, summary, answer.data); return; }
    success(main, t('accounts.recover.heading'), [
      h('p', {}, t('accounts.recovered'), ' ', h('strong', { id: 'registration-number' }, answer.data.registrationNumber)),
      newPassword ? h('p', {}, t('accounts.passwordReset')) : null], tenant());
  });
  page(main, t('accounts.recover.heading'), t('accounts.recover.intro'), form,
    [h('a', { href: '#/register', id: 'to-register' }, t('accounts.toRegister'))]);
}

/** #/t/:tenant/phone (signed in) */
export async function phoneView(main, tenant) {
  const summary = h('div', { class: 'error-summary', id: 'account-summary', role: 'alert', tabindex: '-1', hidden: true });
  const status = h('p', { class: 'muted small', id: 'code-status', role: 'status' });
  const form = h('form', { id: 'phone-form', novalidate: true }, summary,
    field('newMobile', t('accounts.newMobile'), { type: 'tel', inputmode: 'numeric', maxlength: 11, autocomplete: 'tel' }));
  form.append(
    h('div', { class: 'actions' },
      codeButton('send-codes', t('accounts.sendCodes'), () => api(`tenants/${enc(tenant)}/accounts/phone/sms-codes`, {
        method: 'POST', body: { newMobile: form.querySelector('#acc-newMobile').value.trim() },
      }), form, summary, status)),
    status,
    field('oldCode', t('accounts.oldCode'), { type: 'text', inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code' }),
    field('newCode', t('accounts.newCode'), { type: 'text', inputmode: 'numeric', maxlength: 6 }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn', id: 'phone-submit' }, t('accounts.phone.submit'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      newMobile: form.querySelector('#acc-newMobile').value.trim(),
      oldCode: form.querySelector('#acc-oldCode').value.trim(),
      newCode: form.querySelector('#acc-newCode').value.trim(),
    };
    const submit = e.submitter || form.querySelector('button[type=submit]');
    submit.disabled = true;
    const answer = await api(`tenants/${enc(tenant)}/accounts/phone`, { method: 'PUT', body }).finally(() => { submit.disabled = false; });
    if (!answer.ok) { showProblem(form, summary, answer.data); return; }
    show(main, h('h1', {}, t('accounts.phone.heading')),
      h('div', { class: 'alert success', role: 'status', id: 'account-result' }, t('accounts.phoneChanged')),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'btn', id: 'account-sign-in', onclick: () => auth.signOut() }, t('accounts.signIn'))));
  });
  page(main, t('accounts.phone.heading'), t('accounts.phone.intro'), form,
    [h('a', { href: `#/t/${enc(tenant)}` }, t('nav.home'))]);
}
