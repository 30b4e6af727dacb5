//! Analyzes every `.txt` file of a folder `PASSES` times and serializes each result to JSON,
//! like the page's `analyze_json` does: the workload `bench/instructions/run.sh native` counts
//! instructions of (callgrind).
//!
//!     cargo run --release --example analyze_all -- DIR [PASSES] [REFERENCE_DATE]

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: analyze_all DIR [PASSES] [REFERENCE_DATE]");
        return ExitCode::from(2);
    };
    let passes: usize = match args.next().map(|s| s.parse()) {
        None => 1,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("analyze_all: PASSES: {e}");
            return ExitCode::from(2);
        }
    };
    let options = presslens::Options {
        reference_date: args.next(),
        ..presslens::Options::default()
    };
    let mut paths: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(e) => {
            eprintln!("analyze_all: cannot read {dir}: {e}");
            return ExitCode::FAILURE;
        }
    };
    paths.sort();
    let mut texts = Vec::with_capacity(paths.len());
    for p in &paths {
        match std::fs::read_to_string(p) {
            Ok(t) => texts.push(t),
            Err(e) => {
                eprintln!("analyze_all: cannot read {}: {e}", p.display());
                return ExitCode::FAILURE;
            }
        }
    }
    let mut bytes = 0;
    for _ in 0..passes {
        for t in &texts {
            let json = serde_json::to_string(&presslens::analyze(t, &options));
            bytes += json.map_or(0, |j| j.len());
        }
    }
    eprintln!(
        "analyze_all: {} texts x {passes} passes, {bytes} bytes of JSON",
        texts.len()
    );
    ExitCode::SUCCESS
}
