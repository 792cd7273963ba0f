//! Prints synthetic episodes in a layout: `cargo run -p earshot-synth --example dump --
//! LAYOUT [SEED] [INDEX]` (defaults: seed 1, episode 0).

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(layout) = args.next() else {
        eprintln!(
            "usage: dump LAYOUT [SEED] [INDEX]; layouts: {}",
            earshot_synth::LAYOUTS.join(" ")
        );
        std::process::exit(2);
    };
    let seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let index = args.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    let ep = earshot_synth::episode(seed, index);
    match earshot_synth::render(&ep, &layout) {
        Some(text) => print!("{text}"),
        None => {
            eprintln!("unknown layout {layout}");
            std::process::exit(2);
        }
    }
}
