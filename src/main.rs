use std::process::ExitCode;

/// Rules allocate small vectors per paragraph on every thread: mimalloc serves those from
/// per-thread pages, where the system allocator takes locks and walks bins.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    newslint::main()
}
