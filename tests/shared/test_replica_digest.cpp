// Row digests and the repair of a replica (replica_digest.hpp, Store::repairRows):
// a digest moves with any value or version, not with the order rows are read in;
// a repaired row takes the source's stored state exactly, searchable, without an
// op; a row with an unpushed change is never replaced.
#include "fixtures.hpp"

#include "tdkt/schema/schema.hpp"
#include "tdkt/sync/replica_digest.hpp"

#include <doctest/doctest.h>

using namespace tdkt;

TEST_SUITE("store-sync") {
TEST_CASE("store-sync: digests follow values and versions, a repair copies stored rows without an op") {
    test::TempDir dir;
    test::ManualClock wall;
    auto source = test::openStore(dir / "source.db", false, wall.fn());
    auto replica = test::openStore(dir / "replica.db", false, wall.fn());
    test::addUnit(*source);
    std::vector<std::string> ids;
    for (int i = 0; i < 30; ++i)
        ids.push_back(source->create("people", {{"unit_id", std::string("unit-xa-a")},
                                                {"full_name", std::string("Trần Văn Bảo ") + std::to_string(i)}}));
    replica->applyRemote(source->pendingOps(1000));
    const auto& t = schema::registry().require("people");
    CHECK(sync::tableDigest(*source, t) == sync::tableDigest(*replica, t));
    CHECK(sync::tableDigest(*source, t).count == 30);
    CHECK(sync::bucketDigests(*source, t) == sync::bucketDigests(*replica, t));
    for (const auto& id : ids) CHECK(sync::bucketOf(id) < sync::DigestBuckets);

    // The same value with another version is another row state.
    wall.advance(5);
    source->forceEdit("people", ids[0], "full_name", std::string("Trần Văn Bảo 0"));
    CHECK_FALSE(sync::tableDigest(*source, t) == sync::tableDigest(*replica, t));
    const auto b0 = sync::bucketOf(ids[0]);
    const auto src = sync::rowHashes(*source, t, {b0});
    const auto rep = sync::rowHashes(*replica, t, {b0});
    REQUIRE(src.count(ids[0]));
    CHECK(src.at(ids[0]) != rep.at(ids[0]));
    for (const auto& [id, h] : src)
        if (id != ids[0]) CHECK(rep.at(id) == h);

    // The repair: the stored state as it is, no op, searchable; a row not held is made.
    wall.advance(5);
    source->update("people", ids[1], {{"full_name", std::string("Phạm Minh Châu")}});
    const std::vector<std::string> two{ids[0], ids[1]};
    const auto states = source->rowStates("people", two);
    REQUIRE(states.size() == 2);
    const auto pending = replica->pendingCount();
    CHECK(replica->repairRows("people", states, {}) == 2);
    CHECK(replica->pendingCount() == pending);
    CHECK(sync::tableDigest(*source, t) == sync::tableDigest(*replica, t));
    CHECK(replica->search("pham minh chau").size() == 1);

    // Rows the source does not hold go; a row with an unpushed change stays as it is.
    const auto mine = replica->create("people", {{"unit_id", std::string("unit-xa-a")}, {"full_name", std::string("Lò Văn Pấng")}});
    replica->acknowledge(replica->nextSeq() - 1);
    const std::vector<std::string> gone{ids[2], mine};
    CHECK(replica->repairRows("people", {}, std::vector<std::string>{gone[0]}) == 1);
    CHECK_FALSE(replica->fieldValue("people", ids[2], "full_name"));
    replica->update("people", mine, {{"position", std::string("Văn thư")}}); // not pushed
    CHECK(replica->repairRows("people", {}, std::vector<std::string>{mine}) == 0);
    CHECK(replica->get("people", mine));
}
}
