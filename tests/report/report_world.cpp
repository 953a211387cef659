#include "report_world.hpp"

#include "fixtures.hpp"

#include "tdkt/rules/reference_io.hpp"

namespace tdkt::test {
using store::Fields;

// Huyện Yên Khánh under Ninh Bình; xã B absorbed xã Cũ (its history counts
// under B); xã Trống holds no data at all.
YenKhanh tree(store::Store &s) {
  YenKhanh w;
  auto unit = [&](const std::string &name, const std::string &level,
                  const std::string &parent) {
    Fields f{{"name", name}, {"level", level}};
    if (!parent.empty())
      f.emplace_back("parent_id", parent);
    return s.create("units", f);
  };
  w.province = unit("Tỉnh Ninh Bình", "tinh", "");
  w.district = unit("Huyện Yên Khánh", "huyen", w.province);
  w.communeA = unit("Xã Khánh Hòa", "xa", w.district);
  w.communeB = unit("Xã Khánh Phú", "xa", w.district);
  w.communeOld = unit("Xã Khánh Cũ", "xa", w.district);
  s.update("units", w.communeOld,
           {{"merged_into_id", w.communeB},
            {"valid_to", std::string("2025-06-30")}});
  w.empty = unit("Xã Trống", "xa", w.district);
  return w;
}

void Maker::add(const std::string &unit, const std::string &kind,
                const std::string &code, const std::string &method,
                const std::string &status, int year, int times,
                const std::string &person, const std::string &dossierKind,
                const std::string &reason) {
  for (int i = 0; i < times; ++i) {
    Fields f{{"unit_id", unit},
             {"nominee_kind", kind},
             {"nominee_name", "Đối tượng " + std::to_string(++n)},
             {"award_code", code},
             {"year", std::int64_t{year}},
             {"status", status}};
    if (!method.empty())
      f.emplace_back("method", method);
    if (!person.empty())
      f.emplace_back("person_id", person);
    if (!dossierKind.empty())
      f.emplace_back("kind", dossierKind);
    if (!reason.empty())
      f.emplace_back("status_reason", reason);
    s.create("dossiers", f);
  }
}

// Individuals of the province's Bằng khen: `leaders` leaders, the rest
// front-line workers.
namespace {

void provincialIndividuals(store::Store &s, Maker &m, const std::string &unit,
                           const std::string &method, int total, int leaders) {
  for (int i = 0; i < total; ++i) {
    const bool leader = i < leaders;
    auto p = s.create("people",
                      {{"unit_id", unit},
                       {"full_name", "Người " + std::to_string(i) + method},
                       {"is_leader", std::int64_t{leader}},
                       {"is_frontline", std::int64_t{!leader}}});
    m.add(unit, "ca_nhan", "bang_khen_tinh", method, "approved", 2023, 1, p);
  }
}

} // namespace

void yenKhanh2023(Seeded &x) {
  x.s = openStore(x.dir / "yk.db");
  rules::seedReference(*x.s, TDKT_REFERENCE_DIR);
  auto &s = *x.s;
  store::Store::Batch batch(s);
  x.w = tree(s);
  const auto &w = x.w;
  Maker m{s};
  // a) state: 3 collectives proposed and granted (2 Bằng khen TTg, 1 HC Độc lập
  // hạng Ba).
  m.add(w.district, "tap_the", "bang_khen_thu_tuong", "thuong_xuyen",
        "approved", 2023, 2);
  m.add(w.communeA, "tap_the", "huan_chuong_doc_lap_hang_ba", "thuong_xuyen",
        "approved", 2023, 1);
  // b) province, công trạng: 4 Cờ, 24 TTLĐXS, Bằng khen 12 TT + 39 CN (28
  // front-line, 11 leaders).
  m.add(w.district, "tap_the", "co_thi_dua_tinh", "thuong_xuyen", "approved",
        2023, 4);
  m.add(w.communeA, "tap_the", "tap_the_lao_dong_xuat_sac", "thuong_xuyen",
        "approved", 2023, 14);
  m.add(w.communeOld, "tap_the", "tap_the_lao_dong_xuat_sac", "thuong_xuyen",
        "approved", 2023, 10);
  m.add(w.communeB, "tap_the", "bang_khen_tinh", "thuong_xuyen", "approved",
        2023, 12);
  provincialIndividuals(s, m, w.district, "thuong_xuyen", 39, 11);
  //    chuyên đề, đột xuất: Bằng khen 40 TT + 39 CN (27 front-line, 12
  //    leaders).
  m.add(w.district, "tap_the", "bang_khen_tinh", "chuyen_de", "approved", 2023,
        30);
  m.add(w.communeB, "tap_the", "bang_khen_tinh", "dot_xuat", "approved", 2023,
        10);
  provincialIndividuals(s, m, w.communeA, "chuyen_de", 39, 12);
  // c) district: Giấy khen 186 TT (32 công trạng + 154 chuyên đề, đột xuất) and
  // 692 CN (413 + 279).
  m.add(w.district, "tap_the", "giay_khen", "thuong_xuyen", "approved", 2023,
        32);
  m.add(w.district, "tap_the", "giay_khen", "chuyen_de", "approved", 2023, 154);
  m.add(w.communeA, "ca_nhan", "giay_khen", "thuong_xuyen", "approved", 2023,
        413);
  m.add(w.communeOld, "ca_nhan", "giay_khen", "dot_xuat", "approved", 2023,
        279);
  // d) hiệp y: 4 TT, 3 CN, counted apart.
  m.add(w.district, "tap_the", "bang_khen_bo_nganh", "", "approved", 2023, 4,
        {}, "hiep_y");
  m.add(w.district, "ca_nhan", "bang_khen_bo_nganh", "", "submitted", 2023, 3,
        {}, "hiep_y");
  // Every other status: drafts count nowhere; returned and refused are held
  // back with reasons.
  m.add(w.communeA, "ca_nhan", "giay_khen", "thuong_xuyen", "draft", 2023, 5);
  m.add(w.communeB, "ca_nhan", "bang_khen_tinh", "thuong_xuyen", "returned",
        2023, 2, {}, {}, "Thiếu biên bản họp");
  m.add(w.communeB, "tap_the", "bang_khen_tinh", "thuong_xuyen", "not_approved",
        2023, 1, {}, {}, "Không đủ tiêu chuẩn");
  m.add(w.communeA, "ca_nhan", "chien_si_thi_dua_tinh", "thuong_xuyen",
        "under_review", 2023, 2);
  m.add(w.communeA, "ca_nhan", "bang_khen_thu_tuong", "thuong_xuyen",
        "submitted", 2023, 1);
  // 2022, for the change: 2 state collectives, 70 province collectives, 150
  // district collectives.
  m.add(w.district, "tap_the", "bang_khen_thu_tuong", "thuong_xuyen",
        "approved", 2022, 2);
  m.add(w.communeA, "tap_the", "bang_khen_tinh", "thuong_xuyen", "approved",
        2022, 70);
  m.add(w.communeOld, "tap_the", "giay_khen", "thuong_xuyen", "approved", 2022,
        150);
  batch.commit();
}

} // namespace tdkt::test
