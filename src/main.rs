//! The `vitrine` command: parses arguments, runs the library, prints the
//! problems and sets the exit code (0 ok, 1 content errors, 2 usage or I/O).
//! Everything but the allocator is in [`cli`].

mod cli;

use std::process::ExitCode;

/// Rendering allocates many small strings and maps; mimalloc does this
/// noticeably faster than the system allocator (see benches/README.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in the `mi_option_t` enum of the mimalloc that
/// libmimalloc-sys 0.1.49 builds (v3, `c_src/mimalloc/v3/include/mimalloc.h`);
/// the crate names no constant for it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
/// Its default there, in milliseconds (`c_src/mimalloc/v3/src/options.c`).
const MI_DEFAULT_PURGE_DELAY: std::ffi::c_long = 1000;

/// Tells mimalloc to keep the memory it has instead of giving it back to
/// the system a second after it was freed. A build frees and allocates all
/// the time (each page's values and HTML), and memory given back comes back
/// zeroed by the kernel, 2 MiB at a time: 12 times fewer page faults and
/// 7-10% less CPU time for two languages at 10,000 MOOCs (benches/README.md).
/// Peak memory is unchanged; `vitrine serve` keeps its peak between
/// rebuilds instead of shrinking. `MIMALLOC_PURGE_DELAY` in the environment
/// still wins, and nothing is set unless the option reads mimalloc's
/// default (a later mimalloc with another enum order is left alone).
fn keep_freed_memory() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: reads and sets a mimalloc option at the start of `main`,
    // before any other thread exists (these calls are not thread-safe).
    unsafe {
        if libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) == MI_DEFAULT_PURGE_DELAY {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1);
        }
    }
}
fn main() -> ExitCode {
    keep_freed_memory();
    cli::main()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The option `keep_freed_memory` sets is mimalloc's purge delay: the
    /// only option whose default is 1000 (ms), and it is at our index.
    #[test]
    fn the_purge_delay_option_is_where_we_set_it() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        // SAFETY: reads an option (tests may run on several threads, but
        // nothing else touches mimalloc's options).
        let value = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(value, MI_DEFAULT_PURGE_DELAY, "mimalloc's options moved: see keep_freed_memory");
    }
}
