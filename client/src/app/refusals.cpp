#include "refusals.hpp"

#include "labels.hpp"

#include "tdkt/schema/schema.hpp"

namespace tdkt::app {
namespace {

// The parameters as a person reads them: Vietnamese labels for the Vietnamese
// sentence, the schema's names for the English one (as tdkt-cli always printed).
protocol::Refusal shown(protocol::Refusal r, Lang lang, const UnitNamer& unitName) {
    const std::string table = r.param("table").empty() ? "dossiers" : r.param("table");
    std::string document = r.param("document"), article = r.param("article");
    for (auto& [k, v] : r.params) {
        if ((k == "unit" || k == "home" || k == "other") && unitName) {
            const auto name = unitName(v);
            if (!name.empty() && name != v) v = lang == Lang::Vi ? name : name + " (" + v + ")";
        } else if (k == "role") {
            v = lang == Lang::Vi ? detail::roleVi(v) : detail::roleEn(v);
        } else if (lang == Lang::En) {
            continue;
        } else if (k == "field") {
            v = fieldLabel(table, v, Lang::Vi);
        } else if (k == "table") {
            if (const auto* t = schema::registry().table(v); t && !t->label.empty()) v = t->label;
        } else if (k == "status") {
            v = enumLabel("dossiers", "status", v, Lang::Vi);
        } else if (k == "issuer") {
            v = enumLabel("dossiers", "issuer_kind", v, Lang::Vi);
        } else if (k == "award") {
            v = "«" + enumLabel("dossiers", "award_code", v, Lang::Vi) + "»";
        }
    }
    r.params.emplace_back("source", article.empty() ? document : document + ", " + article);
    return r;
}

} // namespace

std::string fillRefusal(std::string_view s, const protocol::Refusal& r) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto open = s.find('{', i);
        const auto close = open == std::string_view::npos ? open : s.find('}', open);
        if (close == std::string_view::npos) {
            out.append(s.substr(i));
            break;
        }
        out.append(s.substr(i, open - i));
        out += r.param(s.substr(open + 1, close - open - 1));
        i = close + 1;
    }
    return out;
}

std::string refusalSentence(std::string_view reason, Lang lang, const UnitNamer& unitName) {
    const auto r = protocol::decodeRefusal(reason);
    if (!r) return std::string(reason);
    const auto sentence = lang == Lang::Vi ? detail::refusalVi(r->kind) : detail::refusalEn(r->kind);
    return fillRefusal(sentence, shown(*r, lang, unitName));
}

std::string refusalCodeOf(std::string_view reason) {
    const auto r = protocol::decodeRefusal(reason);
    return r ? std::string(protocol::refusalCode(r->kind)) : std::string();
}

} // namespace tdkt::app
