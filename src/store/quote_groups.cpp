#include "store/quote_groups.h"

#include <algorithm>
#include <string>

namespace parley::store {
namespace {

// Per key, at most this many of the newest quotes are compared: a key shared
// by very many quotes (a slogan quoted everywhere) then costs a bounded
// amount, and any recent member of a big group is as good as another.
constexpr size_t kCandidatesPerKey = 24;
constexpr int64_t kMaxIndexedId = 0xffffffffLL;

uint32_t Fold(uint64_t key) {
  return static_cast<uint32_t>(key ^ (key >> 32));
}

Status PrepareInto(const sql::Database& db, sql::Statement* st, const char* text) {
  auto s = db.Prepare(text);
  if (!s.ok()) return s.status();
  *st = std::move(*s);
  return Status::Ok();
}

}  // namespace

void LshIndex::Add(uint64_t key, int64_t quote_id) {
  if (quote_id <= 0 || quote_id > kMaxIndexedId) return;
  uint32_t k = Fold(key);
  newest_ = std::max(newest_, static_cast<uint32_t>(quote_id));
  recent_[k].push_back(static_cast<uint32_t>(quote_id));
  ++recent_count_;
  pending_.push_back(k);
}

void LshIndex::Find(uint64_t key, size_t max, std::vector<int64_t>* out) const {
  const uint64_t k = Fold(key);
  size_t taken = 0;
  // Recent ids are all newer than the base's (merges empty `recent_`).
  if (auto it = recent_.find(static_cast<uint32_t>(k)); it != recent_.end()) {
    for (auto id = it->second.rbegin(); id != it->second.rend() && taken < max; ++id, ++taken) {
      out->push_back(*id);
    }
  }
  auto hi = std::upper_bound(base_.begin(), base_.end(), (k << 32) | 0xffffffffULL);
  auto lo = std::lower_bound(base_.begin(), hi, k << 32);
  for (auto it = hi; it != lo && taken < max; ++taken) {
    --it;
    out->push_back(static_cast<int64_t>(*it & 0xffffffffULL));
  }
}

void LshIndex::Commit() {
  pending_.clear();
  // Merge when the recent entries reach a sixteenth of the base: the hash
  // map of recent entries costs ~10x the base's 8 bytes an entry, and the
  // base is bounded by the window, so a merge (a pass over the base) stays
  // cheap: about every 700 articles once the window is full.
  if (recent_count_ < std::max<size_t>(4096, base_.size() / 16)) return;
  std::vector<uint64_t> add;
  add.reserve(recent_count_);
  for (const auto& [k, ids] : recent_) {
    for (uint32_t id : ids) add.push_back((uint64_t{k} << 32) | id);
  }
  std::sort(add.begin(), add.end());
  std::vector<uint64_t> merged;
  merged.reserve(base_.size() + add.size());
  std::merge(base_.begin(), base_.end(), add.begin(), add.end(), std::back_inserter(merged));
  // Forget quotes that fell out of the window.
  const int64_t oldest = static_cast<int64_t>(newest_) - window_;
  if (oldest > 0) {
    std::erase_if(
        merged, [oldest](uint64_t e) { return static_cast<int64_t>(e & 0xffffffffULL) <= oldest; });
  }
  merged.shrink_to_fit();
  base_ = std::move(merged);
  recent_.clear();
  recent_count_ = 0;
}

void LshIndex::Rollback() {
  // Entries were appended in order: undo them in reverse.
  for (auto k = pending_.rbegin(); k != pending_.rend(); ++k) {
    auto it = recent_.find(*k);
    it->second.pop_back();
    if (it->second.empty()) recent_.erase(it);
    --recent_count_;
  }
  pending_.clear();
}

Status QuoteGrouper::Prepare(const sql::Database& db) {
  PARLEY_RETURN_IF_ERROR(
      PrepareInto(db, &content_, "SELECT group_id, content FROM quotes WHERE quote_id = ?1"));
  // The new quote is stored already: EXISTS leaves it out by id.
  PARLEY_RETURN_IF_ERROR(PrepareInto(
      db, &join_,
      "UPDATE quote_groups SET quotes = quotes + 1,"
      " articles = articles + (NOT EXISTS (SELECT 1 FROM quotes WHERE group_id = ?1"
      "   AND article_id = ?2 AND quote_id != ?5)),"
      " sources = sources + (?4 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM quotes m"
      "   JOIN articles a ON a.article_id = m.article_id WHERE m.group_id = ?1"
      "   AND m.quote_id != ?5 AND a.source = ?4)),"
      " first_quote_id = CASE WHEN ?3 IS NOT NULL AND (first_date IS NULL OR ?3 < first_date)"
      "   THEN ?5 ELSE first_quote_id END,"
      " first_date = CASE WHEN ?3 IS NOT NULL AND (first_date IS NULL OR ?3 < first_date)"
      "   THEN ?3 ELSE first_date END,"
      " quote_id = CASE WHEN ?6 > (SELECT length(CAST(content AS BLOB)) FROM quotes"
      "   WHERE quote_id = quote_groups.quote_id) THEN ?5 ELSE quote_id END"
      " WHERE group_id = ?1"));
  PARLEY_RETURN_IF_ERROR(
      PrepareInto(db, &new_group_,
                  "INSERT INTO quote_groups(group_id, quote_id, first_quote_id, first_date, "
                  "quotes, articles, sources) VALUES (?1, ?1, ?1, ?2, 1, 1, ?3 IS NOT NULL)"));
  return PrepareInto(db, &page_,
                     "SELECT quote_id, content FROM quotes WHERE quote_id > ?1 AND quote_id <= ?2"
                     " ORDER BY quote_id LIMIT 2000");
}

Status QuoteGrouper::CatchUp(const sql::Database& db, int64_t max_quote_id) {
  if (!content_.IsPrepared()) PARLEY_RETURN_IF_ERROR(Prepare(db));
  // Only the window of recent quotes is indexed.
  indexed_ = std::max(indexed_, max_quote_id - kGroupWindow);
  while (indexed_ < max_quote_id) {
    page_.Reset();
    page_.Bind(1, indexed_);
    page_.Bind(2, max_quote_id);
    int64_t last = indexed_;
    while (true) {
      auto row = page_.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      last = page_.Int(0);
      for (uint64_t key : dedup::MakeFingerprint(page_.Text(1)).keys) index_.Add(key, last);
    }
    page_.Reset();
    indexed_ = last == indexed_ ? max_quote_id : last;
  }
  return Status::Ok();
}

StatusOr<int64_t> QuoteGrouper::Match(const sql::Database& db, const dedup::Fingerprint& fp) {
  if (!content_.IsPrepared()) PARLEY_RETURN_IF_ERROR(Prepare(db));
  if (fp.keys.empty()) return int64_t{0};
  std::vector<int64_t> ids;
  for (uint64_t key : fp.keys) index_.Find(key, kCandidatesPerKey, &ids);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  int64_t best_group = 0;
  double best = 0;
  for (int64_t id : ids) {
    content_.Reset();
    content_.Bind(1, id);
    auto row = content_.Step();
    if (!row.ok()) return row.status();
    if (!*row || content_.IsNull(0)) continue;
    const int64_t group = content_.Int(0);
    double score = 0;
    if (!dedup::SameText(fp, dedup::MakeFingerprint(content_.Text(1)), &score)) continue;
    if (score > best || (score == best && group < best_group)) {
      best = score;
      best_group = group;
    }
  }
  content_.Reset();
  return best_group;
}

Status QuoteGrouper::Record(const sql::Database& db, int64_t quote_id, int64_t group,
                            const dedup::Fingerprint& fp, int64_t article_id, size_t content_bytes,
                            std::string_view date, std::string_view source) {
  if (!content_.IsPrepared()) PARLEY_RETURN_IF_ERROR(Prepare(db));
  if (group == quote_id) {
    new_group_.Reset();
    new_group_.Bind(1, quote_id);
    new_group_.BindOrNull(2, date);
    new_group_.BindOrNull(3, source);
    PARLEY_RETURN_IF_ERROR(new_group_.Run());
  } else {
    sql::Statement& st = join_;
    st.Reset();
    st.Bind(1, group);
    st.Bind(2, article_id);
    st.BindOrNull(3, date);
    st.BindOrNull(4, source);
    st.Bind(5, quote_id);
    st.Bind(6, static_cast<int64_t>(content_bytes));
    PARLEY_RETURN_IF_ERROR(st.Run());
  }
  for (uint64_t key : fp.keys) index_.Add(key, quote_id);
  indexed_ = std::max(indexed_, quote_id);
  return Status::Ok();
}

void QuoteGrouper::Commit() {
  index_.Commit();
  committed_ = indexed_;
}

void QuoteGrouper::Rollback() {
  index_.Rollback();
  indexed_ = committed_;
}

Status GroupUngroupedQuotes(sql::Database& db) {
  QuoteGrouper grouper;
  auto page = db.Prepare(
      "SELECT q.quote_id, q.article_id, q.content, COALESCE(a.date, ''), COALESCE(a.source, '')"
      " FROM quotes q JOIN articles a ON a.article_id = q.article_id"
      " WHERE q.quote_id > ?1 AND q.group_id IS NULL ORDER BY q.quote_id LIMIT 1000");
  if (!page.ok()) return page.status();
  auto set_group = db.Prepare("UPDATE quotes SET group_id = ?1 WHERE quote_id = ?2");
  if (!set_group.ok()) return set_group.status();
  struct Row {
    int64_t quote_id, article_id;
    std::string content, date, source;
  };
  int64_t last = 0;
  while (true) {
    // A page at a time, read before writing: the statement must not walk
    // rows that are being updated.
    std::vector<Row> rows;
    page->Reset();
    page->Bind(1, last);
    while (true) {
      auto row = page->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      rows.push_back({page->Int(0), page->Int(1), page->Text(2), page->Text(3), page->Text(4)});
    }
    page->Reset();
    if (rows.empty()) return Status::Ok();
    for (const Row& r : rows) {
      const dedup::Fingerprint fp = dedup::MakeFingerprint(r.content);
      auto match = grouper.Match(db, fp);
      if (!match.ok()) return match.status();
      const int64_t group = *match != 0 ? *match : r.quote_id;
      set_group->Reset();
      set_group->Bind(1, group);
      set_group->Bind(2, r.quote_id);
      PARLEY_RETURN_IF_ERROR(set_group->Run());
      PARLEY_RETURN_IF_ERROR(grouper.Record(db, r.quote_id, group, fp, r.article_id,
                                            r.content.size(), r.date, r.source));
    }
    last = rows.back().quote_id;
  }
}

}  // namespace parley::store
