#include "moved_rows.hpp"

#include "rights.hpp"

#include <set>

namespace tdkt::server {

void findMoves(const store::Store& store, PulledStretch& stretch) {
    stretch.moves.clear();
    stretch.earlier.clear();
    const auto& ops = stretch.ops;
    if (ops.empty()) return;
    std::set<std::pair<std::string_view, std::string_view>> moved; // rows whose first move is found
    for (std::size_t r = 0; r < stretch.runs.size(); ++r) {
        const auto& run = stretch.runs[r];
        const Op& first = ops[run.begin].op;
        const auto* t = schema::registry().table(first.table);
        if (!t || !Rights::readsByRowUnit(*t)) continue;
        for (std::size_t i = run.begin; i < run.end; ++i) {
            const Op& op = ops[i].op;
            // A unit set over an earlier one (a row being made has no base).
            if (op.field != t->unitField || op.base.hlc == 0) continue;
            if (!moved.emplace(first.table, first.rowId).second) break;
            PulledStretch::Move mv;
            mv.run = r;
            mv.earlierBegin = stretch.earlier.size();
            // The unit it had is the value of the version this op was made over:
            // logged before the stretch, or earlier in it.
            for (auto& e : store.rowOps(first.table, first.rowId, ops.front().logSeq)) {
                if (e.op.field == t->unitField && e.op.version() == op.base) mv.from = e.op.value;
                stretch.earlier.push_back(std::move(e));
            }
            for (std::size_t j = 0; j < i; ++j)
                if (ops[j].op.rowId == first.rowId && ops[j].op.field == t->unitField &&
                    ops[j].op.table == first.table && ops[j].op.version() == op.base)
                    mv.from = ops[j].op.value;
            mv.earlierEnd = stretch.earlier.size();
            stretch.moves.push_back(std::move(mv));
            break;
        }
    }
}

} // namespace tdkt::server
