#pragma once
/**
 * @brief Thin RAII over the SQLite C API: a connection, prepared statements and
 *        transactions. Errors throw tdkt::Error(ErrorKind::Storage) with a clear
 *        sentence (disk full, read-only, not a database, busy).
 * Thread safety: a Db and its statements belong to one thread.
 */
#include "tdkt/core/value.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace tdkt::store {

struct DbCloser {
    void operator()(sqlite3* p) const noexcept { sqlite3_close_v2(p); }
};

struct StmtCloser {
    void operator()(sqlite3_stmt* p) const noexcept { sqlite3_finalize(p); }
};

using DbHandle = std::unique_ptr<sqlite3, DbCloser>;
using StmtHandle = std::unique_ptr<sqlite3_stmt, StmtCloser>;

/** Throws the Error that describes SQLite result code `rc` on `db` (doing `what`). */
[[noreturn]] void throwSqlite(sqlite3* db, int rc, std::string_view what);

class Stmt {
public:
    Stmt() = default;
    Stmt(sqlite3* db, std::string_view sql);

    Stmt& bind(int index, const Value& v);
    Stmt& bind(int index, std::int64_t v);
    Stmt& bind(int index, std::string_view v);
    Stmt& bind(int index, const std::string& v) { return bind(index, std::string_view(v)); }
    Stmt& bind(int index, const char* v) { return bind(index, std::string_view(v)); }
    Stmt& bindNull(int index);
    Stmt& bindBlob(int index, std::string_view bytes);

    /** Steps once: true while a row is ready. Throws on error (and resets). */
    bool step();

    /** Steps to completion, then resets; for statements that return no rows. */
    void run();

    /** Clears the last result and the bindings, ready for reuse. */
    void reset();

    std::int64_t integer(int col) const { return sqlite3_column_int64(m_stmt.get(), col); }
    std::string text(int col) const;
    /** A BLOB (or any) column's bytes, valid until the next step or reset. */
    std::string_view blob(int col) const;
    Value value(int col) const;
    bool isNull(int col) const { return sqlite3_column_type(m_stmt.get(), col) == SQLITE_NULL; }
    int columns() const { return sqlite3_column_count(m_stmt.get()); }
    std::string_view columnName(int col) const { return sqlite3_column_name(m_stmt.get(), col); }

    explicit operator bool() const { return static_cast<bool>(m_stmt); }

private:
    sqlite3* m_db = nullptr;
    StmtHandle m_stmt;
};

class Db {
public:
    /** Opens (or, with `create`, creates) the file; WAL, foreign keys, busy timeout. */
    static Db open(const std::filesystem::path& path, bool create);

    void exec(std::string_view sql);
    Stmt prepare(std::string_view sql) { return Stmt(m_db.get(), sql); }
    sqlite3* raw() const { return m_db.get(); }

    int userVersion();
    std::int64_t scalar(std::string_view sql);

private:
    DbHandle m_db;
};

/** BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless committed. */
class Transaction {
public:
    explicit Transaction(Db& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Db& m_db;
    bool m_done = false;
};

} // namespace tdkt::store
