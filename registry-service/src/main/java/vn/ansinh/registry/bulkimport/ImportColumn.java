package vn.ansinh.registry.bulkimport;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import vn.ansinh.platform.text.VietnameseNames;

/**
 * The columns of a household import file, one member per row, with the headers offices use in
 * Vietnamese and in English. Headers match ignoring case, diacritics, spaces and underscores.
 */
enum ImportColumn {
    HOUSEHOLD("household", "household ref", "ma ho", "so ho"),
    FULL_NAME("full name", "name", "ho va ten", "ho ten"),
    DATE_OF_BIRTH("date of birth", "born", "ngay sinh"),
    GENDER("gender", "sex", "gioi tinh"),
    CITIZEN_ID("citizen id", "cccd", "so cccd", "so dinh danh"),
    RELATION("relation", "quan he", "quan he voi chu ho"),
    UNIT_CODE("unit code", "unit", "ma xa", "ma don vi"),
    HAMLET("hamlet", "ap", "thon", "ap thon", "to dan pho", "khu pho"),
    STREET("street", "address", "dia chi", "so nha duong"),
    PHONE("phone", "so dien thoai", "dien thoai"),
    CATEGORIES("categories", "dien", "doi tuong"),
    POVERTY_STATUS("poverty status", "tinh trang ngheo", "ho ngheo");

    private final List<String> headers;

    ImportColumn(String... headers) {
        this.headers = Arrays.stream(headers).map(ImportColumn::squeeze).toList();
    }

    static Optional<ImportColumn> forHeader(String header) {
        String key = squeeze(VietnameseNames.searchKey(header));
        return Arrays.stream(values()).filter(column -> column.headers.contains(key)).findFirst();
    }

    private static String squeeze(String header) {
        return header.replaceAll("[\\s_\\-/.]", "");
    }
}
