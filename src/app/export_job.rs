//! An export running on a worker thread: progress, cancel and the result,
//! shared with the UI thread that draws the progress bar.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// A job running on a worker thread.
#[derive(Default)]
pub struct ExportJob {
    done: AtomicUsize,
    total: AtomicUsize,
    cancel: AtomicBool,
    result: Mutex<Option<Result<String, String>>>,
}

/// What the worker sees of its job: report progress, check for cancel.
pub struct JobHandle<'a> {
    job: &'a ExportJob,
    ctx: &'a egui::Context,
}

impl JobHandle<'_> {
    /// Reports `done` of `total` steps and wakes the window to show it.
    pub fn progress(&self, done: usize, total: usize) {
        self.job.done.store(done, Ordering::Relaxed);
        self.job.total.store(total, Ordering::Relaxed);
        self.ctx.request_repaint();
    }

    /// The flag the user sets with Cancel.
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.job.cancel
    }
}

impl ExportJob {
    /// Runs `work` on a new thread. It returns what to tell the user: where
    /// the file went, or why there is none.
    pub fn spawn(
        ctx: &egui::Context,
        work: impl FnOnce(&JobHandle<'_>) -> Result<String, String> + Send + 'static,
    ) -> Arc<ExportJob> {
        let job = Arc::new(ExportJob::default());
        job.total.store(1, Ordering::Relaxed);
        let (worker, ctx) = (job.clone(), ctx.clone());
        std::thread::spawn(move || {
            let handle = JobHandle {
                job: &worker,
                ctx: &ctx,
            };
            let result = work(&handle);
            if let Ok(mut slot) = worker.result.lock() {
                *slot = Some(result);
            }
            ctx.request_repaint();
        });
        job
    }

    /// The result, once (later calls return `None`).
    pub fn take_result(&self) -> Option<Result<String, String>> {
        self.result.lock().ok().and_then(|mut r| r.take())
    }

    /// The share of the work done, 0 to 1.
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed).max(1);
        self.done.load(Ordering::Relaxed) as f32 / total as f32
    }

    /// Asks the worker to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}
