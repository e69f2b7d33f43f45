/*===- Builtins.c - compiler helpers the model code may call --------------===*\
|*                                                                            *|
|* LLVM lowers conversions to bfloat16 to calls of compiler-rt's            *|
|* __truncsfbf2/__truncdfbf2, which the libgcc of GCC 12 lacks. The model    *|
|* library carries its own (hidden, like the whole runtime), so that it      *|
|* links with `-z defs` and needs libc, libm and libomp only.               *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include <stdint.h>
#include <string.h>

/* A bfloat16 is returned in the low 16 bits of the first floating-point
 * register (x86-64 xmm0, AArch64 v0), exactly where a float whose bit
 * pattern is those 16 bits lands; the C compilers we build with need not
 * know __bf16 (GCC 12 does not). */
static float bfloat16Result(uint16_t bits) {
  uint32_t word = bits;
  float result;
  memcpy(&result, &word, sizeof(result));
  return result;
}

/* Round to nearest even; NaNs stay (quiet) NaNs. */
static uint16_t floatToBFloat16(float value) {
  uint32_t bits;
  memcpy(&bits, &value, sizeof(bits));
  if ((bits & 0x7fffffffu) > 0x7f800000u)
    return (uint16_t)((bits >> 16) | 0x40u);
  return (uint16_t)((bits + 0x7fffu + ((bits >> 16) & 1u)) >> 16);
}

float __truncsfbf2(float value) {
  return bfloat16Result(floatToBFloat16(value));
}

float __truncdfbf2(double value) {
  /* Through float with round-to-odd, so that the second rounding (to
   * bfloat16, 16 bits shorter) is the correctly rounded one. */
  float narrow = (float)value;
  if (value == value && (double)narrow != value) {
    uint32_t bits;
    memcpy(&bits, &narrow, sizeof(bits));
    double magnitude = value < 0 ? -value : value;
    double narrowMagnitude = narrow < 0 ? -(double)narrow : (double)narrow;
    if (narrowMagnitude > magnitude)
      bits -= 1; /* the neighbour towards zero */
    bits |= 1u;
    memcpy(&narrow, &bits, sizeof(bits));
  }
  return bfloat16Result(floatToBFloat16(narrow));
}
