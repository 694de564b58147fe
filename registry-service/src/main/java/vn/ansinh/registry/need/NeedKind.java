package vn.ansinh.registry.need;

/** What a resident asks for. */
enum NeedKind {
    /** Lương thực, thực phẩm. */
    FOOD,
    /** Tiền mặt. */
    CASH,
    /** Thuốc, khám chữa bệnh. */
    MEDICINE,
    /** Nhà ở, sửa nhà. */
    SHELTER,
    /** Thẻ bảo hiểm y tế. */
    HEALTH_INSURANCE,
    /** Học phí, đồ dùng học tập. */
    SCHOOLING,
    /** Việc làm. */
    JOB,
    OTHER
}
