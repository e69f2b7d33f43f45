//===- NoManualPoisoning.h - ASan build of DFG against plain libMLIR -*- C++ -*-===//
//
// Force-included into every DFG source of the fuzzer build. DFG is compiled
// with AddressSanitizer but links Debian's uninstrumented libMLIR.so. LLVM's
// BumpPtrAllocator poisons a whole new slab when instrumented code starts it
// and unpoisons each piece it hands out, but only in instrumented copies of
// its inline code: a piece that libMLIR's own (uninstrumented) copy later
// hands out from such a slab stays poisoned, and the next read of it from
// DFG code (an MLIR type storage, say) is reported as use-after-poison
// although the memory is valid. Turning LLVM's manual poisoning into a no-op
// removes these false reports; ASan's own checks (heap, stack, globals) stay.
//
//===----------------------------------------------------------------------===//

#ifndef DFG_TOOLS_FUZZER_NOMANUALPOISONING_H
#define DFG_TOOLS_FUZZER_NOMANUALPOISONING_H

#if defined(__has_include) && __has_include(<sanitizer/asan_interface.h>)
#include <sanitizer/asan_interface.h>
#define __asan_poison_memory_region(addr, size) ((void)(addr), (void)(size))
#endif

#endif // DFG_TOOLS_FUZZER_NOMANUALPOISONING_H
