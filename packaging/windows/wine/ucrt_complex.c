/* The C99 complex functions of the Universal CRT that Wine 8's ucrtbase.dll only stubs.
 *
 * numpy >= 2.2.2 calls crealf, cexp, cpow ... from ucrtbase (through api-ms-win-crt-math-l1-1-0);
 * Wine 8 exports them as stubs that abort ("unimplemented function ucrtbase.dll.crealf").
 * The bridge ucrtbase.dll (ucrtbase.def, made by bridges.sh) exports these and forwards every
 * other export to Wine's own ucrtbase, copied as ucrtwine.dll. Test-only: installed into the
 * check's Wine prefix, never into the bundle (see README.md).
 *
 * ABI: the UCRT's _Dcomplex/_Fcomplex/_Lcomplex are structs of two doubles/floats/long doubles,
 * and MSVC's long double is a double. Plain structs give the MSVC x64 calling convention in gcc
 * too (16-byte structs by reference and returned through a hidden pointer, 8-byte ones in RAX),
 * so every function takes and returns structs and computes with gcc's complex double.
 */
#include <complex.h>
#include <math.h>

/* mingw-w64 10 has no CMPLX macro */
static double complex make(double re, double im) { double complex z; __real__ z = re; __imag__ z = im; return z; }

typedef struct { double v[2]; } D;
typedef struct { float v[2]; } F;

static double complex dz(D z) { return make(z.v[0], z.v[1]); }
static double complex fz(F z) { return make((double)z.v[0], (double)z.v[1]); }
static D dr(double complex z) { D r = {{creal(z), cimag(z)}}; return r; }
static F fr(double complex z) { F r = {{(float)creal(z), (float)cimag(z)}}; return r; }

#define UNARY(name)                                                  \
    D name##_b(D z) { return dr(name(dz(z))); }                      \
    F name##f_b(F z) { return fr(name(fz(z))); }                     \
    D name##l_b(D z) { return dr(name(dz(z))); }

UNARY(cacos) UNARY(cacosh) UNARY(casin) UNARY(casinh) UNARY(catan) UNARY(catanh)
UNARY(ccos) UNARY(ccosh) UNARY(cexp) UNARY(clog) UNARY(csin) UNARY(csinh)
UNARY(csqrt) UNARY(ctan) UNARY(ctanh) UNARY(cproj) UNARY(conj)

D cpow_b(D a, D b) { return dr(cpow(dz(a), dz(b))); }
F cpowf_b(F a, F b) { return fr(cpow(fz(a), fz(b))); }
D cpowl_b(D a, D b) { return dr(cpow(dz(a), dz(b))); }

double cabs_b(D z) { return cabs(dz(z)); }
float cabsf_b(F z) { return (float)cabs(fz(z)); }
double cabsl_b(D z) { return cabs(dz(z)); }
double carg_b(D z) { return carg(dz(z)); }
float cargf_b(F z) { return (float)carg(fz(z)); }
double cargl_b(D z) { return carg(dz(z)); }
double creal_b(D z) { return z.v[0]; }
float crealf_b(F z) { return z.v[0]; }
double creall_b(D z) { return z.v[0]; }
double cimag_b(D z) { return z.v[1]; }
float cimagf_b(F z) { return z.v[1]; }
double cimagl_b(D z) { return z.v[1]; }
