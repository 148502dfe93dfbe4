//! MP4 (H.264) through the system's `ffmpeg`: raw RGB frames are piped to it,
//! and it writes a temporary file in the destination folder that is renamed
//! only once ffmpeg has finished well — an error, a cancel or a signal leaves
//! nothing behind.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};

use super::export::{ExportError, check_destination, sweep_stale_partials, temporary_path};
use super::raster::RgbaImage;

/// The longest tag passed to ffmpeg, in bytes.
const MAX_TAG_BYTES: usize = 100_000;

/// The program's name on PATH.
pub const FFMPEG: &str = "ffmpeg";

/// The `ffmpeg` program on PATH, if there is one.
pub fn find_ffmpeg() -> Option<PathBuf> {
    find_on_path(FFMPEG, std::env::var_os("PATH"))
}

fn find_on_path(name: &str, path: Option<OsString>) -> Option<PathBuf> {
    let path = path?;
    std::env::split_paths(&path)
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// The error when ffmpeg is missing.
pub fn missing_ffmpeg(path: &Path) -> ExportError {
    ExportError(format!(
        "\"{}\" cannot be written: an MP4 needs ffmpeg, and no ffmpeg was found on PATH (install ffmpeg, or write a .gif or .png animation)",
        path.display()
    ))
}

/// An MP4 being written: frames go to ffmpeg's standard input.
pub struct Mp4Writer {
    child: Child,
    stdin: Option<ChildStdin>,
    stderr: Option<std::thread::JoinHandle<String>>,
    tmp: PathBuf,
    path: PathBuf,
    size: (u32, u32),
    /// Hundredths of a second per video frame.
    frame_cs: f32,
    rgb: Vec<u8>,
}

impl Mp4Writer {
    /// Starts ffmpeg for frames of `width × height` at `fps` video frames a
    /// second (a frame held longer is repeated). `metadata` goes into the
    /// file's tags (title, comment, …).
    pub fn start(
        path: &Path,
        (width, height): (u32, u32),
        fps: f32,
        metadata: &[(&str, String)],
    ) -> Result<Mp4Writer, ExportError> {
        check_destination(path)?;
        let ffmpeg = find_ffmpeg().ok_or_else(|| missing_ffmpeg(path))?;
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        sweep_stale_partials(&folder);
        let tmp = temporary_path(path);
        let rate = format!("{}/100", (fps * 100.0).round().max(1.0) as u32);
        let mut command = Command::new(ffmpeg);
        command
            .args(["-hide_banner", "-loglevel", "error", "-nostdin", "-y"])
            .args(["-f", "rawvideo", "-pix_fmt", "rgb24"])
            .args(["-s", &format!("{width}x{height}")])
            .args(["-framerate", &rate, "-i", "pipe:0"]);
        // H.264 in 4:2:0 needs even sides: pad odd ones with the paper colour.
        if width % 2 == 1 || height % 2 == 1 {
            command.args(["-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2:0:0:color=0xF4F1EA"]);
        }
        command.args([
            "-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "medium",
        ]);
        command.args(["-crf", "20", "-movflags", "+faststart"]);
        for (key, value) in metadata {
            // ffmpeg's tags are one line each; control characters would
            // break its option parsing.
            let mut clean: String = value
                .chars()
                .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
                .collect();
            // One argument may hold at most 128 KiB on Linux.
            if clean.len() > MAX_TAG_BYTES {
                clean.truncate(clean.floor_char_boundary(MAX_TAG_BYTES));
                clean.push('…');
            }
            command.arg("-metadata").arg(format!("{key}={clean}"));
        }
        command.args(["-f", "mp4"]).arg(&tmp);
        command
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = command.spawn().map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                missing_ffmpeg(path)
            } else {
                ExportError(format!(
                    "\"{}\" cannot be written: ffmpeg could not be started ({e})",
                    path.display()
                ))
            }
        })?;
        let stdin = child.stdin.take();
        // Read ffmpeg's messages as they come, so it never blocks on a full pipe.
        let stderr = child.stderr.take().map(|mut pipe| {
            std::thread::spawn(move || {
                let mut text = String::new();
                let _ = pipe.read_to_string(&mut text);
                text
            })
        });
        Ok(Mp4Writer {
            child,
            stdin,
            stderr,
            tmp,
            path: path.to_path_buf(),
            size: (width, height),
            frame_cs: 100.0 / fps,
            rgb: Vec::with_capacity((width * height * 3) as usize),
        })
    }

    /// Adds a frame shown for `delay` hundredths of a second (as a whole
    /// number of video frames, at least one).
    // `chunks_exact(4)` yields four bytes, so the first three are there.
    #[allow(clippy::indexing_slicing)]
    pub fn push(&mut self, image: &RgbaImage, delay: u16) -> Result<(), ExportError> {
        if (image.width, image.height) != self.size {
            return Err(ExportError(format!(
                "a frame of {}×{} pixels does not fit an MP4 of {}×{}",
                image.width, image.height, self.size.0, self.size.1
            )));
        }
        self.rgb.clear();
        for px in image.pixels.chunks_exact(4) {
            self.rgb.extend_from_slice(&px[..3]);
        }
        let repeat = (delay as f32 / self.frame_cs).round().max(1.0) as usize;
        let Some(stdin) = self.stdin.as_mut() else {
            return Err(self.failure("its input was closed"));
        };
        for _ in 0..repeat {
            if let Err(e) = stdin.write_all(&self.rgb) {
                return Err(self.failure(&e.to_string()));
            }
        }
        Ok(())
    }

    /// ffmpeg's own words if it said any, else `what`.
    fn failure(&mut self, what: &str) -> ExportError {
        self.stdin = None;
        let _ = self.child.wait();
        let said = self
            .stderr
            .take()
            .and_then(|h| h.join().ok())
            .unwrap_or_default();
        let said = said.lines().rev().find(|l| !l.trim().is_empty());
        ExportError(format!(
            "\"{}\" cannot be written: ffmpeg failed ({})",
            self.path.display(),
            crate::atlas::printable(said.unwrap_or(what).trim(), 200)
        ))
    }

    /// Closes ffmpeg's input, waits for it and renames the file into place.
    pub fn finish(mut self) -> Result<(), ExportError> {
        self.stdin = None;
        let status = self.child.wait();
        match status {
            Ok(s) if s.success() => {}
            Ok(s) => {
                let e = self.failure(&format!("it exited with {s}"));
                return Err(e);
            }
            Err(e) => {
                let e = self.failure(&e.to_string());
                return Err(e);
            }
        }
        std::fs::rename(&self.tmp, &self.path).map_err(|e| {
            ExportError(format!(
                "\"{}\" cannot be written ({e})",
                self.path.display()
            ))
        })
    }
}

impl Drop for Mp4Writer {
    /// Whatever went wrong (or on a cancel), ffmpeg is stopped and its
    /// temporary file removed; after a successful `finish` it is gone already.
    fn drop(&mut self) {
        self.stdin = None;
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ffmpeg_is_looked_for_only_on_path() {
        let empty = tempfile::tempdir().unwrap();
        assert_eq!(
            find_on_path("ffmpeg", Some(empty.path().as_os_str().to_owned())),
            None
        );
        assert_eq!(find_on_path("ffmpeg", None), None);
        let message = missing_ffmpeg(Path::new("war.mp4")).0;
        assert!(
            message.contains("ffmpeg") && message.contains("war.mp4"),
            "{message}"
        );
    }
}
