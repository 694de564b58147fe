// Vietnamese by default; English on request. Strings only: numbers are formatted per language below.
const MESSAGES = {
  vi: {
    title: 'An Sinh – Bảng điều khiển', offline: 'Mất kết nối', online: 'Trực tiếp', signIn: 'Đăng nhập', signOut: 'Đăng xuất',
    signInWithAccount: 'Đăng nhập bằng tài khoản cá nhân do đơn vị cấp.', publicMapLink: 'Xem bản đồ an sinh công khai',
    unitBelow: 'Đơn vị trực thuộc', choose: '– chọn –', exportXlsx: 'Tải Excel', exportCsv: 'Tải CSV',
    households: 'Số hộ', poor: 'Hộ nghèo', nearPoor: 'Hộ cận nghèo', povertyRate: 'Tỷ lệ nghèo và cận nghèo',
    cashReceived: 'Tiền mặt đã nhận', inKindValue: 'Hiện vật đã nhận (giá trị)', needsOpen: 'Nhu cầu chờ xử lý',
    approved: 'Hộ được duyệt', delivered: 'Hộ đã nhận', coverage: 'Độ bao phủ',
    householdsByUnit: 'Hộ nghèo, cận nghèo theo đơn vị', byCategory: 'Hộ theo diện', map: 'Bản đồ an sinh',
    mapHint: 'Mỗi ô là một đơn vị: diện tích theo số hộ khó khăn, màu theo độ bao phủ. Bấm để xem chi tiết.',
    cashByUnit: 'Tiền mặt đã nhận theo đơn vị', campaigns: 'Tiến độ các đợt hỗ trợ', updatedAt: 'Cập nhật lúc',
    noCampaigns: 'Chưa có đợt hỗ trợ nào được duyệt trong địa bàn.', signInFailed: 'Không đăng nhập được. Hãy thử lại.',
    statisticsMissing: 'Chưa có số liệu thống kê', openOmissionReports: 'Phản ánh bị bỏ sót chưa xử lý xong', poorRate: 'Tỷ lệ hộ nghèo',
    inNeed: 'Hộ khó khăn', helped: 'Đã được hỗ trợ', area: 'Địa bàn', hidden: '< 5',
    publicTitle: 'Bản đồ an sinh xã hội', publicIntro: 'Số hộ khó khăn, được duyệt hỗ trợ và đã được hỗ trợ ở từng địa bàn. Không có tên, số điện thoại hay giấy tờ của ai; số dưới 5 được ẩn để không ai bị nhận ra.',
    total: 'Tổng cộng', notKept: 'không theo dõi', up: '↑ Cấp trên', ownRecords: 'trực tiếp',
    POOR: 'Hộ nghèo', NEAR_POOR: 'Hộ cận nghèo', NONE: 'Không nghèo',
    APPROVING: 'Chờ giữ tiền, hàng', ACTIVE: 'Đang cấp phát', REJECTED: 'Bị từ chối', CLOSED: 'Đã kết thúc',
    ETHNIC_MINORITY: 'Dân tộc thiểu số', POLICY_FAMILY: 'Gia đình chính sách', ORPHAN: 'Trẻ mồ côi',
    ELDERLY_ALONE: 'Người cao tuổi cô đơn', DISABILITY: 'Người khuyết tật', LOST_INCOME_WORKER: 'Lao động mất thu nhập',
    RECENTLY_ESCAPED_POVERTY: 'Hộ mới thoát nghèo', MARTYR_FAMILY: 'Gia đình liệt sĩ', WAR_INVALID: 'Thương binh',
    LOTTERY_SELLER: 'Người bán vé số', TENANT: 'Người ở trọ', LOCKDOWN_ZONE: 'Vùng phong tỏa'
  },
  en: {
    title: 'An Sinh – Dashboard', offline: 'Disconnected', online: 'Live', signIn: 'Sign in', signOut: 'Sign out',
    signInWithAccount: 'Sign in with the personal account your office gave you.', publicMapLink: 'See the public social-security map',
    unitBelow: 'Unit below', choose: '– choose –', exportXlsx: 'Download Excel', exportCsv: 'Download CSV',
    households: 'Households', poor: 'Poor', nearPoor: 'Near-poor', povertyRate: 'Poverty rate (poor + near-poor)',
    cashReceived: 'Cash received', inKindValue: 'Goods received (value)', needsOpen: 'Needs waiting',
    approved: 'Approved households', delivered: 'Households reached', coverage: 'Coverage',
    householdsByUnit: 'Poor and near-poor households by unit', byCategory: 'Households by category', map: 'Social-security map',
    mapHint: 'Each tile is a unit: sized by households in need, coloured by coverage. Click to go down.',
    cashByUnit: 'Cash received by unit', campaigns: 'Campaign progress', updatedAt: 'Updated at',
    noCampaigns: 'No approved campaign in this area yet.', signInFailed: 'Could not sign in. Please try again.',
    statisticsMissing: 'No statistics entered', openOmissionReports: 'Open reports of families left off', poorRate: 'Poor-household rate',
    inNeed: 'In need', helped: 'Helped', area: 'Area', hidden: '< 5',
    publicTitle: 'Social-security map', publicIntro: 'Households in need, approved for aid and helped in each area. No names, phones or papers of anyone; counts under 5 are hidden so no one can be singled out.',
    total: 'Total', notKept: 'not kept', up: '↑ Up', ownRecords: 'own records',
    POOR: 'Poor', NEAR_POOR: 'Near-poor', NONE: 'Not poor',
    APPROVING: 'Reserving', ACTIVE: 'Delivering', REJECTED: 'Rejected', CLOSED: 'Closed',
    ETHNIC_MINORITY: 'Ethnic minority', POLICY_FAMILY: 'Policy family', ORPHAN: 'Orphan',
    ELDERLY_ALONE: 'Elderly living alone', DISABILITY: 'Disability', LOST_INCOME_WORKER: 'Worker who lost income',
    RECENTLY_ESCAPED_POVERTY: 'Recently out of poverty', MARTYR_FAMILY: 'Martyr family', WAR_INVALID: 'War invalid',
    LOTTERY_SELLER: 'Lottery-ticket seller', TENANT: 'Tenant', LOCKDOWN_ZONE: 'Lockdown zone'
  }
};

// ECharts draws tooltips as HTML: names typed by officers (a hamlet, a unit) are escaped first.
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

const I18n = {
  lang: localStorage.getItem('ansinh.lang') || 'vi',
  t(key) { return (MESSAGES[this.lang] && MESSAGES[this.lang][key]) || MESSAGES.vi[key] || key; },
  number(n) { return n == null ? '–' : new Intl.NumberFormat(this.lang === 'vi' ? 'vi-VN' : 'en-US').format(n); },
  money(n) { return n == null ? '–' : this.number(n) + ' ₫'; },
  percent(n) { return n == null ? '–' : this.number(n) + ' %'; },
  // Large figures as offices write them on cards and chart axes: "9,77 tỷ", "12,3 triệu" (billion, million).
  short(n) {
    if (n == null) { return '–'; }
    const units = this.lang === 'vi' ? [[1e9, ' tỷ'], [1e6, ' triệu'], [1e3, ' nghìn']] : [[1e9, ' bn'], [1e6, ' m'], [1e3, ' k']];
    const abs = Math.abs(n);
    for (const [size, word] of units) {
      if (abs >= size) {
        return new Intl.NumberFormat(this.lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: abs / size >= 100 ? 0 : 2 })
          .format(n / size) + word;
      }
    }
    return this.number(n);
  },
  shortMoney(n) { return n == null ? '–' : this.short(n) + ' ₫'; },
  apply() {
    document.documentElement.lang = this.lang;
    document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = this.t(el.dataset.i18n); });
    const toggle = document.getElementById('lang');
    if (toggle) { toggle.textContent = this.lang === 'vi' ? 'EN' : 'VI'; }
  },
  toggle() { this.lang = this.lang === 'vi' ? 'en' : 'vi'; localStorage.setItem('ansinh.lang', this.lang); this.apply(); }
};
