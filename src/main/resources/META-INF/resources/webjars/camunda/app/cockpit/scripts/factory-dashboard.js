// 工厂看板 The factory dashboard: KPI tiles on Cockpit's dashboard and a page (#/factory) with the station
// bottleneck chart, the monthly trend, the officers and the filters. The figures come from the platform's
// /api/kpis, which answers managers and risk managers only (403 for anyone else); definitions in docs/kpis.md.

const API = '/api/kpis';

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name === 'style') {
      node.style.cssText = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.substring(2), value);
    } else if (value !== null && value !== undefined) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

const STYLE = `
.factory { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
.factory-tiles { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0 16px; }
.factory-tile { border: 1px solid #d6dbe1; border-radius: 4px; padding: 10px 14px; min-width: 170px; background: #fff; }
.factory-tile .label { color: #555; font-size: 13px; }
.factory-tile .value { font-size: 24px; font-weight: 600; color: #1a3d6d; }
.factory-tile .note { color: #888; font-size: 12px; }
.factory table { border-collapse: collapse; margin: 6px 0 18px; font-size: 13px; }
.factory th, .factory td { border: 1px solid #d6dbe1; padding: 4px 8px; text-align: right; }
.factory th:first-child, .factory td:first-child { text-align: left; }
.factory th { background: #f3f5f8; }
.factory .bar-row { display: flex; align-items: center; margin: 3px 0; font-size: 13px; }
.factory .bar-label { width: 260px; }
.factory .bar { height: 14px; display: inline-block; }
.factory .bar.wait { background: #e3a33c; }
.factory .bar.work { background: #2a6fdb; }
.factory .refused { color: #a33; padding: 8px 0; }
.factory .filters { display: flex; gap: 10px; align-items: flex-end; flex-wrap: wrap; margin-bottom: 12px; }
.factory .filters label { display: flex; flex-direction: column; font-size: 12px; color: #555; }
`;

function styles() {
  if (!document.getElementById('factory-dashboard-style')) {
    document.head.append(el('style', { id: 'factory-dashboard-style' }, STYLE));
  }
}

const percent = (rate) => (rate === null || rate === undefined ? '—' : (Number(rate) * 100).toFixed(1) + '%');
const number = (value, digits = 0) => (value === null || value === undefined ? '—'
  : Number(value).toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const money = (value) => (value === null || value === undefined ? '—' : '¥' + number(value, 2));

async function load(query) {
  const response = await fetch(API + (query ? '?' + query : ''), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 403 || response.status === 401) {
    const error = new Error('refused');
    error.refused = true;
    throw error;
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.message || ('HTTP ' + response.status));
  }
  return response.json();
}

function refusal(error) {
  return el('div', { class: 'refused factory-refused' }, error.refused
    ? '仅管理者和风险管理岗可查看工厂看板 Only managers and risk managers see the factory dashboard'
    : '指标加载失败 The figures could not be loaded: ' + error.message);
}

function tile(label, value, note) {
  return el('div', { class: 'factory-tile' }, el('div', { class: 'label' }, label), el('div', { class: 'value' }, value),
    note ? el('div', { class: 'note' }, note) : null);
}

function tiles(k) {
  return el('div', { class: 'factory-tiles' },
    tile('放款笔数 Loans disbursed', number(k.growth.disbursed), money(k.growth.disbursedAmount)),
    tile('放款效率(中位天数) Days to disbursement', number(k.turnaround.medianDays, 1),
      'P90 ' + number(k.turnaround.p90Days, 1) + ' · 平均 mean ' + number(k.turnaround.meanDays, 1)),
    tile('退件率 Rework rate', percent(k.decisions.reworkRate), '进入审批 reached approval ' + number(k.decisions.reachedApproval)),
    tile('拒绝率 Rejection rate', percent(k.decisions.rejectionRate), '办结 ended ' + number(k.decisions.ended)),
    tile('月均上会笔数 Committee cases / month', number(k.committeeCasesPerMonth, 2)),
    tile('新增客户 New customers', number(k.growth.newCustomers),
      k.growth.newCustomersTarget === null ? '无目标 no target' : '目标 target ' + number(k.growth.newCustomersTarget)),
    tile('不良率 NPL rate', percent(k.portfolio.nplRate), '逾期率 overdue ' + percent(k.portfolio.overdueRate)),
    tile('贷后检查按时率 Checks on time', percent(k.monitoring.onTimeRate), '到期 due ' + number(k.monitoring.due)),
    tile('瓶颈岗位 Bottleneck station', k.bottleneck ? k.bottleneck.name : '—',
      k.bottleneck ? '平均 ' + number(k.bottleneck.totalHoursMean, 1) + ' 小时 h' : null));
}

const dashboardTile = {
  id: 'factory-kpi-tiles',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render(node) {
    styles();
    const body = el('div', { class: 'factory factory-dashboard' }, '加载中… Loading…');
    node.append(el('section', {},
      el('h3', {}, '工厂看板 Factory dashboard ', el('small', {}, el('a', { href: '#/factory' }, '详情 Details →'))), body));
    load('').then((k) => {
      body.replaceChildren(el('div', { class: 'note' }, '本季度 This quarter: ' + k.from + ' ~ ' + k.to), tiles(k));
    }).catch((error) => body.replaceChildren(refusal(error)));
  },
};

const navigation = {
  id: 'factory-navigation',
  pluginPoint: 'cockpit.navigation',
  priority: 100,
  properties: { path: '/factory', checkActive: (url) => url.indexOf('#/factory') >= 0 },
  render(node) {
    node.append(el('a', { href: '#/factory' }, '工厂看板 Factory'));
  },
};

function stationChart(stations) {
  const line = stations.filter((s) => s.completed > 0);
  const longest = Math.max(1, ...line.map((s) => Number(s.waitingHoursMean || 0) + Number(s.workingHoursMean || 0)));
  const scale = (hours) => Math.round((Number(hours || 0) / longest) * 420) + 'px';
  return el('div', { class: 'factory-stations' },
    el('div', { class: 'note' }, el('span', { class: 'bar wait', style: 'width:14px' }), ' 等待 waiting  ',
      el('span', { class: 'bar work', style: 'width:14px' }), ' 处理 working (小时 hours, 平均 mean)'),
    line.map((s) => el('div', { class: 'bar-row' },
      el('span', { class: 'bar-label' }, s.name || s.station),
      el('span', { class: 'bar wait', style: 'width:' + scale(s.waitingHoursMean), title: '等待 waiting ' + s.waitingHoursMean + ' h' }),
      el('span', { class: 'bar work', style: 'width:' + scale(s.workingHoursMean), title: '处理 working ' + s.workingHoursMean + ' h' }),
      el('span', {}, ' ' + number(s.waitingHoursMean, 1) + ' + ' + number(s.workingHoursMean, 1) + ' h · '
        + '按时 on time ' + percent(s.onTimeRate) + ' · 超时待办 overdue now ' + s.overdueNow))));
}

function table(headers, rows) {
  return el('table', {}, el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((row) => el('tr', {}, row.map((cell) => el('td', {}, cell))))));
}

function page(k) {
  return [
    tiles(k),
    el('h3', {}, '岗位瓶颈 Station bottleneck'), stationChart(k.stations),
    el('h3', {}, '月度趋势 Trend by month'),
    table(['月份 Month', '受理 Applications', '放款 Disbursed', '放款金额 Amount', '上会 Committee'],
      k.months.map((m) => [m.month, number(m.applications), number(m.disbursed), money(m.disbursedAmount), number(m.committeeCases)])),
    el('h3', {}, '人员 Officers'),
    table(['人员 Officer', '完成任务 Tasks', '平均处理(小时) Working h', '按时率 On time', '受理 Applications', '放款 Disbursed', '放款金额 Amount'],
      k.officers.map((o) => [o.officer, number(o.tasksCompleted), number(o.workingHoursMean, 1), percent(o.onTimeRate),
        number(o.applications), number(o.disbursed), money(o.disbursedAmount)])),
    el('h3', {}, '资产质量(当前) Portfolio quality (now)'),
    table(['角色 Role', '人员 Officer', '笔数 Loans', '余额 Outstanding', '逾期率 Overdue', '不良率 NPL'],
      k.portfolio.byOfficer.map((o) => [ROLES[o.role] || o.role, o.officer, number(o.loans), money(o.outstanding),
        percent(o.overdueRate), percent(o.nplRate)])),
    el('h3', {}, '客户经理分级(上月) Officer levels (last month)'), evaluationSection(),
    el('h3', {}, '拒绝原因 Declines by stage and reason'),
    table(['阶段 Stage', '原因 Reason', '笔数 Count'], k.decisions.declinesByStage.map((d) => [d.stage, d.reasonCode || '—', number(d.count)])),
  ];
}

/** The accountability reviews' determinations confirmed in the month (尽职免责 / 认定责任); — before reviews existed. */
function determinations(e) {
  return e.exemptDeterminations === null || e.exemptDeterminations === undefined ? '—'
    : number(e.exemptDeterminations) + ' / ' + number(e.responsibleDeterminations);
}

const LEVEL_COLORS = { SENIOR: '#1f7a3a', INTERMEDIATE: '#2a6fdb', JUNIOR: '#555', WATCH: '#b3261e', UNRATED: '#888' };

/** 客户经理分级 and 审批人分级: the latest evaluated month's levels, loaded on their own (a month may not be evaluated yet). */
function evaluationSection() {
  const section = el('div', { class: 'factory-evaluation' }, '加载中… Loading…');
  fetch('/api/officer-evaluations', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status))))
    .then((e) => {
      if (!e.evaluations.length) {
        section.replaceChildren(el('div', { class: 'note' }, e.month + ' 尚未评价 not evaluated yet'));
        return;
      }
      section.replaceChildren(el('div', { class: 'note' }, '月份 Month: ' + e.month + ' · ',
        el('a', { href: '/api/officer-evaluations/export?month=' + e.month }, '导出 Excel Export')),
      table(['客户经理 Officer', '等级 Level', '新增余额 New balance', '完成率 Attainment', '新增客户 New customers', '不良率 NPL',
        '近一年逾期 Overdue in year', '平均放款天数 Days', '退件率 Rework', '积分 Points', '免责/担责 Exempt/Responsible'],
      e.evaluations.map((o) => [o.officer, el('b', { style: 'color:' + (LEVEL_COLORS[o.level] || '#333') }, o.levelName),
        money(o.newBalance), percent(o.newBalanceAttainment), number(o.newCustomers) + ' / ' + (o.newCustomersTarget === null ? '—' : number(o.newCustomersTarget)),
        percent(o.nplRate), percent(o.overdueCustomerShare), number(o.meanDaysToDisbursement, 1), percent(o.reworkRate),
        number(o.marketingPoints), determinations(o)])),
      el('h4', {}, '审批人分级(分层授权) Approver levels (tiered authority)'),
      (e.approvers || []).length ? table(['审批人 Approver', '等级 Level', '在贷笔数 Live loans signed', '在贷余额 Outstanding',
        '逾期率 Overdue', '不良率 NPL', '近一年逾期 Overdue in year', '免责/担责 Exempt/Responsible'],
      e.approvers.map((a) => [a.approver, el('b', { style: 'color:' + (LEVEL_COLORS[a.level] || '#333') }, a.levelName),
        number(a.loans), money(a.outstanding), percent(a.overdueRate), percent(a.nplRate), percent(a.overdueLoanShare),
        determinations(a)]))
        : el('div', { class: 'note' }, '本月无审批人评价 No approver evaluated this month'));
    })
    .catch((error) => section.replaceChildren(el('div', { class: 'note' }, '分级加载失败 Levels could not be loaded: ' + error.message)));
  return section;
}

const ROLES = { ACCOUNT_MANAGER: '客户经理 Account manager', INVESTIGATOR: '调查岗 Investigator', APPROVER: '审批岗 Approver' };
const PRODUCTS = [['', '全部 All'], ['CREDIT', '信用贷 Credit'], ['GUARANTEED', '保证贷 Guaranteed'], ['MORTGAGE', '抵押贷 Mortgage']];

const factoryPage = {
  id: 'factory-page',
  pluginPoint: 'cockpit.route',
  properties: { path: '/factory', label: '工厂看板 Factory' },
  render(node) {
    styles();
    const from = el('input', { type: 'date', name: 'from' });
    const to = el('input', { type: 'date', name: 'to' });
    const product = el('select', { name: 'product' }, PRODUCTS.map(([value, label]) => el('option', { value }, label)));
    const officer = el('input', { type: 'text', name: 'officer', placeholder: '用户名 user id' });
    const exportLink = el('a', { class: 'btn btn-default', href: API + '/export' }, '导出 Excel Export');
    const body = el('div', { class: 'factory-page-body' }, '加载中… Loading…');
    const query = () => new URLSearchParams(Object.entries({ from: from.value, to: to.value, product: product.value, officer: officer.value })
      .filter(([, value]) => value)).toString();
    const refresh = () => {
      body.replaceChildren('加载中… Loading…');
      exportLink.setAttribute('href', API + '/export' + (query() ? '?' + query() : ''));
      load(query()).then((k) => {
        from.value = k.from;
        to.value = k.to;
        body.replaceChildren(el('div', { class: 'note' }, '期间 Period: ' + k.from + ' ~ ' + k.to + ' · 计算于 computed at ' + k.computedAt), ...page(k));
      }).catch((error) => body.replaceChildren(refusal(error)));
    };
    // Cockpit's main area clips its content (overflow hidden): the page fills it and scrolls itself.
    node.append(el('div', { class: 'factory factory-page', style: 'position: absolute; inset: 0; overflow: auto; padding: 16px' },
      el('h2', {}, '工厂看板 Factory dashboard'),
      el('div', { class: 'filters' },
        el('label', {}, '开始 From', from), el('label', {}, '结束 To', to), el('label', {}, '产品 Product', product),
        el('label', {}, '人员 Officer', officer),
        el('button', { class: 'btn btn-primary', type: 'button', onclick: refresh }, '查询 Apply'), exportLink),
      body));
    refresh();
  },
};

export default [dashboardTile, navigation, factoryPage];
