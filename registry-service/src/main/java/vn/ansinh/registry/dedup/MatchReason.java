package vn.ansinh.registry.dedup;

/**
 * Why two households look like the same one, in words an officer reads. The texts never repeat the
 * other household's data, so a reason can be shown to an office that may not see that household.
 */
enum MatchReason {
    SAME_CITIZEN_ID("Trùng số CCCD của một thành viên"),
    SAME_PHONE("Trùng số điện thoại của hộ"),
    SAME_NAME_AND_BIRTH_DATE("Trùng họ tên (không kể dấu) và ngày sinh"),
    SIMILAR_NAME_AND_BIRTH_DATE("Họ tên gần giống (sai chính tả) và trùng ngày sinh"),
    NAME_AND_SWAPPED_BIRTH_DATE("Họ tên giống, ngày sinh đảo ngày và tháng"),
    SAME_NAME_AND_BIRTH_YEAR("Họ tên giống, ngày sinh gần giống (cùng năm hoặc lệch một phần)"),
    SAME_ADDRESS_AND_MEMBERS("Cùng địa chỉ và nhiều thành viên trùng tên"),
    OTHER_MEMBERS_MATCH("Các thành viên khác của hộ cũng trùng tên và ngày sinh");

    private final String vietnamese;

    MatchReason(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String text() {
        return vietnamese;
    }
}
