//! The case-count scale for the property tests (`PYRT_TEST_CASES_SCALE`, else
//! `PYRT_TEST_SCALE`: a factor in `(0, 1]`, default 1), so they finish under valgrind
//! (`scripts/sanitizers.sh`). A scaled run is announced on stderr (shown with
//! `--nocapture`), never silent; the generator-coverage thresholds the tests assert
//! shrink with the case count.
#![allow(dead_code)]

/// The fewest cases a scaled property test runs.
const MIN_CASES: u32 = 16;

/// `full` scaled by `PYRT_TEST_CASES_SCALE`, or when that is unset by
/// `PYRT_TEST_SCALE` (at least [`MIN_CASES`], at most `full`).
pub fn cases(full: u32) -> u32 {
    let factor = std::env::var("PYRT_TEST_CASES_SCALE")
        .or_else(|_| std::env::var("PYRT_TEST_SCALE"))
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|f| *f > 0.0 && *f < 1.0);
    match factor {
        Some(f) => {
            let n = ((full as f64 * f) as u32).clamp(MIN_CASES.min(full), full);
            eprintln!("PYRT_TEST_SCALE={f}: {n} cases instead of {full}");
            n
        }
        None => full,
    }
}

/// A coverage threshold set for `full` cases, for a run of `ran` cases: proportional,
/// halved when scaled down (few cases vary more), at least 1.
pub fn threshold(at_full: usize, ran: u32, full: u32) -> usize {
    if ran >= full {
        return at_full;
    }
    ((at_full as u64 * ran as u64 / full as u64 / 2) as usize).max(1)
}
