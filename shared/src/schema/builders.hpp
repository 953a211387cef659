#pragma once
// Small builders that keep the table definitions readable (internal to the registry).
#include "tdkt/schema/schema.hpp"

namespace tdkt::schema::build {

// [SECTION] helpers
inline FieldDef f(std::string name, FieldType type, std::string label, bool required = false) {
    FieldDef d;
    d.name = std::move(name);
    d.type = type;
    d.label = std::move(label);
    d.required = required;
    return d;
}

inline FieldDef text(std::string name, std::string label, bool required = false) {
    return f(std::move(name), FieldType::Text, std::move(label), required);
}

inline FieldDef searchText(std::string name, std::string label, bool required = false) {
    auto d = text(std::move(name), std::move(label), required);
    d.searchable = true;
    return d;
}

inline FieldDef integer(std::string name, std::string label, bool required = false) {
    return f(std::move(name), FieldType::Integer, std::move(label), required);
}

inline FieldDef boolean(std::string name, std::string label) { return f(std::move(name), FieldType::Boolean, std::move(label)); }

inline FieldDef date(std::string name, std::string label, bool required = false) {
    return f(std::move(name), FieldType::Date, std::move(label), required);
}

inline FieldDef ref(std::string name, std::string table, std::string label, bool required = false) {
    auto d = f(std::move(name), FieldType::Ref, std::move(label), required);
    d.refTable = std::move(table);
    return d;
}

inline FieldDef enumeration(std::string name, std::string label, std::vector<EnumValue> values, bool required = false) {
    auto d = f(std::move(name), FieldType::Enum, std::move(label), required);
    d.values = std::move(values);
    return d;
}

inline TableDef table(std::string name, std::string label, std::string unitField, std::string titleField,
               std::vector<FieldDef> fields) {
    TableDef t;
    t.name = std::move(name);
    t.label = std::move(label);
    t.unitField = std::move(unitField);
    t.titleField = std::move(titleField);
    t.fields = std::move(fields);
    return t;
}

/** A field added by a later migration (its `since`), so old replicas gain the column. */
inline FieldDef since(int version, FieldDef d) {
    d.since = version;
    return d;
}

// [SECTION] enumerations
inline std::vector<EnumValue> unitLevels() {
    return {{"trung_uong", "Trung ương"}, {"bo_nganh", "Bộ, ngành"},   {"tinh", "Tỉnh, thành phố"},
            {"huyen", "Huyện, quận"},     {"xa", "Xã, phường, đặc khu"}, {"co_quan", "Cơ quan, đơn vị"},
            {"doanh_nghiep", "Doanh nghiệp"}, {"thon", "Thôn, tổ dân phố"}};
}

// The migration that grew award_code to the whole catalog of Law 06/2022.
inline constexpr int AwardCodesGrown = 17;

inline std::vector<EnumValue> awardCodes() {
    return {{"lao_dong_tien_tien", "Lao động tiên tiến"},
            {"chien_si_thi_dua_co_so", "Chiến sĩ thi đua cơ sở"},
            {"chien_si_thi_dua_tinh", "Chiến sĩ thi đua cấp tỉnh"},
            {"chien_si_thi_dua_toan_quoc", "Chiến sĩ thi đua toàn quốc"},
            {"tap_the_lao_dong_tien_tien", "Tập thể lao động tiên tiến"},
            {"tap_the_lao_dong_xuat_sac", "Tập thể lao động xuất sắc"},
            {"co_thi_dua_tinh", "Cờ thi đua của UBND tỉnh"},
            {"co_thi_dua_chinh_phu", "Cờ thi đua của Chính phủ"},
            {"giay_khen", "Giấy khen"},
            {"bang_khen_tinh", "Bằng khen của Chủ tịch UBND tỉnh"},
            {"bang_khen_thu_tuong", "Bằng khen của Thủ tướng Chính phủ"},
            {"huan_chuong_lao_dong_hang_ba", "Huân chương Lao động hạng Ba"},
            {"huan_chuong_lao_dong_hang_nhi", "Huân chương Lao động hạng Nhì"},
            {"huan_chuong_lao_dong_hang_nhat", "Huân chương Lao động hạng Nhất"},
            {"thon_van_hoa", "Thôn, tổ dân phố văn hóa"},
            {"gia_dinh_van_hoa", "Gia đình văn hóa"},
            {"xa_tieu_bieu", "Xã, phường, đặc khu tiêu biểu"},
            {"ky_niem_chuong", "Kỷ niệm chương"},
            // Migration 17: every title and form of Law 06/2022 (research §1a).
            {"huan_chuong_sao_vang", "Huân chương Sao vàng", AwardCodesGrown},
            {"huan_chuong_ho_chi_minh", "Huân chương Hồ Chí Minh", AwardCodesGrown},
            {"huan_chuong_doc_lap_hang_nhat", "Huân chương Độc lập hạng Nhất", AwardCodesGrown},
            {"huan_chuong_doc_lap_hang_nhi", "Huân chương Độc lập hạng Nhì", AwardCodesGrown},
            {"huan_chuong_doc_lap_hang_ba", "Huân chương Độc lập hạng Ba", AwardCodesGrown},
            {"huan_chuong_quan_cong_hang_nhat", "Huân chương Quân công hạng Nhất", AwardCodesGrown},
            {"huan_chuong_quan_cong_hang_nhi", "Huân chương Quân công hạng Nhì", AwardCodesGrown},
            {"huan_chuong_quan_cong_hang_ba", "Huân chương Quân công hạng Ba", AwardCodesGrown},
            {"huan_chuong_bao_ve_to_quoc_hang_nhat", "Huân chương Bảo vệ Tổ quốc hạng Nhất", AwardCodesGrown},
            {"huan_chuong_bao_ve_to_quoc_hang_nhi", "Huân chương Bảo vệ Tổ quốc hạng Nhì", AwardCodesGrown},
            {"huan_chuong_bao_ve_to_quoc_hang_ba", "Huân chương Bảo vệ Tổ quốc hạng Ba", AwardCodesGrown},
            {"huan_chuong_chien_cong_hang_nhat", "Huân chương Chiến công hạng Nhất", AwardCodesGrown},
            {"huan_chuong_chien_cong_hang_nhi", "Huân chương Chiến công hạng Nhì", AwardCodesGrown},
            {"huan_chuong_chien_cong_hang_ba", "Huân chương Chiến công hạng Ba", AwardCodesGrown},
            {"huan_chuong_dai_doan_ket_dan_toc", "Huân chương Đại đoàn kết dân tộc", AwardCodesGrown},
            {"huan_chuong_dung_cam", "Huân chương Dũng cảm", AwardCodesGrown},
            {"huan_chuong_huu_nghi", "Huân chương Hữu nghị", AwardCodesGrown},
            {"huy_chuong", "Huy chương", AwardCodesGrown},
            {"ba_me_viet_nam_anh_hung", "Bà mẹ Việt Nam Anh hùng", AwardCodesGrown},
            {"anh_hung_luc_luong_vu_trang_nhan_dan", "Anh hùng Lực lượng vũ trang nhân dân", AwardCodesGrown},
            {"anh_hung_lao_dong", "Anh hùng Lao động", AwardCodesGrown},
            {"nha_giao_nhan_dan", "Nhà giáo nhân dân", AwardCodesGrown},
            {"nha_giao_uu_tu", "Nhà giáo ưu tú", AwardCodesGrown},
            {"thay_thuoc_nhan_dan", "Thầy thuốc nhân dân", AwardCodesGrown},
            {"thay_thuoc_uu_tu", "Thầy thuốc ưu tú", AwardCodesGrown},
            {"nghe_si_nhan_dan", "Nghệ sĩ nhân dân", AwardCodesGrown},
            {"nghe_si_uu_tu", "Nghệ sĩ ưu tú", AwardCodesGrown},
            {"nghe_nhan_nhan_dan", "Nghệ nhân nhân dân", AwardCodesGrown},
            {"nghe_nhan_uu_tu", "Nghệ nhân ưu tú", AwardCodesGrown},
            {"giai_thuong_ho_chi_minh", "Giải thưởng Hồ Chí Minh", AwardCodesGrown},
            {"giai_thuong_nha_nuoc", "Giải thưởng Nhà nước", AwardCodesGrown},
            {"bang_khen_bo_nganh", "Bằng khen cấp bộ, ban, ngành, đoàn thể trung ương", AwardCodesGrown},
            {"co_thi_dua_bo_nganh", "Cờ thi đua cấp bộ, ban, ngành, đoàn thể trung ương", AwardCodesGrown}};
}

// award_code is an open enumeration: it grows with the catalog, and a replica that
// meets a newer build's code keeps the row and shows the code (FieldDef::open).
inline FieldDef awardCode(std::string label, bool required = false) {
    auto d = enumeration("award_code", std::move(label), awardCodes(), required);
    d.open = true;
    return d;
}

inline std::vector<EnumValue> awardMethods() {
    return {{"thuong_xuyen", "Thường xuyên (công trạng)"}, {"chuyen_de", "Theo chuyên đề"},
            {"dot_xuat", "Đột xuất"},                      {"cong_hien", "Quá trình cống hiến"},
            {"nien_han", "Niên hạn"},                      {"doi_ngoai", "Đối ngoại"}};
}

inline std::vector<EnumValue> nomineeKinds() {
    return {{"ca_nhan", "Cá nhân"}, {"tap_the", "Tập thể"}, {"ho_gia_dinh", "Hộ gia đình"}};
}

} // namespace tdkt::schema::build
