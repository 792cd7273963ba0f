//! One synthetic episode: a show, a date, a duration, and a conversation of turns timed at
//! the show's speaking rate.

use chrono::{Days, NaiveDate};
use earshot_model::{Segment, Timing, Transcript};

use crate::cast::{slug, Show, SHOWS};
use crate::rng::{mix, Rng};
use crate::speech::{Speaker, Voice};
use crate::templates::{
    ANALYSES, FORECASTS, MIDROLLS, OPENERS, QUESTIONS, REPORTS, RESPONSES, SIGNOFFS, TITLES,
    TRANSITIONS,
};

/// A synthetic episode is a [`Transcript`]: `source` is the episode's slug, `format` is
/// `"synth"`, and every segment is one speaker's turn with exact times and the speaker's full
/// name. Sponsor reads and sign-offs are turns of their own, flagged `boilerplate`.
pub type Episode = Transcript;

/// The first day an episode can be published.
fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 1, 1).expect("valid date")
}

/// Days from 2023-01-01 to 2026-12-31 inclusive.
const SPAN_DAYS: u64 = 1461;

/// Builds episode number `index` of the corpus for `seed`.
pub fn build(seed: u64, index: u64) -> Episode {
    let mut rng = Rng::new(mix(seed ^ mix(index.wrapping_add(0x5EED))));
    let show = rng.pick(SHOWS);
    let published = first_day() + Days::new(rng.range(0, SPAN_DAYS - 1));
    // Durations from 15 to 90 minutes, most of them short: the mean is about 34 minutes,
    // which at 150 words a minute is about 5,000 words.
    // (Plain multiplications, not `powi`, whose precision may differ between platforms.)
    let u = rng.unit();
    let minutes = 15.0 + 75.0 * (u * u * u);
    let wpm = rng.range(138, 162) as f64;
    let target_words = (minutes * wpm) as usize;
    let mut speaker = Speaker::new(&mut rng);
    // The title names the episode's own focus, spelled right.
    let template = *rng.pick(TITLES);
    let title = title_case(&plain_names(&mut speaker, &mut rng, template, show));
    speaker.garbleable = 0;
    speaker.garbled = 0;

    let mut talk = Conversation {
        rng,
        show,
        speaker,
        turns: Vec::new(),
        words: 0,
        last: "",
    };
    talk.run(target_words);
    let (mut segments, end_ms) = time_turns(&mut talk.rng, &talk.turns, show, wpm);
    // Pauses make the talk run longer than its words at the nominal rate: stretch or squeeze
    // the clock so the episode lasts the minutes drawn, at about the nominal rate.
    let end_ms = fit(&mut segments, end_ms, (minutes * 60_000.0) as u64);
    let show_slug = slug(show.name);
    let slug = format!("{show_slug}-{index:05}");
    let audio_url = (!talk.rng.chance(0.15))
        .then(|| format!("https://media.example.com/{show_slug}/{slug}.mp3"));
    Transcript {
        source: slug,
        format: "synth".to_owned(),
        show: Some(show.name.to_owned()),
        title: Some(title),
        published: Some(published),
        duration_s: Some(end_ms.div_ceil(1000) + talk.rng.range(2, 12)),
        language: Some("en".to_owned()),
        segments,
        confidence: 1.0,
        audio_url,
        ..Transcript::default()
    }
}

/// Fills a title template; titles are typed by people, so their names are spelled right.
fn plain_names(sp: &mut Speaker, rng: &mut Rng, template: &str, show: &Show) -> String {
    let voice = Voice {
        show,
        me: show.hosts[0],
        host: show.hosts[1],
    };
    // Retry until no name came out garbled (a handful of draws at most).
    loop {
        let before = sp.garbled;
        let s = sp.fill(rng, template, &voice);
        if sp.garbled == before {
            return s;
        }
    }
}

/// Capitalises a title's first letter only ("Ceasefire or stalemate in Kyiv?").
fn title_case(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// One speaker's turn before timing: host index, sentences, boilerplate flag.
struct Turn {
    host: usize,
    sentences: Vec<String>,
    boilerplate: bool,
}

/// The conversation being written.
struct Conversation {
    rng: Rng,
    show: &'static Show,
    speaker: Speaker,
    turns: Vec<Turn>,
    words: usize,
    /// The template used last.
    last: &'static str,
}

impl Conversation {
    fn voice(&self, host: usize, to: usize) -> Voice<'static> {
        Voice {
            show: self.show,
            me: self.show.hosts[host],
            host: self.show.hosts[to],
        }
    }

    fn say(&mut self, host: usize, to: usize, pool: &[&'static str], spoken: bool) -> String {
        let voice = self.voice(host, to);
        let mut template = *self.rng.pick(pool);
        // The same sentence twice in a row sounds broken: draw again (once).
        if template == self.last {
            template = *self.rng.pick(pool);
        }
        self.last = template;
        if spoken {
            self.speaker.fill_spoken(&mut self.rng, template, &voice)
        } else {
            self.speaker.fill(&mut self.rng, template, &voice)
        }
    }

    fn push(&mut self, host: usize, sentences: Vec<String>, boilerplate: bool) {
        self.words += sentences
            .iter()
            .map(|s| s.split_whitespace().count())
            .sum::<usize>();
        self.turns.push(Turn {
            host,
            sentences,
            boilerplate,
        });
    }

    /// Writes turns until about `target` words.
    fn run(&mut self, target: usize) {
        let n = self.show.hosts.len();
        let mut s = vec![self.say(0, 1, OPENERS, false)];
        for _ in 0..self.rng.range(1, 3) {
            s.push(self.say(0, 1, REPORTS, true));
        }
        self.push(0, s, false);
        let closing = 60;
        let midroll_at = self.rng.chance(0.6).then_some(target / 2);
        let mut midroll_done = false;
        let mut asker = 0;
        while self.words + closing < target {
            let answerer = (asker + 1 + self.rng.below(n - 1)) % n;
            // The question.
            let mut q = Vec::new();
            if self.rng.chance(0.3) {
                q.push(self.say(asker, answerer, TRANSITIONS, false));
            }
            if self.rng.chance(0.4) {
                q.push(self.say(asker, answerer, REPORTS, true));
            }
            q.push(self.say(asker, answerer, QUESTIONS, true));
            self.push(asker, q, false);
            // The answer, sometimes interrupted by a short response.
            for part in 0..=usize::from(self.rng.chance(0.25)) {
                if part == 1 {
                    let r = vec![self.say(asker, answerer, RESPONSES, false)];
                    self.push(asker, r, false);
                }
                // Long answers, but not much past the episode's length.
                let left = target.saturating_sub(self.words + closing) as u64 / 17;
                let len = self.rng.range(3, 14).min(left.max(2));
                let mut a = Vec::with_capacity(len as usize);
                for _ in 0..len {
                    let pool = match self.rng.below(100) {
                        0..35 => REPORTS,
                        35..80 => ANALYSES,
                        _ => FORECASTS,
                    };
                    a.push(self.say(answerer, asker, pool, true));
                }
                self.push(answerer, a, false);
            }
            if self.rng.chance(0.2) {
                let r = vec![self.say(asker, answerer, RESPONSES, false)];
                self.push(asker, r, false);
            }
            if !midroll_done && midroll_at.is_some_and(|at| self.words >= at) {
                midroll_done = true;
                let m = vec![self.say(0, 1, MIDROLLS, false)];
                self.push(0, m, true);
            }
            asker = self.rng.below(n);
        }
        // A last remark, then the sign-off.
        let last = vec![self.say(0, 1, ANALYSES, true)];
        self.push(0, last, false);
        let k = self.rng.range(2, 4) as usize;
        let mut off: Vec<String> = Vec::with_capacity(k);
        while off.len() < k {
            let s = self.say(0, 1, SIGNOFFS, false);
            if !off.contains(&s) {
                off.push(s);
            }
        }
        self.push(0, off, true);
    }
}

/// Times the turns at `wpm` words a minute, with pauses; returns the segments and the end.
fn time_turns(rng: &mut Rng, turns: &[Turn], show: &Show, wpm: f64) -> (Vec<Segment>, u64) {
    let ms_per_word = 60_000.0 / wpm;
    let mut at = rng.range(0, 1500);
    let mut segments = Vec::with_capacity(turns.len());
    for turn in turns {
        let start = at;
        for (i, s) in turn.sentences.iter().enumerate() {
            if i > 0 {
                at += rng.range(150, 500);
            }
            let words = s.split_whitespace().count() as f64;
            let pace = 0.85 + 0.3 * rng.unit();
            at += (words * ms_per_word * pace) as u64;
        }
        segments.push(Segment {
            start_ms: Some(start),
            end_ms: Some(at),
            speaker: Some(show.hosts[turn.host].to_owned()),
            timing: Timing::Exact,
            boilerplate: turn.boilerplate,
            text: turn.sentences.join(" "),
            line: None,
        });
        at += rng.range(200, 900);
    }
    (segments, at)
}

/// Scales every time so that the talk ends at `target_ms`; returns the new end.
fn fit(segments: &mut [Segment], end_ms: u64, target_ms: u64) -> u64 {
    let scale =
        |ms: u64| (u128::from(ms) * u128::from(target_ms) / u128::from(end_ms.max(1))) as u64;
    for s in segments.iter_mut() {
        s.start_ms = s.start_ms.map(scale);
        s.end_ms = s.end_ms.map(scale);
    }
    scale(end_ms)
}
