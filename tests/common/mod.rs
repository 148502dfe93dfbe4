//! Helpers shared by the integration tests.

/// Runs the real `caucasus-atlas` binary; returns (exit code, stdout, stderr).
pub fn atlas(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_caucasus-atlas"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}
