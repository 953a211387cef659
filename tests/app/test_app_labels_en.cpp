// The English interface's labels (issue 17): every table, field and enumeration
// value of the schema has its Vietnamese label and an English one, the label
// functions follow the language, and no English entry is left over from a label
// that changed. And `tdkt --demo`'s replica, built from assets/demo headless.
#include "fixtures.hpp"

#include "app/demo_replica.hpp"
#include "app/labels.hpp"
#include "app/labels_en.hpp"

#include "tdkt/schema/schema.hpp"
#include "tdkt/store/store.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <set>

namespace tdkt::test {
namespace {

std::set<std::string> allLabels() {
    std::set<std::string> out;
    for (const auto& t : schema::registry().tables()) {
        out.insert(t.label);
        for (const auto& f : t.fields) {
            out.insert(f.label);
            for (const auto& v : f.values) out.insert(v.label);
        }
    }
    return out;
}

app::DemoPaths demoPaths(const std::filesystem::path& root) {
    return {.runDir = root / "demo", .offlineDir = root / "demo-offline", .assets = TDKT_DEMO_DIR,
            .reference = TDKT_REFERENCE_DIR};
}

} // namespace

TEST_CASE("app-labels: every table, field and enum value has a Vietnamese and an English label") {
    std::size_t checked = 0;
    for (const auto& t : schema::registry().tables()) {
        CHECK_MESSAGE(!t.label.empty(), t.name);
        CHECK_MESSAGE(!app::englishLabel(t.label).empty(), "table " << t.name << ": " << t.label);
        for (const auto& f : t.fields) {
            CHECK_MESSAGE(!f.label.empty(), t.name << "." << f.name);
            CHECK_MESSAGE(!app::englishLabel(f.label).empty(), t.name << "." << f.name << ": " << f.label);
            ++checked;
            for (const auto& v : f.values) {
                CHECK_MESSAGE(!v.label.empty(), t.name << "." << f.name << "=" << v.code);
                CHECK_MESSAGE(!app::englishLabel(v.label).empty(),
                              t.name << "." << f.name << "=" << v.code << ": " << v.label);
                ++checked;
            }
        }
    }
    CHECK(checked > 500);
}

TEST_CASE("app-labels: the English catalogue holds no label the schema no longer has") {
    const auto labels = allLabels();
    std::set<std::string_view> seen;
    for (auto part : {app::labelsEnPeopleDossiers(), app::labelsEnInspectionsReference()})
        for (const auto& l : part) {
            CHECK_MESSAGE(labels.count(std::string(l.vi)) == 1, "left over: " << l.vi); // a renamed label
            CHECK_MESSAGE(seen.insert(l.vi).second, "twice: " << l.vi);
            CHECK_MESSAGE(!l.en.empty(), l.vi);
        }
    CHECK(seen.size() == labels.size());
    CHECK(app::englishLabel("Không phải nhãn nào").empty());
}

TEST_CASE("app-labels: field, enum and table labels follow the language") {
    using app::Lang;
    CHECK(app::enumLabel("dossiers", "status", "approved", Lang::Vi) == "Đã khen thưởng");
    CHECK(app::enumLabel("dossiers", "status", "approved", Lang::En) == "Approved");
    CHECK(app::enumLabel("dossiers", "award_code", "chien_si_thi_dua_co_so", Lang::En) == "Grassroots Emulation Fighter");
    CHECK(app::enumLabel("dossiers", "status", "no_such_code", Lang::En) == "no_such_code");
    CHECK(app::fieldLabel("dossiers", "summary", Lang::Vi) == "Tóm tắt thành tích");
    CHECK(app::fieldLabel("dossiers", "summary", Lang::En) == "Summary of achievements");
    CHECK(app::fieldLabel("dossiers", "no_such_field", Lang::En) == "no_such_field");
    CHECK(app::tableLabel("people", Lang::Vi) == "Cá nhân");
    CHECK(app::tableLabel("people", Lang::En) == "Person");
    CHECK(app::labelIn("Nguyễn Văn Đình", Lang::En) == "Nguyễn Văn Đình"); // not a label: as is
}

TEST_CASE("app-demo: the demo replica is built from assets/demo for the commune officer, then kept") {
    TempDir dir;
    const auto paths = demoPaths(dir.path());
    const auto db = app::demoReplica(paths);
    CHECK(db == paths.offlineDir / "xa-binh-lu.db");
    REQUIRE(std::filesystem::exists(db));
    CHECK_FALSE(std::filesystem::exists(db.string() + ".part"));
    {
        auto s = store::Store::open(db);
        CHECK(s->setting("unit") == "u-xa-binh-lu");
        CHECK(s->setting("token").value_or("").empty()); // never signed in
        CHECK(s->list("units").size() == 7);
        const auto dossiers = s->list("dossiers");
        REQUIRE(dossiers.size() == 2); // Xã Bình Lư's own: Đình and Hương, not the school's or other communes'
        for (const auto& d : dossiers) CHECK(std::get<std::string>(d.fields.at("unit_id")) == "u-xa-binh-lu");
        const auto huong = s->get("dossiers", "hs-huong-cstd-2025");
        REQUIRE(huong);
        CHECK(std::get<std::string>(huong->fields.at("status")) == "submitted"); // drafted, items attached, submitted
        CHECK_FALSE(s->list("movements").empty()); // the province's, which the commune's targets name
        CHECK_FALSE(s->list("dossier_items").empty());
        CHECK_FALSE(s->list("award_rules").empty()); // the reference data: the rules engine has a catalog
        s->update("dossiers", "hs-dinh-bk-2025", {{"summary", std::string("Sửa khi dùng thử")}});
    }
    CHECK(app::demoReplica(paths) == db); // kept: the officer's edit is still there
    auto s = store::Store::open(db);
    CHECK(std::get<std::string>(s->get("dossiers", "hs-dinh-bk-2025")->fields.at("summary")) == "Sửa khi dùng thử");
}

TEST_CASE("app-demo: the replica scripts/demo.sh made is opened when the demo has run") {
    TempDir dir;
    const auto paths = demoPaths(dir.path());
    std::filesystem::create_directories(paths.runDir);
    store::OpenOptions o;
    o.create = true;
    store::Store::open(paths.runDir / "xa-binh-lu.db", o);
    CHECK(app::demoReplica(paths) == paths.runDir / "xa-binh-lu.db");
    CHECK_FALSE(std::filesystem::exists(paths.offlineDir));
}

TEST_CASE("app-demo: a broken demo file leaves no replica behind and names its line") {
    TempDir dir;
    auto paths = demoPaths(dir.path());
    paths.assets = dir.path() / "assets";
    std::filesystem::create_directories(paths.assets);
    std::filesystem::copy_file(std::filesystem::path(TDKT_DEMO_DIR) / "units.csv", paths.assets / "units.csv");
    std::ofstream(paths.assets / "people.jsonl") << "{\"unit_id\": \"u-xa-binh-lu\", \"full_name\": \"Lò Văn A\"}\n"
                                                 << "{\"unit_id\": \"u-xa-binh-lu\", \"gender\": \"khong_biet\"}\n";
    const auto db = paths.offlineDir / "xa-binh-lu.db";
    try {
        app::buildDemoReplica(db, paths, app::DemoUnit);
        FAIL("a bad gender was accepted");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("people.jsonl line 2") != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(db));
    CHECK_FALSE(std::filesystem::exists(db.string() + ".part"));
}

} // namespace tdkt::test
