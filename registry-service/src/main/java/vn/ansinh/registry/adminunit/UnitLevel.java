package vn.ansinh.registry.adminunit;

/** Tỉnh/thành phố, quận/huyện (until 30 June 2025), xã/phường/thị trấn. */
enum UnitLevel {
    PROVINCE, DISTRICT, COMMUNE
}
