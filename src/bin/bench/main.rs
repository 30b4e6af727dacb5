//! The quality and speed bench: `cargo run --release --bin bench -- [BENCH_DIR] [--worst N]
//! [--write-pred DIR] [--meta-misses]`.
//!
//! BENCH_DIR defaults to `../shared/bench`; the seeds are read from `BENCH_DIR/../seeds`.
//! Every figure the README reports is printed by this command.

mod body;
mod common;
mod meta;
mod seeds;

use std::path::PathBuf;
use std::process::ExitCode;

/// Parsed command line.
pub struct Config {
    /// The benchmark folder (`text/`, `ground-truth.json`, …).
    pub bench_dir: PathBuf,
    /// The seeds folder.
    pub seeds_dir: PathBuf,
    /// How many worst pages to list.
    pub worst: usize,
    /// Where to write `<id>.txt` predictions for `score.py`, if anywhere.
    pub write_pred: Option<PathBuf>,
    /// List every metadata miss (`--meta-misses`).
    pub meta_misses: bool,
}

fn parse_args() -> Result<Config, String> {
    let mut bench_dir = PathBuf::from("../shared/bench");
    let mut worst = 10;
    let mut write_pred = None;
    let mut meta_misses = false;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--worst" => {
                worst = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--worst takes a number")?
            }
            "--write-pred" => {
                write_pred = Some(PathBuf::from(
                    it.next().ok_or("--write-pred takes a folder")?,
                ))
            }
            "--meta-misses" => meta_misses = true,
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => bench_dir = PathBuf::from(a),
        }
    }
    let seeds_dir = bench_dir.join("..").join("seeds");
    Ok(Config {
        bench_dir,
        seeds_dir,
        worst,
        write_pred,
        meta_misses,
    })
}

fn main() -> ExitCode {
    let cfg = match parse_args() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("bench: {e}\nusage: bench [BENCH_DIR] [--worst N] [--write-pred DIR] [--meta-misses]");
            return ExitCode::from(2);
        }
    };
    let result = body::run(&cfg)
        .and_then(|()| seeds::run(&cfg))
        .and_then(|()| meta::run(&cfg));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::FAILURE
        }
    }
}
