//! Cards are drawn as they are queued, a batch at a time on every core
//! (drawing is most of a large site's build), so the SVG waiting in memory
//! stays bounded however large the archive.

use std::time::Instant;

use crate::card::Painter;
use crate::output::{write_whole, Output};

/// Cards laid out and waiting to be drawn, at most.
const BATCH: usize = 256;

pub struct CardQueue {
    painter: Painter,
    /// Where each card goes (relative to `dist/`) and its SVG.
    waiting: Vec<(String, String)>,
    pub drawn: usize,
    pub seconds: f64,
}

impl CardQueue {
    pub fn new() -> Result<CardQueue, String> {
        Ok(CardQueue {
            painter: Painter::new()?,
            waiting: Vec::new(),
            drawn: 0,
            seconds: 0.0,
        })
    }

    pub fn painter(&self) -> &Painter {
        &self.painter
    }

    pub fn push(&mut self, out: &mut Output, path: String, svg: String) -> Result<(), String> {
        self.waiting.push((path, svg));
        if self.waiting.len() >= BATCH {
            self.draw(out)?;
        }
        Ok(())
    }

    /// Draws what is waiting, split over the machine's cores.
    pub fn draw(&mut self, out: &mut Output) -> Result<(), String> {
        let started = Instant::now();
        let jobs = std::mem::take(&mut self.waiting);
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        let painter = &self.painter;
        let dist = out.dist().to_path_buf();
        std::thread::scope(|scope| {
            let running: Vec<_> = jobs
                .chunks(jobs.len().div_ceil(workers).max(1))
                .map(|jobs| {
                    let dist = &dist;
                    scope.spawn(move || {
                        jobs.iter().try_for_each(|(path, svg)| {
                            write_whole(&dist.join(path), &painter.rasterise(svg)?)
                        })
                    })
                })
                .collect();
            running.into_iter().try_for_each(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|_| Err("a card could not be drawn".into()))
            })
        })?;
        for (path, _) in &jobs {
            out.wrote(path);
        }
        self.drawn += jobs.len();
        self.seconds += started.elapsed().as_secs_f64();
        Ok(())
    }
}
