// The window's display choices (issue 17): the language and the UI scale the officer
// chose are kept in the replica's local settings and come back at the next start; a
// hand-edited value the window cannot read counts as none; the labels say the scale
// with a Vietnamese decimal comma. The real tdkt under xvfb-run picks a scale on the
// account screen, applies it at once, and a second start opens at it, in the
// language chosen.
#include "app_world.hpp"
#include "gui_run.hpp"

#include "app/preferences.hpp"
#include "app/session.hpp"

#include "tdkt/store/store.hpp"

#include <doctest/doctest.h>

namespace tdkt::test {

TEST_CASE("app-display: language and scale are kept in the replica and read back") {
    AppWorld w;
    CHECK_FALSE(app::loadPreferences(*w.store).lang);
    CHECK_FALSE(app::loadPreferences(*w.store).scale);
    app::saveLanguage(*w.store, app::Lang::En);
    app::saveScale(*w.store, 1.5f);
    auto p = app::loadPreferences(*w.store);
    CHECK(p.lang == app::Lang::En);
    CHECK(p.scale == 1.5f);
    app::saveScale(*w.store, 3.0f); // clamped to 2×
    CHECK(app::loadPreferences(*w.store).scale == 2.0f);
    app::saveScale(*w.store, std::nullopt); // follow the monitor again
    CHECK_FALSE(app::loadPreferences(*w.store).scale);
    for (const char* bad : {"", "1,5", "0.5", "nan", "2.5", "1.5x"}) {
        w.store->setSetting("ui_scale", bad);
        CHECK_MESSAGE(!app::loadPreferences(*w.store).scale, bad);
    }
    w.store->setSetting("ui_lang", "fr");
    CHECK_FALSE(app::loadPreferences(*w.store).lang);
    CHECK(app::scaleLabel(1.5f, app::Lang::Vi) == "1,5×");
    CHECK(app::scaleLabel(1.25f, app::Lang::En) == "1.25×");
    CHECK(app::scaleLabel(std::nullopt, app::Lang::Vi) == "Theo màn hình");
    CHECK(app::scaleSteps().front() == 1.0f);
    CHECK(app::scaleSteps().back() == 2.0f);
}

TEST_CASE("app-display: a session's language choice survives a restart") {
    AppWorld w;
    {
        app::Session s({.db = w.dir / "replica.db", .referenceDir = TDKT_REFERENCE_DIR, .autoSync = false});
        s.setLang(app::Lang::En);
        s.setScale(1.75f);
    }
    app::Session again({.db = w.dir / "replica.db", .referenceDir = TDKT_REFERENCE_DIR, .autoSync = false});
    CHECK(again.preferences().lang == app::Lang::En);
    CHECK(again.preferences().scale == 1.75f);
}

TEST_CASE("app-gui-display: the scale picked on the account screen applies at once and at the next start") {
    if (!haveXvfb()) {
        MESSAGE("skipped: no xvfb-run");
        return;
    }
    AppWorld w;
    w.dossier(w.communeA, "Nguyễn Văn Đình", 2025, "chien_si_thi_dua_co_so");
    const std::string pick = "screen dang-nhap\n"
                             "wait 2\n"
                             "shot 01-truoc\n"
                             "pick Cỡ giao diện = 1,5×\n"
                             "wait 3\n"
                             "shot 02-sau\n"
                             "click English\n"
                             "wait 2\n";
    auto r = runGui({.db = w.dir / "replica.db", .dir = w.dir.path(), .name = "pick", .script = pick, .scale = "1"});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    CHECK_MESSAGE(r.err.find("tdkt: scale 1.5") != std::string::npos, r.err);
    requireShots(w.dir / "pick", 2, "display-");
    CHECK(w.store->setting("ui_scale") == "1.50");
    CHECK(w.store->setting("ui_lang") == "en");

    // Started again with neither --scale nor --lang: 1.5×, English (its labels found).
    const std::string again = "screen dossiers\nwait 2\nclick Nguyễn Văn Đình\nwait 2\n"
                              "type Summary of achievements = x\nwait 2\nshot 03-lan-sau\n";
    r = runGui({.db = w.dir / "replica.db", .dir = w.dir.path(), .name = "again", .script = again, .scale = ""});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    CHECK_MESSAGE(r.err.find(", scale 1.5") != std::string::npos, r.err);
    requireShots(w.dir / "again", 1, "display-");
    // --lang and --scale on the command line win for that run.
    r = runGui({.db = w.dir / "replica.db", .dir = w.dir.path(), .name = "cli", .script = "wait 2\n", .scale = "1",
                .extra = {"--lang", "vi"}});
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    CHECK_MESSAGE(r.err.find(", scale 1\n") != std::string::npos, r.err);
}

} // namespace tdkt::test
