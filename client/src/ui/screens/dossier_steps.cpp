// The dossier editor's status steps: one button a step this user's role may take
// (app/dossier_workflow.hpp), and for a step that needs more — a reason, the ballot,
// the decision, or the decision of an authority above the tree to record — its
// fields and a confirmation, inline under the buttons.
#include "screens.hpp"

#include "app/labels.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace tdkt::ui {
namespace {

bool needsInput(app::Step st) { return st != app::Step::Submit && st != app::Step::Receive; }

// Who decided above the tree, its name where the kind needs one, the outcome, the decision.
void recordInputs(const app::RecordForm& form, app::StepInput& in, app::Lang lang) {
    const bool v = lang == app::Lang::Vi;
    if (!form.authority.empty())
        ImGui::TextWrapped("%s: %s", tr(v, "Thẩm quyền quyết định", "Deciding authority"), form.authority.c_str());
    std::vector<std::string> names;
    std::size_t at = 0;
    for (std::size_t i = 0; i < form.issuers.size(); ++i) {
        names.push_back(form.issuers[i].label);
        if (form.issuers[i].kind == in.issuerKind) at = i;
    }
    const std::string preview = at < names.size() ? names[at] : std::string();
    if (auto picked = combo(tr(v, "Cơ quan đã quyết định", "Decided by"), preview, names, at)) {
        in.issuerKind = form.issuers[*picked].kind;
        at = *picked;
    }
    if (at < form.issuers.size() && form.issuers[at].needsName)
        input(app::fieldLabel("dossiers", "issuer_name", lang) + "##issuer", in.issuerName);
    const std::vector<std::string> outcomes{tr(v, "Khen thưởng", "Approved"), tr(v, "Không khen thưởng", "Not approved")};
    if (auto picked = combo(tr(v, "Kết quả", "Outcome"), outcomes[in.approved ? 0 : 1], outcomes, in.approved ? 0 : 1))
        in.approved = *picked == 0;
    input(app::fieldLabel("dossiers", "decision_number", lang) + "##number", in.decisionNumber);
    input(app::fieldLabel("dossiers", "decision_date", lang) + "##date", in.decisionDate, false,
          tr(v, "ngày/tháng/năm", "dd/mm/yyyy"));
    if (in.approved && form.carriesMoney) input(app::fieldLabel("dossiers", "amount", lang) + "##amount", in.amount);
    if (!in.approved) input(tr(v, "Lý do", "Reason"), in.reason);
}

void stepInputs(app::Step st, app::StepInput& in, app::Lang lang, const app::RecordForm& record) {
    const bool v = lang == app::Lang::Vi;
    ImGui::PushItemWidth(ImGui::GetFontSize() * 18);
    switch (st) {
    case app::Step::Return:
    case app::Step::NotApprove: input(tr(v, "Lý do", "Reason"), in.reason); break;
    case app::Step::RecordVote:
        input(app::fieldLabel("dossiers", "council_members", lang) + "##members", in.members);
        input(app::fieldLabel("dossiers", "council_votes_for", lang) + "##votes", in.votesFor);
        break;
    case app::Step::Approve:
        input(app::fieldLabel("dossiers", "decision_number", lang) + "##number", in.decisionNumber);
        input(app::fieldLabel("dossiers", "decision_date", lang) + "##date", in.decisionDate, false,
              tr(v, "ngày/tháng/năm", "dd/mm/yyyy"));
        input(app::fieldLabel("dossiers", "amount", lang) + "##amount", in.amount);
        break;
    case app::Step::RecordDecision: recordInputs(record, in, lang); break;
    default: break;
    }
    ImGui::PopItemWidth();
}

void take(app::Session& s, WindowState& w, app::Step st) {
    for (auto& [f, at] : w.typedAt) // what was typed a moment ago goes in before the step
        if (at > 0) s.commit(f);
    w.typedAt.clear();
    w.message = s.takeStep(st, w.workflow.input);
    if (w.message.empty()) w.workflow = {};
}

} // namespace

void drawSteps(app::Session& s, WindowState& w) {
    const bool v = isVi(s);
    const auto steps = s.steps(); // a copy: a step taken changes them
    if (w.workflow.open && std::find(steps.begin(), steps.end(), *w.workflow.open) == steps.end()) w.workflow = {};
    for (const auto st : steps) {
        ImGui::SameLine();
        if (!button(app::stepLabel(st, s.lang))) continue;
        if (needsInput(st)) {
            if (st == app::Step::RecordDecision && s.editor()) { // opens with the dossier's issuer, the amount due
                w.workflow.record = app::recordForm(s.store(), s.catalog(), s.editor()->id(), s.lang);
                w.workflow.input = w.workflow.record.input;
            }
            w.workflow.open = st;
            w.message.clear();
        } else {
            take(s, w, st);
        }
    }
    if (!w.workflow.open) return;
    ImGui::Indent();
    ImGui::TextUnformatted(app::stepLabel(*w.workflow.open, s.lang).c_str());
    stepInputs(*w.workflow.open, w.workflow.input, s.lang, w.workflow.record);
    if (button(tr(v, "Xác nhận", "Confirm"))) take(s, w, *w.workflow.open);
    ImGui::SameLine();
    if (button(tr(v, "Hủy", "Cancel"))) w.workflow = {};
    ImGui::Unindent();
}

} // namespace tdkt::ui
