//! A parallel map whose results come out in input order, through a bounded window.
//!
//! The calling thread and all but one of the pool's threads take items one at a time from a
//! shared iterator and may run at most `window` items ahead of the oldest result not yet
//! handed on. The calling thread puts the results back in order and hands each on as soon as
//! all before it are, between items of its own. So output starts at once, is the same
//! whatever the number of threads, and at most `window` results (and the items being worked
//! on) are held at any time, however long the input. Nobody sleeps or is woken per item: the
//! calling thread waits only when the window is full or the items are all taken, and a
//! worker only when the window is full.

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
    /// The iterator is spent (or everyone must stop).
    done: bool,
    /// Workers waiting for room in the window.
    waiting: usize,
}

/// What a thread gets when it asks for an item.
enum Take<T> {
    /// The item and its sequence number.
    Item(usize, T),
    /// The window is full.
    Full,
    /// The items are spent, or everyone must stop.
    Spent,
}

impl<I: Iterator> Shared<I> {
    fn take(&mut self, window: usize) -> Take<I::Item> {
        if self.done {
            return Take::Spent;
        }
        if self.taken >= self.emitted + window {
            return Take::Full;
        }
        match self.items.next() {
            Some(item) => {
                self.taken += 1;
                Take::Item(self.taken - 1, item)
            }
            None => {
                self.done = true;
                Take::Spent
            }
        }
    }
}

/// Maps `items` with `work` on the calling thread and the pool's and calls `emit` with each
/// result, in the order of `items`, on the calling thread. When `emit` breaks (its reader went
/// away), no more items are taken and the results still under way are dropped.
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
        waiting: 0,
    });
    let room = Condvar::new();
    let lock = || shared.lock().unwrap_or_else(|e| e.into_inner());
    // A panic must not leave the others waiting for its result: stop them all, and the
    // scope passes the panic on.
    let guarded = |item: T| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(item))).unwrap_or_else(|panic| {
            lock().done = true;
            room.notify_all();
            std::panic::resume_unwind(panic)
        })
    };
    let (send, receive) = mpsc::channel::<(usize, R)>();
    pool.in_place_scope(|scope| {
        for _ in 1..pool.current_num_threads() {
            let send = send.clone();
            let (lock, room, guarded) = (&lock, &room, &guarded);
            scope.spawn(move |_| {
                loop {
                    let (seq, item) = {
                        let mut state = lock();
                        loop {
                            match state.take(window) {
                                Take::Item(seq, item) => break (seq, item),
                                Take::Full => {
                                    state.waiting += 1;
                                    state = room.wait(state).unwrap_or_else(|e| e.into_inner());
                                    state.waiting -= 1;
                                }
                                Take::Spent => return,
                            }
                        }
                    };
                    if send.send((seq, guarded(item))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(send);
        let mut pending = BTreeMap::new();
        let mut next = 0;
        let mut stop = false;
        loop {
            while let Ok((seq, result)) = receive.try_recv() {
                pending.insert(seq, result);
            }
            let before = next;
            while !stop && let Some(result) = pending.remove(&next) {
                next += 1;
                stop = emit(result).is_break();
            }
            let (taken, all_handed_on) = {
                let mut state = lock();
                state.emitted = next;
                state.done |= stop;
                if (next > before || stop) && state.waiting > 0 {
                    room.notify_all();
                }
                if stop {
                    break;
                }
                (state.take(window), state.taken == next)
            };
            match taken {
                Take::Item(seq, item) => {
                    pending.insert(seq, guarded(item));
                }
                Take::Spent if all_handed_on => break,
                // Only the workers can make progress now.
                Take::Full | Take::Spent => match receive.recv() {
                    Ok((seq, result)) => {
                        pending.insert(seq, result);
                    }
                    // The workers are gone: one of them panicked, and the scope says so.
                    Err(_) => break,
                },
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
    fn a_panic_in_any_thread_is_passed_on_and_nobody_is_left_waiting() {
        for threads in [1, 2, 4] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                map(
                    &pool,
                    2,
                    0..1000u32,
                    |n| {
                        assert_ne!(n, 37, "item 37 fails");
                        n
                    },
                    |_| ControlFlow::Continue(()),
                );
            }));
            assert!(outcome.is_err(), "{threads} threads: the panic was lost");
        }
    }

    #[test]
    fn the_calling_thread_and_the_workers_share_the_items() {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(3).build().unwrap();
        let seen = Mutex::new(std::collections::HashSet::new());
        let mut out = Vec::new();
        map(
            &pool,
            8,
            0..300u32,
            |n| {
                seen.lock().unwrap().insert(std::thread::current().id());
                std::thread::sleep(std::time::Duration::from_micros(100));
                n
            },
            |n| {
                out.push(n);
                ControlFlow::Continue(())
            },
        );
        assert_eq!(out, (0..300).collect::<Vec<_>>());
        let seen = seen.into_inner().unwrap();
        assert!(
            seen.contains(&std::thread::current().id()),
            "the caller did no work"
        );
        assert_eq!(seen.len(), 3, "one worker per thread but the caller's");
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
