// CHECK for the fuzz targets: stops the run with the failed condition named,
// so a crash report says which invariant broke.
#pragma once

#include <cstdio>
#include <cstdlib>

#define CHECK(cond)                                                           \
  do {                                                                        \
    if (!(cond)) {                                                            \
      std::fprintf(stderr, "check failed at line %d: %s\n", __LINE__, #cond); \
      std::abort();                                                           \
    }                                                                         \
  } while (0)
