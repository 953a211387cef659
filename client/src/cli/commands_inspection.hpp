#pragma once
// tdkt-cli inspection … (issue 18): the work of an inspection on the replica; the
// server decides on sync who may make each change (the plan's team, its leader,
// the inspected unit for its follow-up and self-inspection).
//   inspection templates
//   inspection plan --unit U --title T --year Y [--template ID] [--number N] [--date D]
//                   [--purpose P] [--contents C] [--notice-days 15] [--report-days 5]
//   inspection team PLAN USER ROLE           (truong_doan|pho_truong_doan|thanh_vien|thu_ky)
//   inspection target PLAN UNIT MODE [--on DATE]   (truc_tiep|tu_kiem_tra)
//   inspection checklist TARGET
//   inspection item ITEM RESULT [--notes N] [--evidence E]   (dat|chua_dat|khong_ap_dung)
//   inspection finding TARGET CONTENT [--severity S] [--item ITEM]
//   inspection recommend TARGET CONTENT [--unit U] [--due DATE]
//   inspection conclude TARGET CONTENT [--on DATE]
//   inspection publish TARGET --by USER [--on DATE]
//   inspection follow-up REC STATUS [--note N] [--done-on DATE]
//   inspection submit TARGET [--on DATE]
// Each prints JSON.
#include "context.hpp"

namespace tdkt::cli {

int runInspectionCommand(Context& ctx);

} // namespace tdkt::cli
