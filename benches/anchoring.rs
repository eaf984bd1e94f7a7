//! How quote anchoring scales: every quote of a seed is found in one pass, so the time
//! per byte of seed should stay flat as the seed and the number of quotes grow.
//!
//! Run with `cargo bench --bench anchoring`.

use annalist::resolve::anchoring::{Anchoring, SeedIndex, Selector};
use std::hint::black_box;
use std::time::Instant;

/// A deterministic French-looking text of about `bytes` bytes, with typographic
/// apostrophes and non-breaking spaces so the fold has work to do.
fn seed(bytes: usize) -> String {
    let words = [
        "l’armée",
        "malienne",
        "a",
        "repris",
        "la",
        "ville",
        "de",
        "Konna",
        "«\u{a0}hier\u{a0}»",
        "selon",
        "des",
        "témoins",
    ];
    let mut text = String::with_capacity(bytes + 32);
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut n = 0u64;
    while text.len() < bytes {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        text.push_str(words[(state % words.len() as u64) as usize]);
        n += 1;
        // A numbered token makes each sentence unique, so quotes anchor exactly once.
        text.push_str(if n.is_multiple_of(12) { ". " } else { " " });
        if n.is_multiple_of(12) {
            text.push_str(&format!("[{n}] "));
        }
    }
    text
}

/// `count` quotes taken from the text around numbered tokens, typed with straight
/// apostrophes as an editor would.
fn quotes(text: &str, count: usize) -> Vec<Selector> {
    let marks: Vec<usize> = text.match_indices('[').map(|(i, _)| i).collect();
    let step = (marks.len() / count.max(1)).max(1);
    marks
        .iter()
        .step_by(step)
        .take(count)
        .map(|&at| {
            let end = text[at..].char_indices().nth(60).map_or(text.len(), |(i, _)| at + i);
            Selector::new(&text[at..end].replace('’', "'"), None, None)
        })
        .collect()
}

fn main() {
    println!("{:>12} {:>8} {:>8} {:>12} {:>10}", "seed bytes", "quotes", "found", "time (ms)", "ns/byte");
    for scale in [1, 2, 4, 8, 16] {
        let text = seed(scale * 1_000_000);
        let selectors = quotes(&text, scale * 2_000);
        let started = Instant::now();
        let found = SeedIndex::new(&text).anchor_all(&selectors);
        let elapsed = started.elapsed();
        let anchored = black_box(&found).iter().filter(|a| matches!(a, Anchoring::Found(_))).count();
        println!(
            "{:>12} {:>8} {:>8} {:>12.1} {:>10.2}",
            text.len(),
            selectors.len(),
            anchored,
            elapsed.as_secs_f64() * 1e3,
            elapsed.as_nanos() as f64 / text.len() as f64
        );
    }
}
