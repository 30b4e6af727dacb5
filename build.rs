//! Build script: writes the data files the crate embeds (`data/**`) into `$OUT_DIR/data/`
//! without their comment lines (lines whose first character is `#`), so the documentation in the
//! data files costs nothing in the wasm download (3.8 KB gzipped). Every parser already skips
//! those lines, so the embedded tables are the same; the crate embeds them with its
//! `data_file!` macro (src/lib.rs) instead of `include_str!`. The files under `data/` stay the
//! source of truth, comments and all.

use std::path::Path;
use std::{env, fs};

fn main() {
    let out = Path::new(&env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("data");
    copy_dir(Path::new("data"), &out);
    // Cargo scans the whole directory for changes (an added, edited or retrained file).
    println!("cargo:rerun-if-changed=data");
}

/// Copies every file of `from` (recursively) to `to`, dropping its `#` comment lines.
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create the data copy's directory");
    for entry in fs::read_dir(from).expect("read data/") {
        let path = entry.expect("read data/").path();
        let dest = to.join(path.file_name().expect("a file name"));
        if path.is_dir() {
            copy_dir(&path, &dest);
        } else {
            let text = fs::read_to_string(&path).expect("data files are UTF-8");
            let kept: String = text
                .split_inclusive('\n')
                .filter(|line| !line.starts_with('#'))
                .collect();
            // Only rewrite a changed copy, so an unchanged file keeps its time stamp.
            if fs::read_to_string(&dest).ok().as_deref() != Some(kept.as_str()) {
                fs::write(&dest, kept).expect("write the data copy");
            }
        }
    }
}
