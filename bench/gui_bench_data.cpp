// gui_bench's replica: a province of 10 districts × 10 communes, P people and N
// dossiers with Vietnamese names (Nguyễn Văn Đình among them), every status, award
// and year 2015–2025, a third with an achievement summary. One Batch: one transaction.
#include "gui_bench_data.hpp"

#include "tdkt/store/store.hpp"

#include <array>
#include <random>

namespace tdkt::bench {
namespace {

constexpr std::array Surnames{"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ",
                              "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lò", "Vàng", "Giàng"};
constexpr std::array Middles{"Văn", "Thị", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Ngọc", "Xuân", "Thu", "A", "Công"};
constexpr std::array Givens{"Đình", "Hương", "Mai", "Lan", "Hùng", "Dũng", "Long", "Nam", "An", "Bình", "Đông",
                            "Hà", "Hải", "Hạnh", "Khánh", "Linh", "Ngân", "Phúc", "Quyết", "Sùng", "Tâm",
                            "Thảo", "Tuấn", "Việt", "Yến", "Páo", "Chiến", "Đạt", "Giang", "Nhung"};
constexpr std::array Awards{"lao_dong_tien_tien", "chien_si_thi_dua_co_so", "giay_khen", "bang_khen_tinh"};
constexpr std::array Statuses{"draft", "submitted", "under_review", "returned", "approved", "not_approved"};
constexpr std::array Summaries{"Hoàn thành xuất sắc nhiệm vụ năm", "Có sáng kiến được công nhận cấp cơ sở",
                               "Tích cực trong phong trào xây dựng nông thôn mới"};

} // namespace

std::string personName(std::size_t i) {
    std::mt19937 rng(static_cast<std::uint32_t>(i * 2654435761u + 17));
    auto pick = [&](const auto& a) { return std::string(a[rng() % a.size()]); };
    return pick(Surnames) + " " + pick(Middles) + " " + pick(Givens);
}

ReplicaCounts makeReplica(const std::filesystem::path& file, std::size_t people, std::size_t dossiers) {
    store::OpenOptions o;
    o.create = true;
    auto s = store::Store::open(file, o);
    store::Store::Batch b{*s};
    ReplicaCounts n;
    const auto province = s->create("units", {{"name", std::string("Tỉnh Lai Châu")}, {"level", std::string("tinh")}});
    std::vector<std::string> communes;
    for (int d = 0; d < 10; ++d) {
        const auto district = s->create("units", {{"name", "Huyện số " + std::to_string(d + 1)},
                                                  {"level", std::string("huyen")}, {"parent_id", province}});
        for (int c = 0; c < 10; ++c)
            communes.push_back(s->create("units", {{"name", "Xã " + std::string(Givens[(d * 10 + c) % Givens.size()]) +
                                                                " " + std::to_string(d * 10 + c + 1)},
                                                   {"level", std::string("xa")}, {"parent_id", district}}));
    }
    n.units = 1 + 10 + communes.size();
    std::vector<std::string> ids;
    ids.reserve(people);
    for (std::size_t i = 0; i < people; ++i)
        ids.push_back(s->create("people", {{"unit_id", communes[i % communes.size()]},
                                           {"full_name", i == 7 ? std::string("Nguyễn Văn Đình") : personName(i)},
                                           {"birth_year", std::int64_t(1960 + i % 40)}}));
    n.people = people;
    std::mt19937 rng(42);
    for (std::size_t i = 0; i < dossiers; ++i) {
        const std::size_t person = i % people;
        store::Fields f{{"unit_id", communes[person % communes.size()]},
                        {"nominee_kind", std::string("ca_nhan")},
                        {"person_id", ids[person]},
                        {"nominee_name", person == 7 ? std::string("Nguyễn Văn Đình") : personName(person)},
                        {"award_code", std::string(Awards[rng() % Awards.size()])},
                        {"year", std::int64_t(2015 + rng() % 11)},
                        {"status", std::string(Statuses[rng() % Statuses.size()])}};
        if (i % 3 == 0) f.emplace_back("summary", std::string(Summaries[rng() % Summaries.size()]));
        s->create("dossiers", f);
    }
    n.dossiers = dossiers;
    b.commit();
    return n;
}

} // namespace tdkt::bench
