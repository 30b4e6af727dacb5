//! The presslens command line: analyze pasted articles from files or standard input.
//!
//! `presslens [--format json|body|markdown] [--today YYYY-MM-DD] [--out-dir DIR] FILE... | -`
//!
//! `presslens compare [--format json|markdown] [--today YYYY-MM-DD] FILE FILE...` compares
//! several articles (see `presslens::compare`) and prints one comparison.
//!
//! Errors (unreadable file, not UTF-8, empty input, input over 50 MB, bad flag) are one-line
//! messages on stderr with exit code 1 (2 for usage errors); nothing panics. A reader that stops
//! reading (`presslens page.txt | head`) ends the program quietly with exit code 0.

use presslens::limits::{self, InputTooLarge};
use presslens::{analyze, report, Analysis, Options};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: presslens [--format json|body|markdown] [--today YYYY-MM-DD] [--out-dir DIR] FILE... | -\n       presslens compare [--format json|markdown] [--today YYYY-MM-DD] FILE FILE...";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Body,
    Markdown,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Body => "txt",
            Format::Markdown => "md",
        }
    }

    fn render(self, a: &Analysis) -> String {
        match self {
            Format::Json => {
                let mut s = serde_json::to_string_pretty(a)
                    .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialize: {e}\"}}"));
                s.push('\n');
                s
            }
            Format::Body => {
                let mut s = a.body.clone();
                s.push('\n');
                s
            }
            Format::Markdown => report::to_markdown(a),
        }
    }
}

struct Args {
    format: Format,
    out_dir: Option<PathBuf>,
    options: Options,
    inputs: Vec<String>,
}

fn parse_args(argv: Vec<String>) -> Result<Args, String> {
    let mut args = Args {
        format: Format::Json,
        out_dir: None,
        options: Options::default(),
        inputs: Vec::new(),
    };
    let mut it = argv.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--format" => {
                args.format = match it.next().as_deref() {
                    Some("json") => Format::Json,
                    Some("body") => Format::Body,
                    Some("markdown") | Some("md") => Format::Markdown,
                    other => {
                        return Err(format!(
                            "--format takes json, body or markdown, not {}",
                            other.unwrap_or("nothing")
                        ))
                    }
                }
            }
            "--out-dir" => {
                args.out_dir = Some(PathBuf::from(it.next().ok_or("--out-dir needs a folder")?))
            }
            "--today" => {
                args.options.reference_date = Some(it.next().ok_or("--today needs a date")?)
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => args.inputs.push(a),
        }
    }
    if args.inputs.is_empty() {
        return Err("no input: give one or more files, or - for standard input".into());
    }
    Ok(args)
}

/// Reads one input (a path or `-` for stdin) as UTF-8 text, with a clear error message.
/// Refuses inputs over [`limits::MAX_INPUT_BYTES`] without reading more than one byte past it.
fn read_input(name: &str) -> Result<String, String> {
    let mut buf = Vec::new();
    // Read at most one byte past the limit, so a huge file or an endless pipe is never held whole.
    let cap = limits::MAX_INPUT_BYTES as u64 + 1;
    if name == "-" {
        std::io::stdin()
            .take(cap)
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        let file = std::fs::File::open(name).map_err(|e| format!("cannot read {name}: {e}"))?;
        if let Ok(meta) = file.metadata() {
            if meta.len() > limits::MAX_INPUT_BYTES as u64 {
                let bytes = usize::try_from(meta.len()).unwrap_or(usize::MAX);
                return Err(format!("{name}: {}", InputTooLarge { bytes }));
            }
        }
        file.take(cap)
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read {name}: {e}"))?;
    }
    if buf.len() > limits::MAX_INPUT_BYTES {
        // Only a pipe gets here (a file's size was checked above): its true size is unknown.
        return Err(format!(
            "{name}: the input is larger than {} MB, the most presslens accepts: paste one article at a time",
            limits::MAX_INPUT_BYTES / (1024 * 1024)
        ));
    }
    let text = String::from_utf8(buf).map_err(|e| {
        format!(
            "{name} is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    if text.trim().is_empty() {
        return Err(format!("{name} is empty: nothing to analyze"));
    }
    Ok(text)
}

fn run(args: Args) -> Result<(), String> {
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    for name in &args.inputs {
        let text = read_input(name)?;
        let analysis = analyze(&text, &args.options);
        let rendered = args.format.render(&analysis);
        match &args.out_dir {
            Some(dir) => {
                let stem = if name == "-" {
                    "stdin".to_string()
                } else {
                    Path::new(name)
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_else(|| "input".into())
                };
                let path = dir.join(format!("{stem}.{}", args.format.extension()));
                std::fs::write(&path, rendered)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
            None => print_out(&rendered)?,
        }
    }
    Ok(())
}

/// What `presslens compare` was asked to do.
struct CompareArgs {
    markdown: bool,
    options: Options,
    files: Vec<String>,
}

/// Reads `presslens compare`'s arguments; `Err` is a usage error's message.
fn parse_compare_args(argv: Vec<String>) -> Result<CompareArgs, String> {
    let mut markdown = false;
    let mut options = Options::default();
    let mut files = Vec::new();
    let mut it = argv.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => {
                markdown = match it.next().as_deref() {
                    Some("json") => false,
                    Some("markdown") | Some("md") => true,
                    other => {
                        return Err(format!(
                            "compare --format takes json or markdown, not {}",
                            other.unwrap_or("nothing")
                        ))
                    }
                }
            }
            "--today" => options.reference_date = Some(it.next().ok_or("--today needs a date")?),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => files.push(a),
        }
    }
    if files.len() < 2 {
        return Err("compare needs two files or more".into());
    }
    Ok(CompareArgs {
        markdown,
        options,
        files,
    })
}

/// `presslens compare`: analyzes every file, compares them, prints the comparison.
fn run_compare(args: CompareArgs) -> Result<(), String> {
    let CompareArgs {
        markdown,
        options,
        files,
    } = args;
    let mut analyses = Vec::with_capacity(files.len());
    for name in &files {
        analyses.push(analyze(&read_input(name)?, &options));
    }
    let comparison = presslens::compare(&analyses);
    if markdown {
        let names: Vec<String> = files
            .iter()
            .map(|f| {
                Path::new(f)
                    .file_name()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| f.clone())
            })
            .collect();
        print_out(&presslens::compare::markdown::to_markdown(
            &comparison,
            &names,
        ))
    } else {
        let mut s = serde_json::to_string_pretty(&comparison)
            .map_err(|e| format!("cannot serialize the comparison: {e}"))?;
        s.push('\n');
        print_out(&s)
    }
}

/// Writes `s` to standard output. A reader that went away (`presslens … | head`) is not an
/// error: the program ends at once with exit code 0, as a Unix tool stopped by SIGPIPE does,
/// instead of panicking the way `print!` would. Any other write error is an `Err` message.
fn print_out(s: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(format!("cannot write to standard output: {e}")),
    }
}

/// Prints a usage error and the usage; exit code 2.
fn usage_error(msg: &str) -> ExitCode {
    if !msg.is_empty() {
        eprintln!("presslens: {msg}");
    }
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// Prints a run error (unreadable input, input too large, …); exit code 1.
fn run_result(r: Result<(), String>) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("presslens: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let mut argv: Vec<String> = std::env::args().skip(1).collect();
    if argv.first().map(String::as_str) == Some("compare") {
        argv.remove(0);
        return match parse_compare_args(argv) {
            Ok(args) => run_result(run_compare(args)),
            Err(msg) => usage_error(&msg),
        };
    }
    match parse_args(argv) {
        Ok(args) => run_result(run(args)),
        Err(msg) => usage_error(&msg),
    }
}
