#pragma once
/**
 * @brief Rows a stretch of the log moves from one unit to another.
 *
 * Pulls send a row's ops to whoever may read the row's unit as it is now. When an
 * op changes a row's unit, the users of its new unit never got its earlier ops
 * (the row was not theirs then), and the users of its old unit hold a copy they
 * may no longer read. Service::pull uses what is found here to send the first
 * the row's earlier ops and to tell the second the row is gone.
 */
#include "pull_cache.hpp"

#include "tdkt/store/store.hpp"

namespace tdkt::server {

/** Fills `stretch.moves` and `stretch.earlier` (after `stretch.runs`). */
void findMoves(const store::Store& store, PulledStretch& stretch);

} // namespace tdkt::server
