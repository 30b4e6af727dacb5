//! Input-size limits, applied by the front ends (CLI, wasm binding), never by [`crate::analyze`].
//!
//! [`crate::analyze`] is total: it answers every `&str`, however large. But a person who pastes
//! 50 MB by accident (a log file, a whole site) is better served by a clear message than by a
//! tab that freezes for seconds and a result nobody can read, so the CLI and the wasm binding
//! call [`check_input_size`] first and show its message instead of analyzing.
//!
//! Why 50 MB: the largest article of the benchmark is under 100 KB, so 50 MB is 500× any real
//! article; analysis time is linear (the bench's speed section measures it), and peak memory
//! stays a small multiple of the input (also printed by the bench), so 50 MB still fits in a
//! browser tab's memory.

use std::fmt;

/// The largest input, in bytes of UTF-8, that the CLI and the wasm binding accept: 50 MiB.
pub const MAX_INPUT_BYTES: usize = 50 * 1024 * 1024;

/// The input was larger than [`MAX_INPUT_BYTES`]; its `Display` is the message to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputTooLarge {
    /// The input's size in bytes.
    pub bytes: usize,
}

impl fmt::Display for InputTooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the input is {} MB; presslens accepts at most {} MB ({} bytes): paste one article at a time",
            crate::num::fixed(self.bytes as f64 / (1024.0 * 1024.0), 1, false),
            MAX_INPUT_BYTES / (1024 * 1024),
            MAX_INPUT_BYTES
        )
    }
}

impl std::error::Error for InputTooLarge {}

/// Accepts an input of `bytes` bytes (UTF-8 length) if it is at most [`MAX_INPUT_BYTES`];
/// otherwise returns the error whose message the caller shows. Never panics.
pub fn check_input_size(bytes: usize) -> Result<(), InputTooLarge> {
    if bytes > MAX_INPUT_BYTES {
        Err(InputTooLarge { bytes })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_up_to_the_limit_and_rejects_beyond() {
        assert!(check_input_size(0).is_ok());
        assert!(check_input_size(MAX_INPUT_BYTES).is_ok());
        let err = check_input_size(MAX_INPUT_BYTES + 1).unwrap_err();
        assert_eq!(err.bytes, MAX_INPUT_BYTES + 1);
        let msg = err.to_string();
        assert!(msg.contains("at most 50 MB"), "{msg}");
        assert!(msg.contains("50.0 MB"), "{msg}");
        assert!(check_input_size(usize::MAX).is_err());
    }
}
