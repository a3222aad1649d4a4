// parley._parley: the Python face of libparley (pybind11). A Pipeline loads
// its models once; extract() returns the record of `parley extract --format
// json` (docs/schema.md), extract_many() and extract_files() run the C++
// worker pool with the GIL released. Bad records in a batch come back as
// error records; a failing call raises with the library's message.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/input_format.h"
#include "parley/output.h"
#include "parley/pipeline.h"
#include "parley/reader.h"
#include "parley/runner.h"

namespace py = pybind11;

namespace parley::python {
namespace {

const std::vector<std::string> kDefaultStages = {"repair",   "segment", "tag",    "parse", "ner",
                                                 "entities", "link",    "quotes", "events"};

// Raises the Python exception that matches the status code.
[[noreturn]] void Raise(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kResourceExhausted: throw py::value_error(s.message());
    case StatusCode::kNotFound:
      PyErr_SetString(PyExc_FileNotFoundError, s.message().c_str());
      throw py::error_already_set();
    case StatusCode::kIoError:
    case StatusCode::kDataLoss:
      PyErr_SetString(PyExc_OSError, s.message().c_str());
      throw py::error_already_set();
    default: throw std::runtime_error(s.message());
  }
}

py::object JsonLoads(const std::string& s) {
  static py::object* loads =
      new py::object(py::module_::import("json").attr("loads"));  // never freed: outlives atexit
  return (*loads)(py::str(s));
}

// A Reader over records prepared in memory, so batches go through the same
// ordered runner (and worker pool) as the CLI.
struct Prepared {
  std::optional<InputRecord> record;
  std::optional<RecordError> error;
};

class VectorReader : public Reader {
 public:
  explicit VectorReader(std::vector<Prepared> items) : items_(std::move(items)) {}
  Result Next(InputRecord* record, RecordError* error) override {
    if (next_ >= items_.size()) return Result::kEnd;
    Prepared& p = items_[next_++];
    if (p.error) {
      *error = std::move(*p.error);
      return Result::kError;
    }
    *record = std::move(*p.record);
    return Result::kRecord;
  }
  uint64_t bytes_read() const override { return 0; }

 private:
  std::vector<Prepared> items_;
  size_t next_ = 0;
};

std::string OptionalString(const py::handle& v, const char* name) {
  if (v.is_none()) return "";
  if (!py::isinstance<py::str>(v)) {
    throw py::value_error(std::string("field '") + name + "' must be a string or None");
  }
  return v.cast<std::string>();
}

// meta keyword arguments -> DocumentMeta (id, title, url, source, origin).
DocumentMeta MetaFrom(const py::handle& date, const py::dict& meta, bool strict) {
  DocumentMeta m;
  m.date = io::NormalizeDate(OptionalString(date, "date"));
  for (auto [key, value] : meta) {
    auto k = key.cast<std::string>();
    std::string* slot = k == "id"       ? &m.id
                        : k == "title"  ? &m.title
                        : k == "url"    ? &m.url
                        : k == "source" ? &m.source
                        : k == "origin" ? &m.origin
                                        : nullptr;
    if (!slot) {
      if (strict) throw py::type_error("extract() got an unexpected keyword argument '" + k + "'");
      continue;
    }
    *slot = OptionalString(value, k.c_str());
  }
  return m;
}

// One batch record -> a record for the runner, or the error it makes.
Prepared Prepare(const py::handle& item, size_t index) {
  Prepared p;
  // Errors name the record's origin, else its index in the batch; documents
  // keep the origin they were given (empty by default, as extract()).
  SourceLocation where{"<record " + std::to_string(index) + ">", 0};
  SourceLocation origin;
  try {
    if (py::isinstance<py::str>(item)) {
      p.record.emplace();
      p.record->text = item.cast<std::string>();
    } else if (py::isinstance<py::dict>(item)) {
      py::dict d = py::reinterpret_borrow<py::dict>(item);
      if (d.contains("origin") && py::isinstance<py::str>(d["origin"])) {
        where = {d["origin"].cast<std::string>(), 0};
        origin = where;
      }
      if (!d.contains("text")) throw py::value_error("missing string field 'text'");
      py::object text = d["text"];
      if (!py::isinstance<py::str>(text)) throw py::value_error("missing string field 'text'");
      py::dict meta;
      for (auto [k, v] : d) {
        auto key = k.cast<std::string>();
        if (key != "text" && key != "date") meta[k] = v;
      }
      py::object date = d.contains("date") ? py::object(d["date"]) : py::object(py::none());
      p.record.emplace();
      p.record->text = text.cast<std::string>();
      p.record->meta = MetaFrom(date, meta, false);
    } else {
      throw py::value_error("a record must be a dict or a str");
    }
    if (p.record->text.find_first_not_of(" \t\r\n") == std::string::npos) {
      throw py::value_error("empty document");
    }
  } catch (const py::error_already_set& e) {
    p.record.reset();
    p.error = RecordError{where, InvalidArgument(e.what())};
    return p;
  } catch (const std::exception& e) {
    p.record.reset();
    p.error = RecordError{where, InvalidArgument(e.what())};
    return p;
  }
  p.record->where = origin;
  return p;
}

struct BatchResult {
  std::vector<std::string> lines;  // JSON records and error records, in input order
  RunTotals totals;
};

BatchResult RunBatch(Reader& reader, const Pipeline& pipeline, int threads, bool errors) {
  BatchResult out;
  JsonOptions json;
  RunCallbacks cb;
  cb.on_document = [&](Document&& doc) {
    std::string& s = out.lines.emplace_back();
    WriteDocumentJson(doc, json, &s);
  };
  cb.on_error = [&](const RecordError& e) {
    if (errors) WriteErrorJson(e, &out.lines.emplace_back());
  };
  RunOptions run;
  run.threads = threads < 1 ? 1 : threads;
  py::gil_scoped_release release;
  out.totals = RunPipeline(reader, pipeline, run, cb);
  return out;
}

class PyPipeline {
 public:
  PyPipeline(std::optional<std::vector<std::string>> stages, std::optional<std::string> models,
             std::optional<std::vector<std::string>> actors) {
    PipelineOptions o;
    o.stages = stages ? *stages : kDefaultStages;
    if (models) o.models_dir = *models;
    if (actors) o.actors_files = *actors;
    StatusOr<Pipeline> p = [&] {
      py::gil_scoped_release release;
      return Pipeline::CreateDefault(o);
    }();
    if (!p.ok()) Raise(p.status());
    pipeline_ = std::make_shared<Pipeline>(std::move(*p));
    stages_ = o.stages;
  }

  std::string ExtractJson(const std::string& text, const py::object& date, const py::dict& meta) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      throw py::value_error("empty document");
    }
    Document doc(text, MetaFrom(date, meta, true));
    std::string out;
    Status s;
    {
      py::gil_scoped_release release;
      s = pipeline_->Process(doc);
      if (s.ok()) WriteDocumentJson(doc, JsonOptions{}, &out);
    }
    if (!s.ok()) Raise(s);
    return out;
  }

  py::object Extract(const std::string& text, const py::object& date, const py::kwargs& meta) {
    return JsonLoads(ExtractJson(text, date, meta));
  }

  BatchResult Many(const py::iterable& records, int threads) {
    std::vector<Prepared> items;
    size_t i = 0;
    for (py::handle item : records) items.push_back(Prepare(item, i++));
    VectorReader reader(std::move(items));
    return RunBatch(reader, *pipeline_, threads, true);
  }

  py::list ExtractMany(const py::iterable& records, int threads) {
    BatchResult r = Many(records, threads);
    py::list out;
    for (const std::string& line : r.lines) out.append(JsonLoads(line));
    return out;
  }

  std::vector<std::string> ExtractManyJson(const py::iterable& records, int threads) {
    return Many(records, threads).lines;
  }

  // Reads `paths` as the CLI does and returns (lines, counts).
  py::tuple ExtractFiles(const std::vector<std::string>& paths, int threads, bool errors,
                         const std::string& input_format) {
    ReaderOptions ro;
    StatusOr<InputFormat> f = ParseInputFormat(input_format);
    if (!f.ok()) Raise(f.status());
    ro.format = *f;
    auto reader = Reader::Open(paths, ro);
    BatchResult r = RunBatch(*reader, *pipeline_, threads, errors);
    py::dict counts;
    counts["read"] = r.totals.read;
    counts["extracted"] = r.totals.extracted;
    counts["rejected"] = r.totals.rejected;
    counts["io_errors"] = r.totals.io_errors;
    counts["text_bytes"] = r.totals.text_bytes;
    counts["tokens"] = r.totals.tokens;
    counts["seconds"] = r.totals.seconds;
    py::list lines;  // bytes: written as they are, no decoding
    for (const std::string& line : r.lines) lines.append(py::bytes(line));
    return py::make_tuple(lines, counts);
  }

  const std::vector<std::string>& stages() const { return stages_; }

 private:
  std::shared_ptr<const Pipeline> pipeline_;
  std::vector<std::string> stages_;
};

}  // namespace
}  // namespace parley::python

PYBIND11_MODULE(_parley, m) {
  using parley::python::PyPipeline;
  m.doc() = "libparley bindings: news articles to structured records (docs/schema.md)";
  m.attr("SCHEMA_VERSION") = std::string(parley::kSchemaVersion);
  m.attr("DEFAULT_STAGES") = parley::python::kDefaultStages;
  py::class_<PyPipeline>(m, "Pipeline")
      .def(py::init<std::optional<std::vector<std::string>>, std::optional<std::string>,
                    std::optional<std::vector<std::string>>>(),
           py::arg("stages") = py::none(), py::arg("models") = py::none(),
           py::arg("actors") = py::none(),
           "Loads the models of `stages` (default: all) from `models` (default: "
           "$PARLEY_MODELS, else the models/ folder parley was built with).")
      .def("extract", &PyPipeline::Extract, py::arg("text"), py::arg("date") = py::none(),
           "The record of `parley extract --format json` for one article, as a dict. "
           "Keyword arguments: id, title, url, source, origin.")
      .def(
          "extract_json",
          [](PyPipeline& p, const std::string& text, const py::object& date,
             const py::kwargs& meta) { return p.ExtractJson(text, date, meta); },
          py::arg("text"), py::arg("date") = py::none(), "As extract(), as one JSON line.")
      .def("extract_many", &PyPipeline::ExtractMany, py::arg("records"), py::arg("threads") = 1,
           "Extracts dicts {text, date, id, title, url, source, origin} (or strings) on "
           "`threads` C++ workers without the GIL; a bad record gives an error record.")
      .def("extract_many_json", &PyPipeline::ExtractManyJson, py::arg("records"),
           py::arg("threads") = 1, "As extract_many(), as JSON lines.")
      .def("extract_files", &PyPipeline::ExtractFiles, py::arg("paths"), py::arg("threads") = 1,
           py::arg("errors") = true, py::arg("input_format") = "auto",
           "Reads files or directories as `parley extract` does; returns (JSON lines as "
           "bytes, counts).")
      .def_property_readonly("stages", &PyPipeline::stages);
}
