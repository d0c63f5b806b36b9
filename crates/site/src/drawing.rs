//! Cards are drawn on worker threads, one per core, while the build goes
//! on rendering pages: drawing is most of a large site's build. The queue
//! between them is bounded, so the SVG waiting in memory stays small
//! however large the archive.

use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Instant;

use crate::card::{Layout, Painter};
use crate::output::{write_whole, Output};
use crate::raster::Glyphs;

/// Cards laid out and waiting to be drawn, at most.
const WAITING: usize = 64;

/// A card drawn (its path) or why it could not be.
type Drawn = Result<String, String>;

pub struct CardQueue {
    painter: Arc<Painter>,
    jobs: Option<SyncSender<(String, Layout)>>,
    done: Receiver<(Drawn, f64)>,
    workers: Vec<JoinHandle<()>>,
    pub drawn: usize,
    /// Time spent drawing, summed over the workers.
    pub seconds: f64,
}

impl CardQueue {
    /// Workers that draw into `dist`.
    pub fn new(dist: &std::path::Path) -> Result<CardQueue, String> {
        let painter = Arc::new(Painter::new()?);
        let (jobs, queue) = mpsc::sync_channel::<(String, Layout)>(WAITING);
        let queue = Arc::new(std::sync::Mutex::new(queue));
        let (report, done) = mpsc::channel();
        let count = std::thread::available_parallelism().map_or(1, |n| n.get());
        let workers = (0..count)
            .map(|_| {
                let (painter, queue, report) = (painter.clone(), queue.clone(), report.clone());
                let dist = dist.to_path_buf();
                std::thread::spawn(move || {
                    let mut glyphs = Glyphs::default();
                    loop {
                        // The lock is held only to take the next job.
                        let job = queue.lock().map(|q| q.recv());
                        let Ok(Ok((path, layout))) = job else { return };
                        let started = Instant::now();
                        let drawn = painter
                            .draw(&layout, &mut glyphs)
                            .and_then(|png| write_whole(&dist.join(&path), &png))
                            .map(|()| path);
                        if report
                            .send((drawn, started.elapsed().as_secs_f64()))
                            .is_err()
                        {
                            return;
                        }
                    }
                })
            })
            .collect();
        Ok(CardQueue {
            painter,
            jobs: Some(jobs),
            done,
            workers,
            drawn: 0,
            seconds: 0.0,
        })
    }

    /// The fonts the workers draw with (pages lay cards out with them).
    pub fn painter(&self) -> Arc<Painter> {
        self.painter.clone()
    }

    /// Queue a card (waiting while the queue is full), and record the
    /// cards drawn meanwhile.
    pub fn push(&mut self, out: &mut Output, path: String, layout: Layout) -> Result<(), String> {
        let jobs = self.jobs.as_ref().ok_or("cards: the queue is closed")?;
        jobs.send((path, layout))
            .map_err(|_| "cards: every drawing thread stopped".to_string())?;
        while let Ok(done) = self.done.try_recv() {
            self.record(out, done)?;
        }
        Ok(())
    }

    /// Wait for every queued card; the queue takes no more.
    pub fn finish(&mut self, out: &mut Output) -> Result<(), String> {
        self.jobs = None;
        for worker in self.workers.drain(..) {
            worker
                .join()
                .map_err(|_| "cards: a drawing thread failed".to_string())?;
        }
        let mut first_error = Ok(());
        while let Ok(done) = self.done.try_recv() {
            if let Err(e) = self.record(out, done) {
                first_error = first_error.and(Err(e));
            }
        }
        first_error
    }

    fn record(&mut self, out: &mut Output, (drawn, seconds): (Drawn, f64)) -> Result<(), String> {
        self.seconds += seconds;
        let path = drawn?;
        out.wrote(&path);
        self.drawn += 1;
        Ok(())
    }
}

impl Drop for CardQueue {
    /// A build that stops early still lets its workers end.
    fn drop(&mut self) {
        self.jobs = None;
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}
