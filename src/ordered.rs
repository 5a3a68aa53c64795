//! A parallel map whose results come out in input order, through a bounded window.
//!
//! Workers take items one at a time from a shared iterator and may run at most `window`
//! items ahead of the oldest result not yet handed on; the calling thread puts the results
//! back in order and hands each on as soon as all before it are. So output starts at once,
//! is the same whatever the number of threads, and at most `window` results (and the items
//! being worked on) are held at any time, however long the input.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

struct Shared<I> {
    items: I,
    /// Sequence number of the next item taken.
    taken: usize,
    /// Results handed on so far.
    emitted: usize,
    /// The iterator is spent (or a worker must stop).
    done: bool,
}

/// Maps `items` with `work` on the pool's threads and calls `emit` with each result, in the
/// order of `items`, on the calling thread. When `emit` breaks (its reader went away), no
/// more items are taken and the results still under way are dropped.
pub fn map<I, T, R>(
    pool: &rayon::ThreadPool,
    window: usize,
    items: I,
    work: impl Fn(T) -> R + Sync,
    mut emit: impl FnMut(R) -> ControlFlow<()>,
) where
    I: Iterator<Item = T> + Send,
    T: Send,
    R: Send,
{
    let window = window.max(1);
    let shared = Mutex::new(Shared {
        items,
        taken: 0,
        emitted: 0,
        done: false,
    });
    let room = Condvar::new();
    let (send, receive) = mpsc::channel::<(usize, R)>();
    pool.in_place_scope(|scope| {
        for _ in 0..pool.current_num_threads() {
            let send = send.clone();
            let (shared, room, work) = (&shared, &room, &work);
            scope.spawn(move |_| {
                loop {
                    let (seq, item) = {
                        let mut state = shared.lock().unwrap_or_else(|e| e.into_inner());
                        while !state.done && state.taken >= state.emitted + window {
                            state = room.wait(state).unwrap_or_else(|e| e.into_inner());
                        }
                        if state.done {
                            return;
                        }
                        match state.items.next() {
                            Some(item) => {
                                state.taken += 1;
                                (state.taken - 1, item)
                            }
                            None => {
                                state.done = true;
                                room.notify_all();
                                return;
                            }
                        }
                    };
                    // A panic must not leave the others waiting for its result: stop them all,
                    // and the scope passes the panic on.
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(item)));
                    let result = match result {
                        Ok(result) => result,
                        Err(panic) => {
                            shared.lock().unwrap_or_else(|e| e.into_inner()).done = true;
                            room.notify_all();
                            std::panic::resume_unwind(panic);
                        }
                    };
                    if send.send((seq, result)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(send);
        let mut pending = BTreeMap::new();
        let mut next = 0;
        let mut stopped = false;
        for (seq, result) in &receive {
            if stopped {
                continue;
            }
            pending.insert(seq, result);
            let before = next;
            while let Some(result) = pending.remove(&next) {
                next += 1;
                if emit(result).is_break() {
                    stopped = true;
                    pending.clear();
                    break;
                }
            }
            if next > before {
                let mut state = shared.lock().unwrap_or_else(|e| e.into_inner());
                state.emitted = next;
                state.done |= stopped;
                room.notify_all();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_come_in_order_and_the_window_holds() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(4).build().unwrap();
        let in_flight = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let mut out = Vec::new();
        map(
            &pool,
            3,
            0..200u32,
            |n| {
                let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                // Later items finish first, so that results arrive out of order.
                std::thread::sleep(std::time::Duration::from_micros(u64::from(200 - n) % 7 * 50));
                in_flight.fetch_sub(1, Ordering::SeqCst);
                n * 2
            },
            |r| {
                out.push(r);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(out, (0..200).map(|n| n * 2).collect::<Vec<_>>());
        assert!(most.load(Ordering::SeqCst) <= 3);
    }

    #[test]
    fn a_break_stops_taking_items() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let worked = AtomicUsize::new(0);
        let mut out = Vec::new();
        map(
            &pool,
            4,
            0..100_000u32,
            |n| {
                worked.fetch_add(1, Ordering::SeqCst);
                n
            },
            |n| {
                out.push(n);
                if n == 9 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert_eq!(out, (0..10).collect::<Vec<_>>());
        assert!(worked.load(Ordering::SeqCst) < 100);
    }

    #[test]
    fn an_empty_input_emits_nothing() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let mut count = 0;
        map(
            &pool,
            4,
            std::iter::empty::<u8>(),
            |n| n,
            |_| {
                count += 1;
                ControlFlow::Continue(())
            },
        );
        assert_eq!(count, 0);
    }
}
