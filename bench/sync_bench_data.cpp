#include "sync_bench_data.hpp"

#include "tdkt/core/ids.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <stdexcept>

namespace tdkt::bench {
namespace {

constexpr const char* Words[] = {
    "phong",   "trào",   "thi",      "đua",    "khen",   "thưởng",  "cán",    "bộ",     "xã",      "phường",
    "huyện",   "tỉnh",   "kế",       "hoạch",  "kiểm",   "tra",     "năm",    "tổng",   "kết",     "sơ",
    "đơn",     "vị",     "tập",      "thể",    "cá",     "nhân",    "xuất",   "sắc",    "hoàn",    "thành",
    "nhiệm",   "vụ",     "lao",      "động",   "tiên",   "tiến",    "chiến",  "sĩ",     "bằng",    "giấy",
    "khen",    "đoàn",   "thanh",    "niên",   "hội",    "phụ",     "nữ",     "nông",   "dân",     "cựu",
    "ủy",      "ban",    "nhân",     "dân",    "văn",    "hóa",     "giáo",   "dục",    "y",       "tế",
    "an",      "ninh",   "trật",     "tự",     "môi",    "trường",  "xây",    "dựng",   "nông",    "thôn",
    "mới",     "đề",     "nghị",     "hồ",     "sơ",     "quyết",   "định",   "số",     "ngày",    "tháng",
    "Nguyễn",  "Trần",   "Lê",       "Phạm",   "Hoàng",  "Huỳnh",   "Phan",   "Vũ",     "Võ",      "Đặng",
    "Bùi",     "Đỗ",     "Hồ",       "Ngô",    "Dương",  "Lý",      "Thị",    "Văn",    "Hữu",     "Đức",
    "Quảng",   "Ngãi",   "Thừa",     "Thiên",  "Huế",    "Bắc",     "Ninh",   "Giang",  "Sơn",     "La",
    "thôn",    "tổ",     "dân",      "phố",    "chi",    "bộ",      "đảng",   "ủy",     "mặt",     "trận",
};
constexpr std::size_t WordCount = sizeof(Words) / sizeof(Words[0]);

std::string rowBase(const std::string& id) {
    if (id.size() <= 60 && isValidRowId(id)) return id;
    std::uint64_t h = 1469598103934665603ull; // FNV-1a: any id becomes a valid row id
    for (unsigned char c : id) h = (h ^ c) * 1099511628211ull;
    char buf[20];
    std::snprintf(buf, sizeof buf, "h%016llx", static_cast<unsigned long long>(h));
    return buf;
}

constexpr const char* TextFields[] = {"title", "number", "purpose", "team"};

void finish(Workload& w) {
    std::map<std::string, std::size_t> holders;
    for (const auto& rs : w.records)
        for (const auto& r : rs) ++holders[r.id];
    w.distinct = holders.size();
    w.exclusive.assign(w.clients, {});
    for (std::size_t c = 0; c < w.clients; ++c)
        for (std::size_t i = 0; i < w.records[c].size(); ++i)
            if (holders[w.records[c][i].id] == 1) w.exclusive[c].push_back(i);
}

} // namespace

std::size_t Workload::totalRecords() const {
    std::size_t n = 0;
    for (const auto& r : records) n += r.size();
    return n;
}

std::string vietnameseText(std::mt19937_64& rng, std::size_t bytes) {
    std::string s;
    while (s.size() < bytes) {
        if (!s.empty()) s.push_back(' ');
        s += Words[rng() % WordCount];
    }
    return s;
}

Workload generate(std::size_t clients, std::size_t records, std::uint64_t seed) {
    Workload w;
    w.clients = clients;
    w.records.resize(clients);
    const std::size_t half = clients > 1 ? records * 5 / 100 / 2 : 0; // shared with each neighbour
    for (std::size_t c = 0; c < clients; ++c) {
        std::mt19937_64 rng(seed * 1000003 + c);
        auto& rs = w.records[c];
        rs.resize(records);
        for (std::size_t i = 0; i < records; ++i) {
            // Block b is held by clients b and b+1: ids [0, half) with the next, [half, 2·half) with the previous.
            if (i < half) rs[i].id = "s" + std::to_string(c) + "-" + std::to_string(i);
            else if (i < 2 * half) rs[i].id = "s" + std::to_string((c + clients - 1) % clients) + "-" + std::to_string(i - half);
            else rs[i].id = "r" + std::to_string(c) + "-" + std::to_string(i);
            for (auto& f : rs[i].fields) f = vietnameseText(rng, 28 + rng() % 12);
        }
    }
    finish(w);
    return w;
}

Workload loadJsonl(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    Workload w;
    std::string line;
    std::size_t lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        auto j = nlohmann::ordered_json::parse(line, nullptr, false);
        const std::string where = file.string() + ":" + std::to_string(lineNo);
        if (!j.is_object() || !j.contains("client") || !j.contains("id"))
            throw std::runtime_error(where + ": expected an object with client, id and 12 fields");
        const auto client = j["client"].is_number() ? j["client"].get<std::size_t>() : std::stoul(j["client"].get<std::string>());
        Record r;
        r.id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
        std::vector<std::string> values;
        auto take = [&](const nlohmann::ordered_json& v) { values.push_back(v.is_string() ? v.get<std::string>() : v.dump()); };
        if (j.contains("fields") && j["fields"].is_array()) {
            for (const auto& v : j["fields"]) take(v);
        } else {
            for (const auto& [k, v] : j.items())
                if (k != "client" && k != "id") take(v);
        }
        if (values.size() != RecordFields) throw std::runtime_error(where + ": expected 12 field values");
        for (std::size_t i = 0; i < RecordFields; ++i) r.fields[i] = values[i];
        if (client >= w.records.size()) w.records.resize(client + 1);
        w.records[client].push_back(std::move(r));
    }
    w.clients = w.records.size();
    if (w.clients == 0) throw std::runtime_error(file.string() + " holds no records");
    finish(w);
    return w;
}

std::vector<Edit> editRound(const Workload& w, std::uint64_t seed) {
    std::vector<Edit> edits;
    std::mt19937_64 rng(seed ^ 0x5eed);
    for (std::size_t c = 0; c < w.clients; ++c) {
        const std::size_t total = w.records[c].size() / 10;
        const std::size_t next = (c + 1) % w.clients;
        const std::size_t overlap = next == c ? 0 : total / 5;
        const auto& own = w.exclusive[c];
        // Own records first; the overlap edits the first records the next client edits, same field.
        for (std::size_t j = 0; j < std::min(total - overlap, own.size()); ++j)
            edits.push_back({c, w.records[c][own[j]].id, j % RecordFields, vietnameseText(rng, 28 + rng() % 12)});
        const auto& theirs = w.exclusive[next];
        for (std::size_t j = 0; j < std::min(overlap, theirs.size()); ++j)
            edits.push_back({c, w.records[next][theirs[j]].id, j % RecordFields, vietnameseText(rng, 28 + rng() % 12)});
    }
    return edits;
}

std::vector<std::pair<std::string, store::Fields>> recordRows(const Record& r, const std::string& unit) {
    std::vector<std::pair<std::string, store::Fields>> rows;
    for (std::size_t part = 0; part < RowsPerRecord; ++part) {
        store::Fields f{{"unit_id", unit}, {"year", std::int64_t{2025}}};
        for (std::size_t k = 0; k < 4; ++k) {
            const std::string& v = r.fields[part * 4 + k];
            f.emplace_back(TextFields[k], v.empty() ? Value{} : Value{v});
        }
        if (r.fields[part * 4].empty()) f[2].second = std::string("(không tên)"); // title is required
        rows.emplace_back(fieldLocation(r.id, part * 4).first, std::move(f));
    }
    return rows;
}

std::pair<std::string, std::string> fieldLocation(const std::string& id, std::size_t i) {
    const char part = static_cast<char>('a' + i / 4);
    return {rowBase(id) + "-" + part, TextFields[i % 4]};
}

} // namespace tdkt::bench
