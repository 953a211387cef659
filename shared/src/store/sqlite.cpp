#include "tdkt/store/sqlite.hpp"

#include "tdkt/core/error.hpp"
#include "tdkt/core/vi_collate.hpp"

namespace tdkt::store {

void throwSqlite(sqlite3* db, int rc, std::string_view what) {
    const int primary = rc & 0xFF;
    std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    std::string msg;
    switch (primary) {
    case SQLITE_FULL: msg = "the disk is full: nothing was saved (" + detail + ")"; break;
    case SQLITE_READONLY: msg = "the database is read-only: nothing was saved (" + detail + ")"; break;
    case SQLITE_NOTADB: msg = "the file is not a TĐKT database (" + detail + ")"; break;
    case SQLITE_CORRUPT: msg = "the database file is corrupt (" + detail + ")"; break;
    case SQLITE_CANTOPEN: msg = "cannot open the database file (" + detail + ")"; break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: msg = "the database is busy: another program is writing to it"; break;
    case SQLITE_IOERR: msg = "a disk error stopped the write: nothing was saved (" + detail + ")"; break;
    case SQLITE_PERM: msg = "no permission to write the database (" + detail + ")"; break;
    default: msg = std::string(what) + " failed: " + detail; break;
    }
    throw Error(ErrorKind::Storage, msg);
}

Stmt::Stmt(sqlite3* db, std::string_view sql) : m_db(db) {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    if (rc != SQLITE_OK) throwSqlite(db, rc, "preparing a statement");
    m_stmt.reset(raw);
}

Stmt& Stmt::bind(int index, const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return bind(index, *i);
    if (const auto* d = std::get_if<double>(&v)) {
        sqlite3_bind_double(m_stmt.get(), index, *d);
        return *this;
    }
    if (const auto* s = std::get_if<std::string>(&v)) return bind(index, std::string_view(*s));
    return bindNull(index);
}

Stmt& Stmt::bind(int index, std::int64_t v) {
    sqlite3_bind_int64(m_stmt.get(), index, v);
    return *this;
}

Stmt& Stmt::bind(int index, std::string_view v) {
    // SQLITE_STATIC: every caller steps the statement before the bound text goes away.
    // A default-constructed view has no data pointer, which SQLite binds as NULL: an
    // empty text is '' whatever its pointer, so it gets a real (empty) one.
    sqlite3_bind_text(m_stmt.get(), index, v.data() ? v.data() : "", static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
}

Stmt& Stmt::bindBlob(int index, std::string_view bytes) {
    // As bind(text): no bytes is a zero-length blob, not NULL.
    sqlite3_bind_blob64(m_stmt.get(), index, bytes.data() ? bytes.data() : "", bytes.size(), SQLITE_STATIC);
    return *this;
}

Stmt& Stmt::bindNull(int index) {
    sqlite3_bind_null(m_stmt.get(), index);
    return *this;
}

bool Stmt::step() {
    int rc = sqlite3_step(m_stmt.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(m_stmt.get());
    throwSqlite(m_db, rc, "a database statement");
}

void Stmt::run() {
    while (step()) {
    }
    reset();
}

void Stmt::reset() {
    sqlite3_reset(m_stmt.get());
    sqlite3_clear_bindings(m_stmt.get());
}

std::string_view Stmt::blob(int col) const {
    const auto* p = sqlite3_column_blob(m_stmt.get(), col);
    if (!p) return {};
    return {static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt.get(), col))};
}

std::string Stmt::text(int col) const {
    const auto* p = sqlite3_column_text(m_stmt.get(), col);
    if (!p) return {};
    return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt.get(), col)));
}

Value Stmt::value(int col) const {
    switch (sqlite3_column_type(m_stmt.get(), col)) {
    case SQLITE_INTEGER: return integer(col);
    case SQLITE_FLOAT: return sqlite3_column_double(m_stmt.get(), col);
    case SQLITE_TEXT:
    case SQLITE_BLOB: return text(col);
    default: return std::monostate{};
    }
}

namespace {

std::string_view bytes(int n, const void* p) { return {static_cast<const char*>(p), static_cast<std::size_t>(n)}; }

int collateVietnamese(void*, int na, const void* a, int nb, const void* b) {
    return compareVietnamese(bytes(na, a), bytes(nb, b));
}

int collateGivenName(void*, int na, const void* a, int nb, const void* b) {
    return compareGivenName(bytes(na, a), bytes(nb, b));
}

} // namespace

Db Db::open(const std::filesystem::path& path, bool create) {
    // No global memory statistics: they take a process-wide mutex on every
    // allocation, which serialises threads that each own a connection.
    static const bool configured = [] { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK; }();
    (void)configured;
    Db db;
    sqlite3* raw = nullptr;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    db.m_db.reset(raw);
    if (rc != SQLITE_OK) throwSqlite(raw, rc, "opening the database");
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    // Lists sorted by name in Vietnamese order (PageQuery::textOrder); no index or
    // schema names them, so the file stays readable by any SQLite.
    sqlite3_create_collation_v2(raw, VietnameseCollation, SQLITE_UTF8, nullptr, collateVietnamese, nullptr);
    sqlite3_create_collation_v2(raw, GivenNameCollation, SQLITE_UTF8, nullptr, collateGivenName, nullptr);
    return db;
}

void Db::exec(std::string_view sql) {
    char* err = nullptr;
    std::string s(sql);
    int rc = sqlite3_exec(m_db.get(), s.c_str(), nullptr, nullptr, &err);
    if (err) sqlite3_free(err);
    if (rc != SQLITE_OK) throwSqlite(m_db.get(), rc, "executing SQL");
}

int Db::userVersion() { return static_cast<int>(scalar("PRAGMA user_version")); }

std::int64_t Db::scalar(std::string_view sql) {
    Stmt st = prepare(sql);
    return st.step() ? st.integer(0) : 0;
}

Transaction::Transaction(Db& db) : m_db(db) { m_db.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!m_done) sqlite3_exec(m_db.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    m_db.exec("COMMIT");
    m_done = true;
}

} // namespace tdkt::store
