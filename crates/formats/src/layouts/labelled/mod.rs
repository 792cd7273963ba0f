//! Speaker-labelled layouts: turns that name their speaker, with or without a stamp.
//!
//! - [`SpeakerStampBlocks`] (`speaker-stamp`): `Name (MM:SS):` turns, hard-wrapped text.
//! - [`SpeakerExport`] (`speaker-export`): `Name  0:00` on a line, the turn below.
//! - [`BracketSpeaker`] (`bracket-speaker`): `[Name] [MM:SS] text` or `[MM:SS] [Name] text`.
//! - [`Dialogue`] (`dialogue`): `Name: text` and its variants, no stamps.
//!
//! The shared pieces (header, segment builder, the line shapes each layout recognises) live in
//! [`common`], which the inline-stamp layout uses too, so that each sniffer can step aside for
//! the others' signatures.

pub(super) mod bracket_speaker;
pub(super) mod common;
mod dialogue;
pub(super) mod speaker_export;
pub(super) mod speaker_stamp;

pub use bracket_speaker::BracketSpeaker;
pub use dialogue::Dialogue;
pub use speaker_export::SpeakerExport;
pub use speaker_stamp::SpeakerStampBlocks;

#[cfg(test)]
mod tests {
    //! The five layouts of this family and the inline-stamp layout must stay out of each
    //! other's way and out of the other layouts'.
    use super::super::inline::InlineStamps;
    use super::*;
    use crate::Layout;

    fn family() -> [&'static dyn Layout; 5] {
        [
            &SpeakerStampBlocks,
            &SpeakerExport,
            &BracketSpeaker,
            &Dialogue,
            &InlineStamps,
        ]
    }

    const OTHERS: &[(&str, &str)] = &[
        ("srt", "1\n00:00:01,000 --> 00:00:04,000\nJane: Hello there.\n\n2\n00:00:04,000 --> 00:00:06,000\nTom: Hi, Jane.\n\n3\n00:00:06,000 --> 00:00:09,000\nJane: So, Geneva.\n\n4\n00:00:09,000 --> 00:00:12,000\nTom: Yes, Geneva.\n"),
        ("vtt", "WEBVTT\n\n00:00.000 --> 00:04.000\n<v Jane>Hello there.\n\n00:04.000 --> 00:06.000\n<v Tom>Hi, Jane.\n"),
        ("whisper-cpp", "[00:00:00.000 --> 00:00:04.000]   Hello there, and welcome.\n[00:00:04.000 --> 00:00:06.000]   Today, Geneva.\n[00:00:06.000 --> 00:00:09.000]   Let us begin.\n"),
        ("whisper-tsv", "start\tend\ttext\n0\t4000\tHello there, and welcome.\n4000\t6000\tToday, Geneva.\n6000\t9000\tLet us begin.\n"),
        ("json", "{\n  \"segments\": [\n    {\"speaker\": \"Jane\", \"startTime\": 0, \"body\": \"Hi.\"},\n    {\"speaker\": \"Tom\", \"startTime\": 4, \"body\": \"Hello.\"}\n  ]\n}\n"),
        ("podscripts", "Night Desk - Grain deal stalls\n\nEpisode Date: March 3, 2026\n\nGrain deal stalls ...\n\nTranscript\nDiscussion (0)\nStarting point is 00:00:00 Welcome back, Maria.\nStarting point is 00:01:05 They are, and Ankara is mediating.\nStarting point is 00:02:10 We will end it there.\nStarting point is 00:03:10 Goodbye.\n"),
        ("archive-fm", "Archive.fm\n\nNight Desk\n\nBorder crossings reopen\n\nDuration:\n1h 5m\nBroadcast on:\n25 May 2024\nAudio Format:\nmp3\n\nGood evening. The crossings at Narva reopened today at 10:30. - Is that right? - It is.\n"),
        ("plain", "Title: The long winter\nDate: 2026-01-04\n\nThe train left at 10:30 and arrived at 12:45.\nNote: this was recorded live.\nThe minister said: we will see.\nHe added one more thing: nothing is agreed.\n"),
        ("html", "<html><body>\n<p>Jane: Hello.</p>\n<p>Tom: Hi.</p>\n<p>Jane: So.</p>\n<!-- end -->\n</body></html>\n"),
    ];

    #[test]
    fn stays_out_of_other_layouts() {
        for (name, text) in OTHERS {
            for layout in family() {
                assert!(
                    layout.sniff(text) < 0.2,
                    "{} sniffs {name}: {}",
                    layout.id(),
                    layout.sniff(text)
                );
            }
        }
    }

    #[test]
    fn a_chapter_list_is_not_sure_to_be_a_transcript() {
        let notes = "Chapters:\n00:00 Intro\n04:10 The summit in Geneva\n12:30 Markets\n20:00 Listener questions\n";
        for layout in family() {
            assert!(layout.sniff(notes) < 0.8, "{}", layout.id());
        }
    }

    #[test]
    fn each_layout_wins_on_its_own_sample() {
        let samples = [
            "Ana Lind (00:00):\nHello, and welcome.\nTom (00:05): Thanks, Ana.\n(00:09):\nAnd more.\nAna Lind (00:12): Right.\n",
            "Speaker 1  0:00\nHello, and welcome.\n\nSpeaker 2  0:05\nThanks.\n\nSpeaker 1  0:09\nRight.\n",
            "[Ana Lind] [00:00] Hello, and welcome.\n[Tom] [00:05] Thanks, Ana.\n[00:09] [Ana Lind] Right.\n",
            "Ana: Hello, and welcome.\nTom: Thanks, Ana.\nAna: Right.\nTom: Yes.\n",
            "[00:00:00] Hello, and welcome to the show, everyone. [00:00:05] Thanks, it is good to be here today.\n[00:00:09] Right, let us begin with the news from Geneva.\n",
        ];
        for (i, text) in samples.iter().enumerate() {
            let scores: Vec<f32> = family().iter().map(|l| l.sniff(text)).collect();
            for (j, s) in scores.iter().enumerate() {
                if i == j {
                    assert!(*s > 0.75, "{} on its sample: {s}", family()[j].id());
                } else {
                    assert_eq!(
                        *s,
                        0.0,
                        "{} on {}'s sample",
                        family()[j].id(),
                        family()[i].id()
                    );
                }
            }
        }
    }
}
