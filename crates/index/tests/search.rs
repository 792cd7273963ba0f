//! Behaviour of the index end to end, on passages written for these tests.

use earshot_index::{
    parse_query, EpisodeMeta, Hit, Passage, SearchIndex, SearchOptions, TermExpander,
};
use earshot_model::NaiveDate;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn meta(id: i64, show: &str, published: &str) -> EpisodeMeta {
    EpisodeMeta {
        id,
        show: show.into(),
        title: format!("Episode {id}"),
        published: (!published.is_empty()).then(|| date(published)),
        source: format!("feeds/{id}.txt"),
    }
}

fn passage(ord: u32, speaker: Option<&str>, text: &str) -> Passage {
    Passage {
        ord,
        segment: ord,
        start_ms: u64::from(ord) * 30_000,
        end_ms: u64::from(ord) * 30_000 + 29_000,
        speaker: speaker.map(str::to_owned),
        boilerplate: false,
        text: text.into(),
    }
}

/// An index in memory holding the given episodes, each a list of passage texts.
fn index_of(episodes: &[(EpisodeMeta, Vec<Passage>)]) -> SearchIndex {
    let index = SearchIndex::open_in_ram().unwrap();
    let mut w = index.writer().unwrap();
    for (m, ps) in episodes {
        w.add_episode(m, ps, &[]).unwrap();
    }
    w.commit(1).unwrap();
    index
}

fn texts(episode: i64, show: &str, published: &str, lines: &[&str]) -> (EpisodeMeta, Vec<Passage>) {
    let ps = lines
        .iter()
        .enumerate()
        .map(|(i, t)| passage(i as u32, None, t))
        .collect();
    (meta(episode, show, published), ps)
}

fn search(index: &SearchIndex, q: &str) -> Vec<Hit> {
    index
        .search(&parse_query(q).unwrap(), &SearchOptions::default())
        .unwrap()
}

fn search_opts(index: &SearchIndex, q: &str, opts: &SearchOptions) -> Vec<Hit> {
    index.search(&parse_query(q).unwrap(), opts).unwrap()
}

/// Background chatter so that document frequencies look like a real archive's.
fn filler() -> Vec<&'static str> {
    vec![
        "We spent the morning on the budget talks and the harbour strike.",
        "Our producer thinks the weather will turn before the weekend.",
        "Listeners wrote in about the railway timetable and the new bridge tolls.",
        "The committee met twice and agreed on nothing at all, again.",
        "Grain prices rose on the news from the coast.",
        "A quick word about the election polls in the northern districts.",
    ]
}

fn garble_archive() -> SearchIndex {
    let mut lines = filler();
    lines.extend([
        "The special envoy Steve Witkoff landed in the capital late on Tuesday.",
        "Whitkoff said the talks had been constructive, whatever that means.",
        "According to the readout, Wittkov spent five hours in the palace.",
        "Then Wickhoff, as the caption spelled him, flew home overnight.",
        "Yuri Uschukov, the foreign policy aide, briefed the press afterwards.",
        "President Zolenski asked for more air defence before the winter.",
    ]);
    index_of(&[texts(1, "The Meridian Brief", "2025-04-04", &lines)])
}

#[test]
fn witkoff_finds_its_garbled_spellings_and_marks_them() {
    let index = garble_archive();
    let hits = search(&index, "Witkoff");
    let snippets: Vec<&str> = hits.iter().map(|h| h.snippet.as_str()).collect();
    for word in ["Witkoff", "Whitkoff", "Wittkov", "Wickhoff"] {
        let marked = format!("<b>{word}</b>");
        assert!(
            snippets.iter().any(|s| s.contains(&marked)),
            "{word} not marked in {snippets:#?}"
        );
    }
    assert!(
        hits[0].text.contains("Witkoff"),
        "exact first: {snippets:#?}"
    );
    assert!(
        hits.iter().all(|h| !h.text.contains("harbour")),
        "{snippets:#?}"
    );
}

#[test]
fn ushakov_and_zelensky_find_their_garbles() {
    let index = garble_archive();
    let hits = search(&index, "Ushakov");
    assert!(
        hits.iter().any(|h| h.snippet.contains("<b>Uschukov</b>")),
        "{hits:#?}"
    );
    let hits = search(&index, "zelensky");
    assert!(
        hits.iter().any(|h| h.snippet.contains("<b>Zolenski</b>")),
        "{hits:#?}"
    );
}

#[test]
fn exact_matches_outrank_fuzzy_ones() {
    let mut lines = filler();
    lines.extend([
        "The minister Kowalczyk spoke to reporters at noon.",
        "The minister Kowalczik spoke to reporters at noon.",
    ]);
    let index = index_of(&[texts(1, "Show", "2025-01-01", &lines)]);
    for q in ["Kowalczyk", "kowalczyk reporters"] {
        let hits = search(&index, q);
        assert_eq!(hits.len(), 2, "{q}: {hits:#?}");
        assert!(hits[0].text.contains("Kowalczyk"), "{q}: {hits:#?}");
        assert!(hits[0].score > hits[1].score);
    }
    // The other way round too: the garble typed finds itself first.
    let hits = search(&index, "Kowalczik");
    assert!(hits[0].text.contains("Kowalczik"), "{hits:#?}");
}

#[test]
fn every_bare_word_is_required() {
    let index = garble_archive();
    let hits = search(&index, "grain coast");
    assert_eq!(hits.len(), 1);
    assert!(search(&index, "grain palace").is_empty());
}

#[test]
fn phrases_match_only_adjacent_words() {
    let mut lines = filler();
    lines.extend([
        "They unveiled the peace plan in Geneva.",
        "A plan for peace was not on the table.",
    ]);
    let index = index_of(&[texts(1, "Show", "2025-01-01", &lines)]);
    let hits = search(&index, "\"peace plan\"");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert!(hits[0].text.contains("the peace plan"));
    assert!(
        hits[0].snippet.contains("<b>peace</b> <b>plan</b>"),
        "{}",
        hits[0].snippet
    );
    assert_eq!(search(&index, "peace plan").len(), 2);
}

#[test]
fn close_words_rank_above_scattered_ones() {
    let mut lines = filler();
    lines.extend([
        "Harbour pilots say the northern channel silted up years ago and then nobody dredged it, so the ferry.",
        "The ferry harbour was closed on Monday.",
    ]);
    let index = index_of(&[texts(1, "Show", "2025-01-01", &lines)]);
    let hits = search(&index, "ferry harbour");
    assert_eq!(hits.len(), 2);
    assert!(hits[0].text.starts_with("The ferry harbour"), "{hits:#?}");
}

#[test]
fn words_as_typed_fill_the_page_before_typos() {
    let mut lines = filler();
    lines.extend([
        "The minister Kowalczik spoke to reporters at noon, and again at length after lunch.",
        "Kowalczyk said little.",
        "Kowalczyk said nothing.",
        "Kowalczyk left early.",
    ]);
    let index = index_of(&[texts(1, "Show", "2025-01-01", &lines)]);
    let page = |offset, limit| {
        search_opts(
            &index,
            "kowalczyk",
            &SearchOptions {
                offset,
                limit,
                ..SearchOptions::default()
            },
        )
    };
    // Three exact matches fill a page of three: the garble is not among them, nor marked.
    let top = page(0, 3);
    assert_eq!(top.len(), 3);
    assert!(top.iter().all(|h| h.text.contains("Kowalczyk")), "{top:#?}");
    // The next page holds the garble, after them, with a lower score.
    let next = page(3, 3);
    assert_eq!(next.len(), 1, "{next:#?}");
    assert!(next[0].snippet.contains("<b>Kowalczik</b>"), "{next:#?}");
    let all = page(0, 10);
    assert_eq!(all.len(), 4);
    assert!(all[3].text.contains("Kowalczik"));
    assert!(all.windows(2).all(|w| w[0].score >= w[1].score), "{all:#?}");
    let passages: Vec<u32> = all.iter().map(|h| h.passage).collect();
    let paged: Vec<u32> = (0..4).flat_map(|o| page(o, 1)).map(|h| h.passage).collect();
    assert_eq!(passages, paged, "pages across the tiers agree");
}

#[test]
fn adjacent_words_earn_the_proximity_bonus_over_equal_scattered_ones() {
    let mut lines = filler();
    // The same words, the same length: only their distance differs, and the close one comes
    // second in the index, so that only the bonus can put it first.
    lines.extend([
        "Ferry crews were out on the water all week long before the harbour opened again.",
        "Crews were out on the water all week long before the ferry harbour opened again.",
    ]);
    let index = index_of(&[texts(1, "Show", "2025-01-01", &lines)]);
    let hits = search(&index, "ferry harbour");
    assert_eq!(hits.len(), 2);
    assert!(hits[0].text.contains("the ferry harbour"), "{hits:#?}");
    assert!(hits[0].score > hits[1].score);
    // Typed the other way round, neither is in order: the index order stands.
    let hits = search(&index, "harbour ferry");
    assert!(hits[0].text.starts_with("Ferry crews"), "{hits:#?}");
}

#[test]
fn long_phrases_of_common_words_match_only_in_a_row() {
    let mut lines = filler();
    lines.extend([
        "By the end of the year the talks had stalled.",
        "The end came, of the sort nobody wanted, at the end.",
        "At the end, the envoys of the north left.",
    ]);
    let index = index_of(&[texts(1, "Show", "2025-01-01", &lines)]);
    let hits = search(&index, "\"the end of the\"");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert!(hits[0].text.starts_with("By the end of the year"));
    // A comma does not break a phrase, as the words' positions run on.
    assert_eq!(search(&index, "\"came of the sort\"").len(), 1);
    assert!(search(&index, "\"of the end\"").is_empty());
}

#[test]
fn minus_excludes_words_and_phrases() {
    let mut lines = filler();
    lines.extend([
        "The envoy met the delegation in Riyadh.",
        "The envoy met the delegation in Istanbul.",
        "The envoy met the oil minister.",
    ]);
    let index = index_of(&[texts(1, "Show", "2025-01-01", &lines)]);
    let hits = search(&index, "envoy -riyadh");
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| !h.text.contains("Riyadh")));
    let hits = search(&index, "envoy -\"oil minister\"");
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| !h.text.contains("oil")));
}

#[test]
fn show_date_speaker_and_episode_filters() {
    let line = "The envoy arrived with a proposal on grain.";
    let mut a = texts(1, "The Meridian Brief", "2025-03-01", &[line]);
    a.1[0].speaker = Some("Dana Okafor".into());
    let b = texts(2, "Harbour Lights", "2025-05-01", &[line]);
    let c = texts(3, "Harbour Lights", "", &[line]);
    let index = index_of(&[a, b, c]);
    let ids = |hits: Vec<Hit>| {
        let mut v: Vec<i64> = hits.iter().map(|h| h.episode).collect();
        v.sort();
        v
    };
    let all = SearchOptions::default();
    assert_eq!(ids(search_opts(&index, "envoy", &all)), [1, 2, 3]);
    let shows = SearchOptions {
        shows: vec!["harbour LIGHTS".into()],
        ..all.clone()
    };
    assert_eq!(ids(search_opts(&index, "envoy", &shows)), [2, 3]);
    let after = SearchOptions {
        after: Some(date("2025-04-01")),
        ..all.clone()
    };
    assert_eq!(ids(search_opts(&index, "envoy", &after)), [2]);
    let before = SearchOptions {
        before: Some(date("2025-03-01")),
        ..all.clone()
    };
    assert_eq!(ids(search_opts(&index, "envoy", &before)), [1]);
    let speaker = SearchOptions {
        speaker: Some(" dana okafor".into()),
        ..all.clone()
    };
    let hits = search_opts(&index, "envoy", &speaker);
    assert_eq!(ids(hits.clone()), [1]);
    assert_eq!(hits[0].speaker.as_deref(), Some("Dana Okafor"));
    let episodes = SearchOptions {
        episodes: Some(vec![3, 99]),
        ..all.clone()
    };
    assert_eq!(ids(search_opts(&index, "envoy", &episodes)), [3]);
    let none = SearchOptions {
        episodes: Some(vec![]),
        ..all
    };
    assert!(search_opts(&index, "envoy", &none).is_empty());
}

#[test]
fn hits_carry_the_passage_and_its_episode() {
    let index = garble_archive();
    let hit = &search(&index, "grain")[0];
    assert_eq!(hit.episode, 1);
    assert_eq!(hit.passage, 4);
    assert_eq!(hit.segment, 4);
    assert_eq!((hit.start_ms, hit.end_ms), (120_000, 149_000));
    assert_eq!(hit.show, "The Meridian Brief");
    assert_eq!(hit.title, "Episode 1");
    assert_eq!(hit.source, "feeds/1.txt");
    assert_eq!(hit.published, Some(date("2025-04-04")));
    assert_eq!(hit.text, "Grain prices rose on the news from the coast.");
    assert_eq!(
        hit.snippet,
        "<b>Grain</b> prices rose on the news from the coast."
    );
    assert!(!hit.boilerplate);
}

#[test]
fn boilerplate_ranks_below_an_equal_normal_passage() {
    let line = "This hour is brought to you by Harbour Coffee, roasted on the quay.";
    let (m, mut ps) = texts(1, "Show", "2025-01-01", &[line, line]);
    ps[0].boilerplate = true;
    let mut lines = filler();
    lines.push("Nothing to see.");
    let index = index_of(&[(m, ps), texts(2, "Show", "2025-01-01", &lines)]);
    let hits = search(&index, "harbour coffee");
    assert_eq!(hits.len(), 2);
    assert!(!hits[0].boilerplate && hits[1].boilerplate);
    assert!(hits[1].score < hits[0].score * 0.5);
}

#[test]
fn snippets_are_escaped() {
    let index = index_of(&[texts(
        1,
        "Show",
        "",
        &["He typed <script>alert('envoy')</script> & left."],
    )]);
    let hits = search(&index, "envoy");
    assert_eq!(
        hits[0].snippet,
        "He typed &lt;script&gt;alert(&#39;<b>envoy</b>&#39;)&lt;/script&gt; &amp; left."
    );
    assert!(hits[0].text.contains("<script>"));
}

#[test]
fn deleting_and_replacing_episodes() {
    let index = index_of(&[
        texts(1, "Show", "", &["The envoy left.", "The envoy came back."]),
        texts(2, "Show", "", &["The envoy stayed."]),
    ]);
    assert_eq!(index.num_passages().unwrap(), 3);
    assert_eq!(index.episode_ids().unwrap(), [1, 2]);
    let mut w = index.writer().unwrap();
    w.delete_episode(1);
    w.commit(2).unwrap();
    assert_eq!(index.num_passages().unwrap(), 1);
    assert_eq!(index.episode_ids().unwrap(), [2]);
    assert!(search(&index, "envoy").iter().all(|h| h.episode == 2));
    // Adding an episode again replaces it.
    let (m, ps) = texts(2, "Show", "", &["The envoy stayed home.", "Then he slept."]);
    w.add_episode(&m, &ps, &[]).unwrap();
    w.commit(3).unwrap();
    assert_eq!(index.num_passages().unwrap(), 2);
    assert_eq!(search(&index, "envoy").len(), 1);
    w.delete_all().unwrap();
    w.commit(4).unwrap();
    assert_eq!(index.num_passages().unwrap(), 0);
    assert!(index.episode_ids().unwrap().is_empty());
    assert_eq!(index.committed_payload().unwrap(), Some(4));
}

#[test]
fn uncommitted_changes_are_invisible() {
    let index = index_of(&[texts(1, "Show", "", &["The envoy left."])]);
    let mut w = index.writer().unwrap();
    w.delete_episode(1);
    w.add_episode(
        &meta(2, "Show", ""),
        &[passage(0, None, "A new envoy.")],
        &[],
    )
    .unwrap();
    assert_eq!(index.episode_ids().unwrap(), [1]);
    drop(w);
    assert_eq!(index.episode_ids().unwrap(), [1]);
    assert_eq!(index.committed_payload().unwrap(), Some(1));
}

#[test]
fn one_writer_at_a_time() {
    let index = SearchIndex::open_in_ram().unwrap();
    let w = index.writer().unwrap();
    assert!(index.writer().is_err());
    drop(w);
    assert!(index.writer().is_ok());
}

#[test]
fn payload_and_passages_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let index = SearchIndex::open_or_create(dir.path()).unwrap();
        assert_eq!(index.committed_payload().unwrap(), None);
        let mut w = index.writer().unwrap();
        let (m, ps) = garble_episode();
        w.add_episode(&m, &ps, &[]).unwrap();
        w.commit(42).unwrap();
        w.finish().unwrap();
        assert!(index.size_on_disk() > 0);
    }
    let index = SearchIndex::open_or_create(dir.path()).unwrap();
    assert_eq!(index.committed_payload().unwrap(), Some(42));
    assert_eq!(index.episode_ids().unwrap(), [7]);
    assert!(search(&index, "wickhoff")[0].snippet.contains("<b>"));
    let mut w = index.writer().unwrap();
    w.commit(u64::MAX).unwrap();
    assert_eq!(index.committed_payload().unwrap(), Some(u64::MAX));
}

fn garble_episode() -> (EpisodeMeta, Vec<Passage>) {
    texts(
        7,
        "Show",
        "2025-02-02",
        &["Witkoff landed.", "Then he left."],
    )
}

struct Known;

impl TermExpander for Known {
    fn variants(&self, term: &str) -> Vec<String> {
        match term {
            "witkoff" => vec!["wit cough".into(), "Wedgecroft".into(), "witkoff".into()],
            "steve witkoff" => vec!["steve wit cough".into()],
            _ => Vec::new(),
        }
    }
}

#[test]
fn expander_variants_are_found_and_marked() {
    let mut lines = filler();
    lines.extend([
        "The envoy, Mr Wit Cough, was late.",
        "Wedgecroft again, said the caption.",
        "Steve wit cough spoke first.",
    ]);
    let index = index_of(&[texts(1, "Show", "", &lines)]);
    let q = parse_query("witkoff").unwrap();
    assert!(index
        .search(&q, &SearchOptions::default())
        .unwrap()
        .is_empty());
    let hits = index
        .search_with(&q, &SearchOptions::default(), &Known)
        .unwrap();
    assert_eq!(hits.len(), 3, "{hits:#?}");
    assert!(hits
        .iter()
        .any(|h| h.snippet.contains("<b>Wit</b> <b>Cough</b>")));
    assert!(hits.iter().any(|h| h.snippet.contains("<b>Wedgecroft</b>")));
    let q = parse_query("\"steve witkoff\"").unwrap();
    let hits = index
        .search_with(&q, &SearchOptions::default(), &Known)
        .unwrap();
    assert_eq!(hits.len(), 1, "{hits:#?}");
}

struct Leyen;

impl TermExpander for Leyen {
    fn variants(&self, term: &str) -> Vec<String> {
        match term {
            "vonderleyen" => vec![
                "Ursula von der Leyen".into(),
                "von der Leyen".into(),
                "Leyen".into(),
                "von der Layen".into(),
            ],
            _ => Vec::new(),
        }
    }
}

#[test]
fn phrase_variants_holding_a_searched_word_still_find_and_mark_their_passages() {
    let mut lines = filler();
    lines.extend([
        "Ursula von der Leyen spoke in Brussels.",
        "Von der Leyen spoke again.",
        "Von der Layen, as the caption had it.",
        "The von family of der Hague.",
    ]);
    let index = index_of(&[texts(1, "Show", "", &lines)]);
    let q = parse_query("vonderleyen").unwrap();
    let hits = index
        .search_with(&q, &SearchOptions::default(), &Leyen)
        .unwrap();
    assert_eq!(hits.len(), 3, "{hits:#?}");
    assert!(hits.iter().any(|h| h
        .snippet
        .contains("<b>Ursula</b> <b>von</b> <b>der</b> <b>Leyen</b>")));
    assert!(hits
        .iter()
        .any(|h| h.snippet.contains("<b>Von</b> <b>der</b> <b>Layen</b>")));
}

#[test]
fn paging_and_limits() {
    let lines: Vec<String> = (0..30).map(|i| format!("Envoy note number {i}.")).collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let index = index_of(&[texts(1, "Show", "", &lines)]);
    let page = |offset, limit| {
        search_opts(
            &index,
            "envoy",
            &SearchOptions {
                offset,
                limit,
                ..SearchOptions::default()
            },
        )
    };
    assert_eq!(page(0, 20).len(), 20);
    assert_eq!(page(20, 20).len(), 10);
    assert!(page(0, 0).is_empty());
    let first: Vec<u32> = page(0, 30).iter().map(|h| h.passage).collect();
    let second: Vec<u32> = page(10, 10).iter().map(|h| h.passage).collect();
    assert_eq!(&first[10..20], &second[..]);
}

#[test]
fn boilerplate_is_ranked_down_even_when_it_crowds_the_top() {
    let ad = "Harbour Coffee! Harbour Coffee, harbour coffee.";
    let (m, mut ps) = texts(1, "Show", "", &[ad; 40]);
    for p in &mut ps {
        p.boilerplate = true;
    }
    let normal = texts(
        2,
        "Show",
        "",
        &["We talked about harbour coffee prices at length with the owner."],
    );
    let index = index_of(&[(m, ps), normal]);
    for limit in [1, 5, 41] {
        let opts = SearchOptions {
            limit,
            ..SearchOptions::default()
        };
        let hits = search_opts(&index, "harbour coffee", &opts);
        assert_eq!(hits.len(), limit);
        assert_eq!(hits[0].episode, 2, "limit {limit}");
        assert!(hits[1..].iter().all(|h| h.boilerplate));
    }
}

#[test]
fn an_index_of_another_layout_is_refused() {
    use tantivy::schema::{Schema, TEXT};
    let dir = tempfile::tempdir().unwrap();
    let mut schema = Schema::builder();
    schema.add_text_field("body", TEXT);
    tantivy::Index::create_in_dir(dir.path(), schema.build()).unwrap();
    let err = SearchIndex::open_or_create(dir.path()).err().unwrap();
    assert!(
        matches!(err, earshot_index::Error::Incompatible { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("rebuild"), "{err}");
}

#[test]
fn the_index_can_be_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<SearchIndex>();
    let index = garble_archive();
    std::thread::scope(|s| {
        for q in ["witkoff", "grain", "\"the talks\""] {
            let index = &index;
            s.spawn(move || assert!(!search(index, q).is_empty(), "{q}"));
        }
    });
}

mod any_query {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn archive() -> &'static SearchIndex {
        static INDEX: OnceLock<SearchIndex> = OnceLock::new();
        INDEX.get_or_init(garble_archive)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Whatever parses can be searched: no panic, no error, bounded results.
        #[test]
        fn searches_never_fail(q in r#"([-" a-zA-Z]|wit|koff|ä|ß|зеленский|の|\u{0301}){0,60}"#) {
            if let Ok(parsed) = parse_query(&q) {
                let hits = archive().search(&parsed, &SearchOptions::default()).unwrap();
                prop_assert!(hits.len() <= 20);
                for h in hits {
                    prop_assert!(!h.snippet.contains("<script"));
                }
            }
        }

        /// Any run of a passage's words, quoted, finds that passage (phrases are searched as
        /// pairs of words, which must agree with the words' positions).
        #[test]
        fn a_run_of_words_quoted_finds_its_passage(
            words in proptest::collection::vec("[a-c]{1,2}|the|of|Élysée", 2..14),
            seps in proptest::collection::vec("[ ,.;'-]{1,2}", 14),
            from in 0usize..12,
            len in 2usize..5,
        ) {
            let text: String = words
                .iter()
                .zip(&seps)
                .map(|(w, s)| format!("{w}{s}"))
                .collect();
            let index = index_of(&[texts(1, "Show", "", &[text.as_str()])]);
            let from = from.min(words.len() - 1);
            let run = &words[from..(from + len).min(words.len())];
            let phrase = format!("\"{}\"", run.join(" "));
            let hits = index.search(&parse_query(&phrase).unwrap(), &SearchOptions::default()).unwrap();
            prop_assert_eq!(hits.len(), 1, "{} in {}", phrase, text);
        }
    }
}

#[test]
fn fuzzy_matching_works_beyond_ascii() {
    let mut lines = filler();
    lines.push("Президент Зеленский выступил вечером.");
    lines.push("Владимир Зелинский тоже.");
    let index = index_of(&[texts(1, "Show", "", &lines)]);
    let hits = search(&index, "ЗЕЛЕНСКИЙ");
    assert_eq!(hits.len(), 2, "{hits:#?}");
    assert!(hits[0].snippet.contains("<b>Зеленский</b>"));
    assert!(hits[1].snippet.contains("<b>Зелинский</b>"));
}
