//! The quality and speed bench: `cargo run --release --bin bench -- [BENCH_DIR] [--worst N]
//! [--write-pred DIR] [--meta-misses] [--only body|seeds|meta|speed|memory|compare|entities] [--strict]
//! [--no-cv] [--verbose] [--dump ID] [--train-title] [--rich-dir DIR]`, and `bench train [BENCH_DIR]`, which
//! regenerates the line model `data/model/lines.tsv` from the bench pages, and
//! `bench train-rich [BENCH_DIR]`, which regenerates the rich line model
//! `data/model/lines_rich.tsv` from the pages' rich conversions (`bash bench/rich/run.sh`).
//!
//! BENCH_DIR defaults to `../shared/bench`; the seeds are read from `BENCH_DIR/../seeds`.
//! Every figure the README reports is printed by this command.

mod align;
mod alloc;
mod body;
mod common;
mod compare;
mod entities;
mod meta;
mod rich;
mod seeds;
mod speed;
mod title_train;
mod train;

/// Counts heap bytes so the speed section can print peak memory (bench binary only).
#[global_allocator]
static ALLOC: alloc::Counting = alloc::Counting;

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
    /// Run only this section (`body`, `seeds`, `meta`, `speed`, `memory` (the memory table of
    /// `speed` with a per-stage breakdown), `compare`, `entities`); all when
    /// `None`.
    pub only: Option<String>,
    /// Exit non-zero when a speed or memory bound is broken (otherwise only printed).
    pub strict: bool,
    /// Whether to run the 5-fold cross-validation of the line model.
    pub cv: bool,
    /// `bench train`: regenerate the model file instead of benchmarking.
    pub train: bool,
    /// Print per-article details (entities missed and added, quotes missed).
    pub verbose: bool,
    /// Fit and print the title weights instead of benchmarking (`--train-title`).
    pub train_title: bool,
    /// `bench train-rich`: regenerate the rich model file instead of benchmarking.
    pub train_rich: bool,
    /// `--dump ID`: print the cross-validated labels of the pages whose id starts with ID.
    pub dump: Option<String>,
    /// Where `bench/rich/run.sh` wrote the rich conversions (`--rich-dir`, default `target/rich`).
    pub rich_dir: PathBuf,
}

fn parse_args() -> Result<Config, String> {
    let mut bench_dir = PathBuf::from("../shared/bench");
    let mut worst = 10;
    let mut write_pred = None;
    let mut meta_misses = false;
    let mut only = None;
    let mut strict = false;
    let mut cv = true;
    let mut train = false;
    let mut verbose = false;
    let mut train_title = false;
    let mut train_rich = false;
    let mut dump = None;
    let mut rich_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/rich");
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
            "--strict" => strict = true,
            "--only" => {
                match it.next().as_deref() {
                    Some(
                        s @ ("body" | "seeds" | "meta" | "speed" | "memory" | "compare"
                        | "entities" | "rich"),
                    ) => only = Some(s.to_string()),
                    _ => return Err(
                        "--only takes body, seeds, meta, speed, memory, compare, entities or rich"
                            .into(),
                    ),
                }
            }
            "--rich-dir" => rich_dir = PathBuf::from(it.next().ok_or("--rich-dir takes a folder")?),
            "train-rich" => train_rich = true,
            "--dump" => dump = Some(it.next().ok_or("--dump takes a page id prefix")?),
            "--no-cv" => cv = false,
            "train" => train = true,
            "--verbose" => verbose = true,
            "--train-title" => train_title = true,
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
        only,
        strict,
        cv,
        train,
        verbose,
        train_title,
        train_rich,
        dump,
        rich_dir,
    })
}

fn main() -> ExitCode {
    let cfg = match parse_args() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("bench: {e}\nusage: bench [BENCH_DIR] [--worst N] [--write-pred DIR] [--meta-misses] [--only body|seeds|meta|speed|memory|compare|entities|rich] [--strict] [--no-cv] [--verbose] [--dump ID] [--train-title] [--rich-dir DIR]\n       bench train [BENCH_DIR]\n       bench train-rich [BENCH_DIR] [--rich-dir DIR]");
            return ExitCode::from(2);
        }
    };
    if cfg.train_title {
        return match title_train::run(&cfg) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("bench: {e}");
                ExitCode::FAILURE
            }
        };
    }
    if cfg.train_rich {
        let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/model/lines_rich.tsv");
        return match rich::train(&cfg, &out) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("bench: {e}");
                ExitCode::FAILURE
            }
        };
    }
    if cfg.train {
        let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/model/lines.tsv");
        let result = common::load_pages(&cfg.bench_dir).and_then(|pages| train::run(&pages, &out));
        return match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("bench: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let wants = |section: &str| cfg.only.as_deref().is_none_or(|o| o == section);
    let mut result = Ok(());
    if wants("body") {
        result = result.and_then(|()| body::run(&cfg));
    }
    if wants("rich") {
        result = result.and_then(|()| rich::run(&cfg));
    }
    if wants("seeds") {
        result = result.and_then(|()| seeds::run(&cfg));
    }
    if wants("meta") {
        result = result.and_then(|()| meta::run(&cfg));
    }
    if wants("speed") {
        result = result.and_then(|()| speed::run(&cfg));
    }
    if cfg.only.as_deref() == Some("memory") {
        result = result.and_then(|()| speed::run_memory(&cfg));
    }
    if wants("compare") {
        result = result.and_then(|()| compare::run(&cfg));
    }
    if wants("entities") {
        result = result.and_then(|()| entities::run(&cfg));
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::FAILURE
        }
    }
}
