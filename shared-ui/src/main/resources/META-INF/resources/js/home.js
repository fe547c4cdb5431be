// Lists the enabled tenants from the API. Plain ES module: no build step.
const list = document.getElementById('tenants');

function item(tenant) {
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = `#/${encodeURIComponent(tenant.id)}`;
  link.textContent = tenant.name.zh;
  const en = document.createElement('span');
  en.lang = 'en';
  en.textContent = tenant.name.en;
  li.append(link, document.createElement('br'), en);
  return li;
}

try {
  const response = await fetch('/api/tenants', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(String(response.status));
  const tenants = await response.json();
  list.replaceChildren(...tenants.map(item));
} catch (e) {
  const li = document.createElement('li');
  li.textContent = '暂时无法加载业务列表，请稍后再试。';
  list.replaceChildren(li);
}
