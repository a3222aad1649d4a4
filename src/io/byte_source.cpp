// ByteSource over file descriptors and memory, gzip decoding, and the
// LineReader that splits a source into bounded lines.
#include "io/byte_source.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace parley::io {
namespace {

std::string ErrnoMessage(int err) {
  return std::generic_category().message(err);
}

class FdSource : public ByteSource {
 public:
  FdSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }
  StatusOr<size_t> Read(char* out, size_t n) override {
    for (;;) {
      ssize_t got = ::read(fd_, out, n);
      if (got >= 0) {
        raw_ += static_cast<uint64_t>(got);
        return static_cast<size_t>(got);
      }
      if (errno != EINTR) return IoError(ErrnoMessage(errno));
    }
  }
  uint64_t raw_bytes() const override { return raw_; }

 private:
  int fd_;
  bool owned_;
  uint64_t raw_ = 0;
};

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string data) : data_(std::move(data)) {}
  StatusOr<size_t> Read(char* out, size_t n) override {
    size_t k = std::min(n, data_.size() - pos_);
    if (k) std::memcpy(out, data_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  uint64_t raw_bytes() const override { return pos_; }

 private:
  std::string data_;
  size_t pos_ = 0;
};

bool IsGzipMagic(const unsigned char* p, size_t n) {
  return n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

// Passes a raw source through, or inflates it when it starts with the gzip
// magic. Concatenated gzip members are read as one stream (as gzip -d does);
// bytes after the last member that are not another member are ignored.
class DecodingSource : public ByteSource {
 public:
  explicit DecodingSource(std::unique_ptr<ByteSource> raw)
      : raw_(std::move(raw)), in_(std::make_unique_for_overwrite<unsigned char[]>(kInSize)) {}
  ~DecodingSource() override {
    if (zlib_ready_) inflateEnd(&z_);
  }
  StatusOr<size_t> Read(char* out, size_t n) override {
    if (!pending_.ok()) return pending_;
    if (n == 0) return size_t{0};  // inflate could make no progress
    if (mode_ == Mode::kUnknown) {
      Status s = TopUp(2);
      if (!s.ok()) return s;
      mode_ = IsGzipMagic(in_.get() + in_begin_, in_end_ - in_begin_) ? Mode::kGzip : Mode::kDirect;
      if (mode_ == Mode::kGzip) {
        if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) {
          pending_ = ResourceExhausted("zlib could not allocate its state");
          return pending_;
        }
        zlib_ready_ = true;
      }
    }
    if (mode_ == Mode::kDirect) {
      if (in_begin_ == in_end_) return raw_->Read(out, n);
      size_t k = std::min(n, in_end_ - in_begin_);
      std::memcpy(out, in_.get() + in_begin_, k);
      in_begin_ += k;
      return k;
    }
    if (mode_ == Mode::kDone) return size_t{0};
    return Inflate(out, std::min<size_t>(n, size_t{1} << 30));
  }
  uint64_t raw_bytes() const override { return raw_->raw_bytes(); }

 private:
  enum class Mode { kUnknown, kDirect, kGzip, kDone };
  static constexpr size_t kInSize = size_t{64} << 10;  // raw bytes read at a time

  // Makes at least `want` unread raw bytes available, unless the raw stream
  // ends first.
  Status TopUp(size_t want) {
    if (in_begin_ > 0) {
      std::memmove(in_.get(), in_.get() + in_begin_, in_end_ - in_begin_);
      in_end_ -= in_begin_;
      in_begin_ = 0;
    }
    while (in_end_ < want && !raw_eof_) {
      StatusOr<size_t> got =
          raw_->Read(reinterpret_cast<char*>(in_.get()) + in_end_, kInSize - in_end_);
      if (!got.ok()) return got.status();
      if (*got == 0) raw_eof_ = true;
      in_end_ += *got;
    }
    return Status::Ok();
  }

  // Returns the bytes produced so far now and the failure on the next call.
  StatusOr<size_t> Fail(size_t produced, Status status) {
    pending_ = std::move(status);
    if (produced > 0) return produced;
    return pending_;
  }

  StatusOr<size_t> Inflate(char* out, size_t n) {
    size_t produced = 0;
    while (produced == 0) {
      if (in_begin_ == in_end_) {
        Status s = TopUp(1);
        if (!s.ok()) return Fail(produced, std::move(s));
      }
      z_.next_in = in_.get() + in_begin_;
      z_.avail_in = static_cast<uInt>(in_end_ - in_begin_);
      z_.next_out = reinterpret_cast<Bytef*>(out) + produced;
      z_.avail_out = static_cast<uInt>(n - produced);
      int rc = inflate(&z_, Z_NO_FLUSH);
      in_begin_ = in_end_ - z_.avail_in;
      produced = n - z_.avail_out;
      if (rc == Z_STREAM_END) {
        Status s = TopUp(2);
        if (!s.ok()) return Fail(produced, std::move(s));
        if (!IsGzipMagic(in_.get() + in_begin_, in_end_ - in_begin_)) {
          mode_ = Mode::kDone;
          return produced;
        }
        inflateReset(&z_);
      } else if (rc == Z_BUF_ERROR) {
        // No progress possible: only an exhausted input explains it here.
        if (in_begin_ == in_end_ && raw_eof_)
          return Fail(produced, DataLoss("truncated gzip stream"));
      } else if (rc != Z_OK) {
        return Fail(produced, DataLoss(std::string("corrupt gzip stream: ") +
                                       (z_.msg ? z_.msg : "zlib error")));
      }
    }
    return produced;
  }

  std::unique_ptr<ByteSource> raw_;
  std::unique_ptr<unsigned char[]> in_;
  size_t in_begin_ = 0, in_end_ = 0;
  bool raw_eof_ = false;
  Mode mode_ = Mode::kUnknown;
  z_stream z_{};
  bool zlib_ready_ = false;
  Status pending_;
};

}  // namespace

StatusOr<std::unique_ptr<ByteSource>> ByteSource::OpenFile(const std::string& path) {
  if (path == "-")
    return std::unique_ptr<ByteSource>(new DecodingSource(std::make_unique<FdSource>(0, false)));
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT || err == ENOTDIR) return NotFound("no such file or directory");
    return IoError(ErrnoMessage(err));
  }
  return std::unique_ptr<ByteSource>(new DecodingSource(std::make_unique<FdSource>(fd, true)));
}

std::unique_ptr<ByteSource> ByteSource::FromMemory(std::string data) {
  return std::make_unique<DecodingSource>(std::make_unique<MemorySource>(std::move(data)));
}

LineReader::LineReader(std::unique_ptr<ByteSource> source, size_t max_line, size_t chunk)
    : source_(std::move(source)),
      max_line_(max_line),
      chunk_(std::max<size_t>(chunk, 1)),
      read_size_(std::min<size_t>(chunk_, size_t{64} << 10)) {}

bool LineReader::Fill() {
  if (eof_ || !pending_.ok()) return false;
  if (begin_ > 0) {
    std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  // Callers fill only while the unfinished line is within max_line, so the
  // buffer never grows past max_line + chunk.
  if (capacity_ < end_ + read_size_) {
    size_t capacity = std::max(end_ + read_size_, std::min(2 * capacity_, max_line_ + chunk_));
    auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
    if (end_) std::memcpy(bigger.get(), buf_.get(), end_);
    buf_ = std::move(bigger);
    capacity_ = capacity;
  }
  StatusOr<size_t> got = source_->Read(buf_.get() + end_, read_size_);
  if (!got.ok()) {
    pending_ = got.status();
    return false;
  }
  if (*got == 0) {
    eof_ = true;
    return false;
  }
  if (*got == read_size_) read_size_ = std::min(2 * read_size_, chunk_);
  end_ += *got;
  return true;
}

bool LineReader::SkipRestOfLine() {
  for (;;) {
    const void* nl = std::memchr(buf_.get() + begin_, '\n', end_ - begin_);
    if (nl) {
      begin_ = static_cast<size_t>(static_cast<const char*>(nl) - buf_.get()) + 1;
      return true;
    }
    begin_ = end_;
    if (!Fill()) return false;
  }
}

std::string_view LineReader::Peek(size_t n) {
  while (end_ - begin_ < n && Fill()) {
  }
  return {buf_.get() + begin_, std::min(n, end_ - begin_)};
}

LineReader::Result LineReader::Next(Line* line, Status* error) {
  if (done_) return Result::kEnd;
  auto fail = [&](uint64_t number) {
    done_ = true;
    *error = pending_;
    line->text = {};
    line->number = number;
    line->overlong = false;
    return Result::kError;
  };
  if (skipping_) {
    skipping_ = false;
    if (!SkipRestOfLine()) {
      if (!pending_.ok()) return fail(line_number_);
      done_ = true;
      return Result::kEnd;
    }
  }
  size_t scanned = 0;  // bytes after begin_ already searched for "\n"
  for (;;) {
    const char* start = buf_.get() + begin_;
    size_t avail = end_ - begin_;
    const void* nl =
        avail > scanned ? std::memchr(start + scanned, '\n', avail - scanned) : nullptr;
    bool at_eof = false;
    if (!nl && avail <= max_line_) {
      scanned = avail;
      if (Fill()) continue;
      if (!pending_.ok()) return fail(line_number_ + 1);
      if (avail == 0) {
        done_ = true;
        return Result::kEnd;
      }
      at_eof = true;                // a last line without "\n"
      start = buf_.get() + begin_;  // Fill() may have moved the bytes
    }
    size_t len = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) + 1 : avail;
    line->text = {start, len};
    line->number = ++line_number_;
    line->overlong = len - (nl ? 1 : 0) > max_line_;
    begin_ += len;
    // An overlong line not yet ended: drop what is buffered now and the rest
    // on the next call, so it is never held whole.
    if (!nl && !at_eof) skipping_ = true;
    return Result::kLine;
  }
}

}  // namespace parley::io
