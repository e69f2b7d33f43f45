/*===- DTypes.c - element type names and sizes, from DTypes.def ----------===*\
|*                                                                            *|
|* Also where the public enum dfg_dtype and the table DTypes.def are tied   *|
|* together: this file does not compile if they disagree.                   *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "dfg/Runtime/dfg_runtime.h"

/* Every row names an enumerator of dfg_dtype, with the row's code. */
#define DFG_DTYPE(ENUM, CODE, NAME, SIZE, NPY, MLIR)                           \
  _Static_assert(DFG_DTYPE_##ENUM == CODE,                                     \
                 "DTypes.def and dfg_runtime.h disagree on DFG_DTYPE_" #ENUM);
#include "dfg/Runtime/DTypes.def"

/* Every enumerator of dfg_dtype has a row: the switches below have no
 * default, so an enumerator the table lacks is an unhandled case (and a row
 * twice, a duplicate case). */
#pragma GCC diagnostic push
#pragma GCC diagnostic error "-Wswitch"

const char *dfg_dtype_name(dfg_dtype dtype) {
  switch (dtype) {
#define DFG_DTYPE(ENUM, CODE, NAME, SIZE, NPY, MLIR)                           \
  case DFG_DTYPE_##ENUM:                                                       \
    return NAME;
#include "dfg/Runtime/DTypes.def"
  }
  return "invalid";
}

size_t dfg_dtype_size(dfg_dtype dtype) {
  switch (dtype) {
#define DFG_DTYPE(ENUM, CODE, NAME, SIZE, NPY, MLIR)                           \
  case DFG_DTYPE_##ENUM:                                                       \
    return SIZE;
#include "dfg/Runtime/DTypes.def"
  }
  return 0;
}

#pragma GCC diagnostic pop
