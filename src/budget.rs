//! Bounds on a read: one deadline for every query a command runs, and a ceiling on the process's
//! memory. A watchdog thread cancels the queries' [`CancellationToken`] when either is passed, so
//! an evaluation that grows without end stops with a clear error instead of exhausting the machine.
//!
//! A command installs one budget ([`ReadBudget::install`]) and every query of [`crate::query`] then
//! runs under it; without one, a query runs unbounded unless it is given its own timeout.

use oxigraph::sparql::CancellationToken;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// How often the watchdog looks at the clock and the memory.
const POLL: Duration = Duration::from_millis(20);

/// Which bound a read passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LimitExceeded {
    #[error("the read ran past its time limit of {} and was cancelled (raise it with --timeout)", seconds(*.0))]
    Time(Duration),
    #[error("the read used more than {} of memory and was cancelled (raise the ceiling with --max-memory)", bytes(*.0))]
    Memory(u64),
}

fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 && s.fract() == 0.0 {
        format!("{s:.0} s")
    } else {
        format!("{s:.3} s")
    }
}

/// A byte count in binary units.
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

struct Inner {
    token: CancellationToken,
    exceeded: Mutex<Option<LimitExceeded>>,
    finished: AtomicBool,
}

/// A deadline and a memory ceiling shared by the queries of one command.
#[derive(Clone)]
pub struct ReadBudget {
    inner: Arc<Inner>,
}

static INSTALLED: RwLock<Option<ReadBudget>> = RwLock::new(None);

impl ReadBudget {
    /// Starts the clock now. `timeout` and `max_memory` (bytes of resident memory of the process)
    /// are each optional.
    pub fn start(timeout: Option<Duration>, max_memory: Option<u64>) -> Self {
        let inner = Arc::new(Inner { token: CancellationToken::new(), exceeded: Mutex::new(None), finished: AtomicBool::new(false) });
        if timeout.is_some() || max_memory.is_some() {
            let watched = Arc::clone(&inner);
            let started = Instant::now();
            std::thread::spawn(move || watch(&watched, started, timeout, max_memory));
        }
        ReadBudget { inner }
    }

    /// Makes this the budget of every query run from now on (until the process ends or another is
    /// installed).
    pub fn install(&self) {
        *INSTALLED.write().unwrap_or_else(|e| e.into_inner()) = Some(self.clone());
    }

    /// The installed budget, if any.
    pub fn installed() -> Option<ReadBudget> {
        INSTALLED.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The token the queries under this budget are cancelled with.
    pub fn token(&self) -> CancellationToken {
        self.inner.token.clone()
    }

    /// The bound passed, once one was.
    pub fn exceeded(&self) -> Option<LimitExceeded> {
        *self.inner.exceeded.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Stops the watchdog (it also stops when every clone of the budget is gone).
    pub fn finish(&self) {
        self.inner.finished.store(true, Ordering::Relaxed);
    }
}

fn watch(inner: &Arc<Inner>, started: Instant, timeout: Option<Duration>, max_memory: Option<u64>) {
    loop {
        // Only the watchdog holds the last reference: the budget is gone.
        if inner.finished.load(Ordering::Relaxed) || Arc::strong_count(inner) == 1 {
            return;
        }
        let passed = match (timeout, max_memory) {
            (Some(t), _) if started.elapsed() >= t => Some(LimitExceeded::Time(t)),
            (_, Some(m)) if resident_memory().is_some_and(|used| used > m) => Some(LimitExceeded::Memory(m)),
            _ => None,
        };
        if let Some(limit) = passed {
            *inner.exceeded.lock().unwrap_or_else(|e| e.into_inner()) = Some(limit);
            inner.token.cancel();
            return;
        }
        std::thread::sleep(POLL.min(timeout.unwrap_or(POLL)));
    }
}

/// The process's resident memory in bytes (Linux), `None` where it cannot be read.
pub fn resident_memory() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// Half of the machine's memory: the default ceiling of a read.
pub fn default_max_memory() -> Option<u64> {
    let meminfo = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = meminfo.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024 / 2)
}

/// Reads a size such as `4G`, `512M`, `2GiB` or `1000000` (bytes).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let value: f64 = number.parse().map_err(|_| format!("{text:?} is not a size (try 4G or 512M)"))?;
    let scale: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        "t" | "tb" | "tib" => 1 << 40,
        _ => return Err(format!("{text:?}: unknown unit (use K, M, G or T)")),
    };
    let bytes = value * scale as f64;
    if !bytes.is_finite() || bytes < 1.0 || bytes > u64::MAX as f64 {
        return Err(format!("{text:?} is not a usable size"));
    }
    Ok(bytes as u64)
}

/// Reads a time limit in seconds (`30`, `0.5`); `0`, `none` or `off` mean no limit.
pub fn parse_timeout(text: &str) -> Result<Option<Duration>, String> {
    let t = text.trim().trim_end_matches('s');
    if matches!(t, "none" | "off" | "0") {
        return Ok(None);
    }
    let value: f64 = t.parse().map_err(|_| format!("{text:?} is not a number of seconds"))?;
    if !value.is_finite() || value <= 0.0 || value > 1e9 {
        return Err(format!("{text:?}: give a number of seconds between 0.001 and 1e9, or 0 for no limit"));
    }
    Ok(Some(Duration::from_secs_f64(value.max(0.001))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deadline_cancels_and_says_so() {
        let b = ReadBudget::start(Some(Duration::from_millis(10)), None);
        std::thread::sleep(Duration::from_millis(200));
        assert!(b.token().is_cancelled());
        assert_eq!(b.exceeded(), Some(LimitExceeded::Time(Duration::from_millis(10))));
        assert!(b.exceeded().unwrap().to_string().contains("0.010 s"));
    }

    #[test]
    fn the_memory_ceiling_cancels() {
        let b = ReadBudget::start(None, Some(1));
        std::thread::sleep(Duration::from_millis(200));
        assert_eq!(b.exceeded(), Some(LimitExceeded::Memory(1)));
        let free = ReadBudget::start(Some(Duration::from_secs(100)), Some(u64::MAX));
        std::thread::sleep(Duration::from_millis(50));
        assert!(!free.token().is_cancelled() && free.exceeded().is_none());
    }

    #[test]
    fn sizes_and_timeouts_parse_or_are_refused() {
        assert_eq!(parse_size("4G"), Ok(4 << 30));
        assert_eq!(parse_size("512 MiB"), Ok(512 << 20));
        assert_eq!(parse_size("1.5k"), Ok(1536));
        for bad in ["", "G", "-1G", "4X", "1e400"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_timeout("30"), Ok(Some(Duration::from_secs(30))));
        assert_eq!(parse_timeout("0"), Ok(None));
        for bad in ["inf", "1e300", "-5", "NaN", "abc"] {
            assert!(parse_timeout(bad).is_err(), "{bad}");
        }
        assert_eq!(bytes(3 << 30), "3.0 GiB");
    }
}
