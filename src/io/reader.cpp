// Reader over a list of inputs: files, directories (walked recursively in
// sorted order, hidden entries skipped) and "-" for stdin, or one in-memory
// buffer. For each file it opens a ByteSource, sniffs the first bytes for the
// format and for binary junk, and hands the lines to a JsonlReader or
// TextReader. Only one file is open at a time, and a directory walk holds
// only the listings of the directories it is inside.
#include "parley/reader.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "io/byte_source.h"
#include "io/input_format.h"
#include "io/jsonl_reader.h"
#include "io/text_reader.h"

namespace parley {

std::string SourceLocation::ToString() const {
  return line ? file + ":" + std::to_string(line) : file;
}

Document ToDocument(InputRecord&& record) {
  record.meta.origin = record.where.ToString();
  return Document(std::move(record.text), std::move(record.meta));
}

namespace {

namespace fs = std::filesystem;
using io::ByteSource;
using io::LineReader;

// A chunk never needs to be larger than the longest record accepted; so a
// small limit (tests, fuzzers) also exercises lines that span chunks.
size_t ChunkBytes(const ReaderOptions& o) {
  return std::clamp<size_t>(o.max_record_bytes, 16, size_t{1} << 20);
}

class InputsReader : public Reader {
 public:
  InputsReader(std::vector<std::string> inputs, ReaderOptions options)
      : inputs_(std::move(inputs)), options_(std::move(options)) {}
  InputsReader(std::string name, std::string data, ReaderOptions options)
      : options_(std::move(options)), buffer_name_(std::move(name)), buffer_(std::move(data)) {}

  Result Next(InputRecord* record, RecordError* error) override {
    for (;;) {
      if (current_) {
        Result r = current_->Next(record, error);
        if (r != Result::kEnd) return r;
        finished_bytes_ += current_->bytes_read();
        current_.reset();
      }
      if (buffer_) {
        std::unique_ptr<ByteSource> source = ByteSource::FromMemory(std::move(*buffer_));
        buffer_.reset();
        if (!StartStream(buffer_name_, std::move(source), error)) return Result::kError;
        continue;
      }
      std::string path;
      std::optional<Result> step = NextFile(&path, error);
      if (step) return *step;
      StatusOr<std::unique_ptr<ByteSource>> source = ByteSource::OpenFile(path);
      if (!source.ok()) {
        *error = {{path, 0}, source.status()};
        return Result::kError;
      }
      if (!StartStream(path, std::move(*source), error)) return Result::kError;
    }
  }

  uint64_t bytes_read() const override {
    return finished_bytes_ + (current_ ? current_->bytes_read() : 0);
  }

 private:
  struct Listing {
    std::vector<fs::path> entries;  // sorted
    size_t next = 0;
  };

  // Sniffs a stream and sets current_ to the reader for its format; false
  // (with *error) when the stream is rejected whole.
  bool StartStream(const std::string& name, std::unique_ptr<ByteSource> source,
                   RecordError* error) {
    auto lines = std::make_unique<LineReader>(std::move(source), options_.max_record_bytes,
                                              ChunkBytes(options_));
    std::string_view head = lines->Peek(io::kSniffBytes);
    InputFormat format = io::ResolveFormat(options_.format, name, head);
    // A JSONL line may carry a stray NUL and still be the only bad line;
    // text has no such boundary, so any NUL in its first bytes rejects it.
    bool binary =
        io::HasBinaryMagic(head) ||
        (format == InputFormat::kJsonl ? io::ControlShare(head) > 0.3 : io::LooksBinary(head));
    if (binary) {
      finished_bytes_ += lines->bytes_read();
      *error = {{name, 0}, InvalidArgument("binary data")};
      return false;
    }
    if (format == InputFormat::kJsonl) {
      current_ = std::make_unique<io::JsonlReader>(std::move(lines), name, options_);
    } else {
      current_ = std::make_unique<io::TextReader>(std::move(lines), name,
                                                  format == InputFormat::kDatedText, options_);
    }
    return true;
  }

  // Sets *path to the next file to read, or returns kError (with *error) or
  // kEnd.
  std::optional<Result> NextFile(std::string* path, RecordError* error) {
    for (;;) {
      if (!walk_.empty()) {
        Listing& top = walk_.back();
        if (top.next == top.entries.size()) {
          walk_.pop_back();
          continue;
        }
        fs::path p = top.entries[top.next++];
        std::error_code ec;
        fs::file_status st = fs::symlink_status(p, ec);
        if (!ec && fs::is_symlink(st)) {
          // Links to files are read; links to directories are not followed,
          // which keeps a walk from looping.
          st = fs::status(p, ec);
          if (!ec && fs::is_directory(st)) continue;
        }
        if (ec) return Fail(p.string(), IoError(ec.message()), error);
        if (fs::is_directory(st)) {
          if (!PushDirectory(p, error)) return Result::kError;
          continue;
        }
        if (!fs::is_regular_file(st)) continue;  // sockets, devices, fifos in a tree
        *path = p.string();
        return std::nullopt;
      }
      if (next_input_ == inputs_.size()) return Result::kEnd;
      const std::string& input = inputs_[next_input_++];
      if (input == "-") {
        *path = input;
        return std::nullopt;
      }
      std::error_code ec;
      fs::file_status st = fs::status(input, ec);
      if (ec || !fs::exists(st)) {
        if (st.type() == fs::file_type::not_found) {
          return Fail(input, NotFound("no such file or directory"), error);
        }
        return Fail(input, IoError(ec.message()), error);
      }
      if (fs::is_directory(st)) {
        if (!PushDirectory(input, error)) return Result::kError;
        continue;
      }
      *path = input;  // named explicitly: read even if hidden or a fifo
      return std::nullopt;
    }
  }

  bool PushDirectory(const fs::path& dir, RecordError* error) {
    Listing listing;
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] != '.') listing.entries.push_back(it->path());
    }
    if (ec) {
      Fail(dir.string(), IoError(ec.message()), error);
      return false;
    }
    std::sort(listing.entries.begin(), listing.entries.end(),
              [](const fs::path& a, const fs::path& b) {
                return a.filename().string() < b.filename().string();
              });
    walk_.push_back(std::move(listing));
    return true;
  }

  static Result Fail(std::string file, Status status, RecordError* error) {
    *error = {{std::move(file), 0}, std::move(status)};
    return Result::kError;
  }

  std::vector<std::string> inputs_;
  size_t next_input_ = 0;
  ReaderOptions options_;
  std::string buffer_name_;
  std::optional<std::string> buffer_;
  std::vector<Listing> walk_;
  std::unique_ptr<Reader> current_;
  uint64_t finished_bytes_ = 0;
};

}  // namespace

std::unique_ptr<Reader> Reader::Open(std::vector<std::string> inputs, ReaderOptions options) {
  return std::make_unique<InputsReader>(std::move(inputs), std::move(options));
}

std::unique_ptr<Reader> Reader::FromBuffer(std::string name, std::string data,
                                           ReaderOptions options) {
  return std::make_unique<InputsReader>(std::move(name), std::move(data), std::move(options));
}

}  // namespace parley
