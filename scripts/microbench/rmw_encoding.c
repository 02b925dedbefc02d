/* Why `gc/incref_decref` trails CPython's identical-looking loop on this host
 * (docs/performance.md, session 4): the same two read-modify-writes of one counter,
 * encoded as `incq/decq` (what rustc/LLVM emits for generic x86-64) or as
 * `addq $1/subq $1` (what gcc emits for CPython's Py_INCREF/Py_DECREF).
 *
 *     gcc -O2 scripts/microbench/rmw_encoding.c -o /tmp/rmw && /tmp/rmw
 *
 * Not part of the test suite: a measurement anyone can rerun (wall clock, so run it
 * on a quiet machine and compare the columns of one line only).
 */
#include <stdio.h>
#include <time.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec*1e9+t.tv_nsec;}
long cell[8] = {5};
long * volatile gp = cell;
int main(){
  long n=300000000;
  for(int rep=0;rep<3;rep++){
  double t0=now();
  for(long i=0;i<n;i++){ long*p=gp; __asm__ volatile("incq (%0)\n\tdecq (%0)"::"r"(p):"memory","cc"); }
  double t1=now();
  for(long i=0;i<n;i++){ long*p=gp; __asm__ volatile("addq $1,(%0)\n\tsubq $1,(%0)"::"r"(p):"memory","cc"); }
  double t2=now();
  for(long i=0;i<n;i++){ long*p=gp; long r; __asm__ volatile("incq (%1)\n\tmovq (%1),%0\n\tsubq $1,%0\n\tmovq %0,(%1)":"=&r"(r):"r"(p):"memory","cc"); }
  double t3=now();
  for(long i=0;i<n;i++){ long*p=gp; __asm__ volatile("addq $1,(%0)\n\tdecq (%0)"::"r"(p):"memory","cc"); }
  double t4=now();
  for(long i=0;i<n;i++){ long*p=gp; __asm__ volatile("incq (%0)\n\tsubq $1,(%0)"::"r"(p):"memory","cc"); }
  double t5=now();
  printf("inc/dec %.3f  add/sub %.3f  inc/ld-sub-st %.3f  add/dec %.3f  inc/sub %.3f\n",(t1-t0)/n,(t2-t1)/n,(t3-t2)/n,(t4-t3)/n,(t5-t4)/n);}
}
