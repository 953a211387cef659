// The statistics tables of the annual report (issue 19): biểu số 1–3 by award,
// the per-unit breakdown, 0601.N, and the units whose figures may be stale.
#include "report_tables.hpp"

#include "tdkt/schema/schema.hpp"

#include <cstdio>
#include <set>

namespace tdkt::report {
namespace {

std::string awardLabel(const std::string& code) {
    if (const auto* t = schema::registry().table("dossiers"))
        if (const auto* f = t->field("award_code"))
            for (const auto& v : f->values)
                if (v.code == code) return v.label;
    return code;
}

void pair(std::vector<Cell>& row, const Count& c) {
    row.push_back(Cell::of(c.collective));
    row.push_back(Cell::of(c.individual + c.household));
}

// Header: a first column over two rows, then groups of (Tập thể, Cá nhân).
void groupedHeader(Table& t, const std::string& first, const std::vector<std::string>& groups) {
    t.headerRows = 2;
    t.columns = 1 + 2 * static_cast<int>(groups.size());
    t.header.push_back({0, 0, 2, 1, first});
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const int col = 1 + 2 * static_cast<int>(g);
        t.header.push_back({0, col, 1, 2, groups[g]});
        t.header.push_back({1, col, 1, 1, "Tập thể"});
        t.header.push_back({1, col + 1, 1, 1, "Cá nhân"});
    }
}

Table levelTable(const AnnualReport& r, Level level, int number, const std::string& name) {
    Table t;
    t.sheet = "Biểu " + std::to_string(number);
    t.title = "Biểu số " + std::to_string(number) + ": " + name + " năm " + std::to_string(r.year);
    groupedHeader(t, "Danh hiệu, hình thức",
                  {"Trình", "Được khen thưởng", "Để lại, trả lại", "Năm " + std::to_string(r.year - 1), "Tăng, giảm"});
    const auto& now = r.now.at(level);
    const auto& before = r.before.at(level);
    std::set<std::string> codes;
    for (const auto& [code, c] : now.grantedByAward) codes.insert(code);
    for (const auto& [code, c] : before.grantedByAward) codes.insert(code);
    for (const auto& code : codes) {
        auto get = [&](const std::map<std::string, Count>& m) {
            auto it = m.find(code);
            return it == m.end() ? Count{} : it->second;
        };
        // Per award only what was granted; proposed and held back are in the total row.
        std::vector<Cell> row{Cell::of(awardLabel(code)), Cell::of(""), Cell::of("")};
        pair(row, get(now.grantedByAward));
        row.push_back(Cell::of(""));
        row.push_back(Cell::of(""));
        pair(row, get(before.grantedByAward));
        pair(row, change(get(now.grantedByAward), get(before.grantedByAward)));
        t.rows.push_back(std::move(row));
    }
    std::vector<Cell> total{Cell::of("Tổng số")};
    pair(total, now.proposed);
    pair(total, now.granted);
    pair(total, now.heldBack);
    pair(total, before.granted);
    pair(total, change(now.granted, before.granted));
    t.rows.push_back(std::move(total));
    return t;
}

Table unitTable(const AnnualReport& r, const std::map<std::string, std::string>& names) {
    Table t;
    t.sheet = "Theo đơn vị";
    t.title = "Kết quả khen thưởng năm " + std::to_string(r.year) + " theo đơn vị";
    groupedHeader(t, "Đơn vị", {"Cấp Nhà nước", "Cấp tỉnh", "Cấp cơ sở", "Hiệp y"});
    CommendationStats sum;
    for (const auto& [unit, s] : r.byUnit) {
        auto it = names.find(unit);
        std::vector<Cell> row{Cell::of(it == names.end() ? unit : it->second)};
        for (auto l : Levels) pair(row, s.at(l).granted);
        pair(row, s.hiepY);
        t.rows.push_back(std::move(row));
        sum += s;
    }
    std::vector<Cell> total{Cell::of("Tổng số")};
    for (auto l : Levels) pair(total, sum.at(l).granted);
    pair(total, sum.hiepY);
    t.rows.push_back(std::move(total));
    return t;
}

Table movementTable0601(const AnnualReport& r) {
    static const char* const rowNames[MovementTable::Rows] = {
        "Tổng số", "Phạm vi toàn quốc", "Phạm vi bộ, ngành, địa phương", "Phạm vi cụm, khối",
        "Phạm vi cơ quan, đơn vị", "Thời hạn dưới 1 năm", "Thời hạn 1 năm", "Từ 1 năm đến dưới 3 năm",
        "Từ 3 năm đến dưới 5 năm", "Từ 5 năm trở lên", "Theo chuyên đề", "Thường xuyên hằng năm"};
    Table t;
    t.sheet = "0601.N";
    t.title = "Biểu 0601.N/BNV-TĐKT: Số phong trào thi đua năm " + std::to_string(r.year);
    t.headerRows = 2;
    t.columns = 6;
    t.header = {{0, 0, 2, 1, "Chỉ tiêu"}, {0, 1, 2, 1, "Mã số"}, {0, 2, 2, 1, "Tổng số"},
                {0, 3, 1, 3, "Chia theo cấp phát động"}, {1, 3, 1, 1, "Trung ương"},
                {1, 4, 1, 1, "Bộ, ngành, tỉnh"}, {1, 5, 1, 1, "Cơ quan, tổ chức, đơn vị"}};
    for (int row = 1; row <= MovementTable::Rows; ++row) {
        char code[4];
        std::snprintf(code, sizeof code, "%02d", row);
        std::vector<Cell> cells{Cell::of(rowNames[row - 1]), Cell::of(std::string(code))};
        for (int col = 1; col <= 4; ++col) cells.push_back(Cell::of(r.movements.at(row, col)));
        t.rows.push_back(std::move(cells));
    }
    return t;
}

// 0602.N / 0603.N: Chỉ tiêu, Mã số, Tổng số, then each column (split Tập thể / Cá nhân or not).
Table nationalSheet(const AnnualReport& r, const NationalTable& n) {
    Table t;
    t.sheet = "Biểu " + n.table;
    const std::string what = n.table == "0602.N" ? "Số lượng khen thưởng cấp Nhà nước"
                                                 : "Số lượng khen thưởng cấp bộ, ngành, tỉnh";
    t.title = "Biểu " + n.table + "/BNV-TĐKT: " + what + " năm " + std::to_string(r.year);
    t.headerRows = 2;
    t.wide = true;
    t.fixedColumns = 3;
    t.header = {{0, 0, 2, 1, "Chỉ tiêu"}, {0, 1, 2, 1, "Mã số"}, {0, 2, 2, 1, "Tổng số"}};
    int col = 3;
    for (const auto& c : n.columns) {
        if (c.byNominee) {
            t.header.push_back({0, col, 1, 2, c.label});
            t.header.push_back({1, col, 1, 1, "Tập thể"});
            t.header.push_back({1, col + 1, 1, 1, "Cá nhân"});
            col += 2;
        } else {
            t.header.push_back({0, col, 2, 1, c.label});
            ++col;
        }
    }
    t.columns = col;
    auto cells = [&](const NationalRow& row) {
        std::vector<Cell> out{Cell::of(row.label), Cell::of(row.code), Cell::of(row.total().total())};
        for (std::size_t i = 0; i < n.columns.size(); ++i) {
            const auto& c = row.cells[i];
            if (n.columns[i].byNominee) pair(out, c);
            else out.push_back(Cell::of(c.total()));
        }
        return out;
    };
    bool units = false;
    for (const auto& row : n.rows) {
        if (row.code.empty() && !units) {
            t.rows.push_back({Cell::of("Chia theo đơn vị trình")});
            units = true;
        }
        t.rows.push_back(cells(row));
    }
    return t;
}

Table modelTable(const AnnualReport& r, const std::map<std::string, std::string>& names) {
    Table t;
    t.sheet = "Điển hình";
    t.title = "Điển hình tiên tiến năm " + std::to_string(r.year);
    t.columns = 5;
    t.header = {{0, 0, 1, 1, "Tên tập thể, cá nhân"}, {0, 1, 1, 1, "Đơn vị"}, {0, 2, 1, 1, "Đối tượng"},
                {0, 3, 1, 1, "Thành tích, mô hình tiêu biểu"}, {0, 4, 1, 1, "Đã nhân rộng"}};
    for (const auto& e : r.models.items) {
        auto it = names.find(e.unitId);
        t.rows.push_back({Cell::of(e.name), Cell::of(it == names.end() ? e.unitId : it->second),
                          Cell::of(e.nomineeKind == "tap_the" ? "Tập thể" : e.nomineeKind == "ho_gia_dinh" ? "Hộ gia đình" : "Cá nhân"),
                          Cell::of(e.achievement), Cell::of(e.publicized ? "Có" : "Không")});
    }
    return t;
}

Table staleTable(const AnnualReport& r, const std::map<std::string, std::string>& names) {
    Table t;
    t.sheet = "Đồng bộ";
    t.title = "Đơn vị chưa đồng bộ từ ngày " + r.staleSince + " hoặc chưa có dữ liệu";
    t.columns = 3;
    t.header = {{0, 0, 1, 1, "Đơn vị"}, {0, 1, 1, 1, "Đồng bộ lần cuối"}, {0, 2, 1, 1, "Có dữ liệu"}};
    std::set<std::string> noData(r.stale.noData.begin(), r.stale.noData.end());
    std::set<std::string> listed;
    for (const auto& u : r.stale.notSynced) {
        t.rows.push_back({Cell::of(u.name), Cell::of(u.lastSync.empty() ? "Chưa đồng bộ" : u.lastSync),
                          Cell::of(noData.count(u.unitId) ? "Không" : "Có")});
        listed.insert(u.unitId);
    }
    for (const auto& u : r.stale.noData) {
        if (listed.count(u)) continue;
        auto it = names.find(u);
        t.rows.push_back({Cell::of(it == names.end() ? u : it->second), Cell::of("Đã đồng bộ"), Cell::of("Không")});
    }
    return t;
}

} // namespace

std::vector<Table> reportTables(const AnnualReport& r, const std::map<std::string, std::string>& names) {
    std::vector<Table> tables{levelTable(r, Level::State, 1, "Khen thưởng cấp Nhà nước"),
            levelTable(r, Level::Province, 2, "Khen thưởng cấp tỉnh"),
            levelTable(r, Level::Own, 3, "Khen thưởng thuộc thẩm quyền của đơn vị"),
            unitTable(r, names), movementTable0601(r)};
    for (const auto& n : r.national) tables.push_back(nationalSheet(r, n));
    tables.push_back(modelTable(r, names));
    tables.push_back(staleTable(r, names));
    return tables;
}

} // namespace tdkt::report
