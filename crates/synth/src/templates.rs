//! Sentence templates, written for earshot, by what the sentence does in a conversation.
//!
//! Slots in braces are filled by [`crate::speech`]: `{person}`, `{person2}`, `{org}`,
//! `{place}`, `{place2}`, `{sea}`, `{country}`, `{country2}`, `{group}` (entities, garbled at
//! times);
//! `{topic}`, `{noun}`, `{adj}`, `{horizon}`, `{day}`, `{month}`, `{num}`, `{pct}`; and
//! `{me}`, `{host}`, `{show}`, `{code}`, `{sponsor}`, `{sponsor_url}`, `{platform}` for the
//! show's own voice. Templates avoid "he" and "she" (the person is drawn at random), and
//! never contain ". " inside a sentence, so sentences can be split again at ". ", "? ", "! ".

/// The first words of an episode, said by the first host.
pub const OPENERS: &[&str] = &[
    "Welcome back to {show}, I'm {me}, and as always I'm joined by {host}.",
    "Good evening and welcome to {show}. {host} is here with me, and we have a lot to get through today.",
    "Hello everyone, this is {show}, and today we start with {topic}.",
    "All right, {host}, let's get going, because the news from {place} has not stopped all week.",
    "Hi everybody, and welcome to another episode of {show}.",
    "It's {day}, this is {show}, and I'm here with {host} to make sense of another strange week.",
    "Thanks for tuning in to {show}. We recorded this on {day} afternoon, so some of it may already be out of date.",
    "{host}, good to have you back, there is a lot to unpack from {place} and from {place2}.",
    "Welcome, everyone, to {show}, the show where we try to slow the news down a little.",
    "This is {show}, I'm {me}, and today we are going to spend most of our time on {topic}.",
];

/// Things that happened, as the hosts report them.
pub const REPORTS: &[&str] = &[
    "{person} met {person2} in {place} on {day}, and the meeting went on for almost {num} hours.",
    "According to people close to {org}, the draft has gone through at least {num} versions since {month}.",
    "{person} told reporters in {place} that the talks were constructive, which in diplomatic language means nothing was agreed.",
    "The delegation from {country} arrived in {place} a day late, and nobody has explained why.",
    "There was another drone attack near {place} overnight, and {org} says the damage is still being assessed.",
    "{org} published a statement on {day} evening that was much softer than the one it put out in {month}.",
    "The talks in {place} ended without a joint statement, the third time that has happened this year.",
    "{person} flew to {place} straight after the meeting with {person2}, so clearly something is moving.",
    "Officials in {place} now say the exchange of prisoners will take place in stages.",
    "The numbers coming out of {place} suggest the front has barely moved since {month}.",
    "{person} said on {day} that {country} will not accept any deal that freezes the current line.",
    "{group} have moved more air defence systems toward {place}, according to satellite pictures published this week.",
    "A senior official from {org} confirmed that {person} will travel to {place} before the end of the month.",
    "The energy infrastructure around {place} was hit again, and about {num} thousand homes lost power.",
    "{person} spoke by phone with {person2} for more than an hour, and the readouts from the two sides do not match.",
    "The new sanctions package from {org} targets {num} more tankers and a handful of banks.",
    "The parliament voted on {day} to extend martial law for another ninety days.",
    "Reports from {place} say hundreds of people were evacuated after the strikes on the port.",
    "{person} has apparently handed {person2} a list of conditions that runs to {num} pages.",
    "The meeting between {person} and {person2} was moved from {place} to {place2} at the last minute.",
    "{org} confirmed the figures on {day}, and they are worse than most analysts expected.",
    "Shipping through {sea} has fallen by about {pct} percent since the attacks began.",
    "There is a new proposal on the table about {topic}, and it came from {place}, not from Washington.",
    "{person} gave a long interview to a newspaper in {place}, and very little in it was new.",
    "The foreign ministers of {country} and {country2} met in {place} and agreed to meet again, which is something.",
    "{org} has asked for an emergency session about {topic}.",
    "A convoy of trucks carrying grain left {place} on {day} morning, the first in several weeks.",
    "{person} announced that the embassy in {place} will reopen in {month}.",
    "The ruling party in {country} lost a by-election this week, and that changes the arithmetic.",
    "Insurance rates for ships in {sea} have roughly doubled since {month}.",
    "{person} denied the reports, but the denial was very carefully worded.",
    "{group} have started rotating units out of {place}, which usually means something is being prepared.",
    "The summit in {place} has been postponed again, officially because of scheduling.",
    "{person} and {person2} are both expected in {place} for the conference next week.",
    "There was a leak from inside {org}, a memo about {topic}, and it has caused quite a stir.",
    "On {day}, {person} signed a decree on {topic} that had been sitting on the desk since {month}.",
    "The vote at {org} was postponed after {country} threatened to block it.",
    "Fighting around {place} has intensified, and both sides claim to have taken several villages.",
    "The budget for {topic} was cut by {pct} percent in the latest draft.",
    "A cargo plane landed in {place} with equipment that, officially, does not exist.",
    "The central bank raised rates again this week, to around {pct} percent.",
    "Several thousand people protested in {place} over the weekend against {topic}.",
    "{person} posted a short video on {day} night, standing in front of a map of {place}.",
    "There were explosions reported in {place} and in {place2} within an hour of each other.",
    "{org} quietly changed the wording on its website about {topic}, and people noticed.",
    "The head of the delegation from {country} walked out after about twenty minutes.",
    "The navy says two more tankers were stopped in {sea} this week.",
    "A drone boat was found drifting in {sea} on {day}, and nobody has claimed it.",
];

/// Opinion and explanation.
pub const ANALYSES: &[&str] = &[
    "I think the real story here is {topic}, not the headline everybody is repeating.",
    "What {person} wants, more than anything, is to be seen as the one who made the deal.",
    "The problem with that argument is that {group} have heard it before, many times.",
    "If you look at the map around {place}, you see why neither side is in a hurry.",
    "My reading of it is that {org} is simply trying to buy time.",
    "It's a very {adj} situation, and I don't think anyone in {place} has a plan for it.",
    "What {person} says in public and what the advisers say in private are two very different things.",
    "People underestimate how much {topic} matters to everyone in the region.",
    "This is about leverage, and right now {country} has more of it than {country2}.",
    "Frankly, {group} have painted themselves into a corner on {topic}.",
    "I don't buy the idea that {person} is acting alone here.",
    "You have to remember that {place} was never going to be given up without a fight.",
    "The markets reacted badly, and that tells you what investors think of the whole thing.",
    "None of this is new; we saw exactly the same pattern in {month} of last year.",
    "There's a lot of {noun} in the coverage, and not much analysis.",
    "The whole question of {noun} keeps coming back, and nobody wants to own it.",
    "From the point of view of {country}, this is a matter of survival, not of negotiation.",
    "I would not read too much into the statement from {org}.",
    "It is a {adj} move, and a risky one.",
    "The honest answer is that we don't know what was said in that room.",
    "What worries me is the {noun}, because once it starts it is very hard to stop.",
    "{person} has been remarkably consistent on this, whatever you think of the position.",
    "The sanctions have hurt, but not in the way the people who designed them expected.",
    "There is a domestic audience in {country} that nobody outside seems to take into account.",
    "I keep coming back to {topic}, because everything else depends on it.",
    "It's a negotiation where each side believes time is on its side, and one of them is wrong.",
    "That was a remarkably {adj} thing for {person} to say in public.",
    "{org} is not a single actor; there are at least three factions inside it.",
    "The people who follow this closely in {place} are far less optimistic than the headlines.",
    "Honestly, the argument about {noun} does not survive contact with the numbers.",
    "The supply lines through {place} are the thing to watch, more than any statement.",
    "You can't separate what happens in {place} from what happens in {place2}.",
    "I think {person} miscalculated, and quietly the whole team knows it.",
    "It's the same playbook as before: talk about peace and prepare for the next offensive.",
    "The {adj} part of all this is how little anyone at {org} seems to care.",
    "Every time {person} speaks, the price of oil moves, and that is a kind of power.",
    "For {group}, the priority is security guarantees, and everything else is secondary.",
    "There's a kind of {noun} in {country} that rarely makes the news abroad.",
    "The maps you see on television don't show the {noun} behind the lines.",
    "What changed is not the facts on the ground, it's the mood in {place}.",
    "I was struck by how quiet {person2} has been through all of this.",
    "We should be careful, because the sources for that story are mostly anonymous.",
    "To me it looks less like a strategy and more like {noun} dressed up as one.",
    "There's a {adj} logic to it if you stand where {group} stand.",
    "The timing is not an accident; it came a day before the meeting in {place}.",
    "Nobody in {org} will say it on the record, but they are worried about {topic}.",
    "Everyone watches the front, but the real pressure point is {sea}.",
];

/// Predictions, firm or hedged; most carry a `{horizon}`.
pub const FORECASTS: &[&str] = &[
    "I expect there will be another round of talks {horizon}, probably in {place}.",
    "Sooner or later {person} is going to have to choose between {org} and {country}.",
    "My guess is that {org} will announce something on {topic} {horizon}.",
    "I think {person} will probably be out of the job {horizon}.",
    "There might be a ceasefire around {place} {horizon}, but I would not bet on it lasting.",
    "If nothing changes, {country} will run out of options {horizon}.",
    "Mark my words, {person} is going to visit {place} {horizon}.",
    "I'd put the odds of a deal {horizon} at maybe one in {num}.",
    "We will probably see a new offensive toward {place} {horizon}.",
    "I suspect {org} is going to back down on {topic} sooner or later.",
    "It's likely that {person} and {person2} will meet in person {horizon}.",
    "My prediction is that the front line around {place} will not move much {horizon}.",
    "Expect {group} to push for more sanctions {horizon}, and expect {country} to block them.",
    "I'm fairly confident that {topic} will be back on the agenda {horizon}.",
    "There will be elections in {country} {horizon}, whatever anyone says now.",
    "The price of gas is going to go up again {horizon}, I have no doubt about that.",
    "I wouldn't be surprised if {person} resigned {horizon}.",
    "Sooner or later someone at {org} will leak the full text, and then we'll know.",
    "Probably nothing happens until after the summit in {place}, and then everything happens at once.",
    "If {person} goes to {place}, I think a prisoner exchange follows {horizon}.",
    "I predict {country} will quietly restore flights to {place} {horizon}.",
    "The talks might collapse {horizon}, and if they do, {person} will blame {group}.",
    "Unless something changes, {org} is going to approve the package {horizon}.",
    "I think we're going to see {person} in {place} {horizon}, and that will be the signal.",
    "My bet is that {country} signs the minerals agreement {horizon}.",
    "It could go either way, but I lean toward a deal {horizon}.",
    "There's a real chance {org} splits over {topic} {horizon}.",
    "I'd expect {person2} to make a move {horizon}, probably something symbolic.",
    "I think traffic through {sea} will be back to normal {horizon}, maybe sooner.",
];

/// Questions one host puts to another.
pub const QUESTIONS: &[&str] = &[
    "What do you make of what {person} said on {day}?",
    "{host}, where does this leave {country}?",
    "Is there any realistic chance of a deal on {topic}?",
    "Why is {org} so quiet about this?",
    "How does this look from {place}?",
    "What is {person} actually after here?",
    "Do you think {person2} knew about this in advance?",
    "And what about {group}, where do they stand?",
    "Is this a bluff, or does {country} mean it?",
    "So what happens next in {place}?",
    "Can {org} do anything about it, or is it just words?",
    "Who benefits from this, in your view?",
    "How long can {country} keep this up?",
    "What did you make of the meeting in {place}?",
    "Why now, though, why this week?",
    "Is anybody in {place} taking this seriously?",
    "Where does {person} go from here?",
    "What's the mood like in {place2} right now?",
    "Are we reading too much into the {noun}?",
    "Do you trust the figures coming from {org}?",
    "Could this spread to {place2}?",
    "What would a realistic compromise on {topic} even look like?",
    "Isn't that exactly what {person} promised last {month}?",
    "Have you seen anything like this before?",
    "What's your prediction, {host}?",
    "And the {noun}, does that change anything?",
];

/// Short answers and back-channel turns.
pub const RESPONSES: &[&str] = &[
    "Right.",
    "Exactly.",
    "Yeah.",
    "That's a fair point.",
    "Absolutely, {host}.",
    "I agree with that.",
    "Mm-hmm, go on.",
    "Sure.",
    "Well, maybe.",
    "I'm not so sure about that.",
    "That's interesting.",
    "Good point, {host}.",
    "Yes, and that's the key.",
];

/// Moving the conversation on.
pub const TRANSITIONS: &[&str] = &[
    "Let's move on to {place}, because there's news there as well.",
    "Before we get to {topic}, one more thing on {person}.",
    "Let's switch to {topic} for a moment.",
    "Okay, let's talk about {place2}.",
    "I want to come back to something you said earlier about {topic}.",
    "Now, the other big story this week is {topic}.",
    "Let's turn to what happened in {place} on {day}.",
    "One more item before we wrap up, and it's about {org}.",
    "Let's take a quick look at {place}.",
    "Staying with {country} for a moment.",
];

/// A sponsor read in the middle of an episode.
pub const MIDROLLS: &[&str] = &[
    "This episode is brought to you by {sponsor}. Use the code {code} for 20% off your first order.",
    "A quick word from our sponsor, {sponsor}. Go to {sponsor_url} and use code {code} at checkout.",
    "If you want to support the show, you can become a member on {platform}, and the link is in the description.",
    "We'll be right back after a message from {sponsor}.",
    "Today's sponsor is {sponsor}; go to {sponsor_url} and use the code {code} for 15 percent off.",
];

/// The last words of an episode: sign-offs and plugs.
pub const SIGNOFFS: &[&str] = &[
    "We'll end the episode there.",
    "That's all for today, thanks for listening to {show}.",
    "Use the code {code} for 20% off at the {show} shop.",
    "We're on Rumble, we're on Locals, and the links are in the description.",
    "If you enjoyed this, leave us a review, it really helps.",
    "Take care, everyone.",
    "See you next time.",
    "Thanks, {host}, and thanks to everyone listening.",
    "Don't forget to like and subscribe, and hit the notification bell.",
    "You can support the show on Patreon, link in the description.",
    "Until next time, take care.",
    "We'll be back on {day} with more.",
];

/// Episode titles; names in titles are typed by people, so never garbled.
pub const TITLES: &[&str] = &[
    "{place} talks stall again",
    "What {person} really wants",
    "The {noun} problem",
    "Ceasefire or stalemate in {place}?",
    "{org} under pressure",
    "Why {topic} matters now",
    "{person} in {place}",
    "Another week, another summit",
    "The road to {place}",
    "{country} changes course",
    "Inside the {place} round",
    "{person} and {person2}: who blinks first?",
    "A winter of {topic}",
    "The view from {place}",
    "Everything you missed about {topic}",
    "Is {country} running out of time?",
    "Deal or no deal in {place}",
    "{org} and the {noun} question",
    "Letters from {place}",
    "After {place}",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<&'static str> {
        [
            OPENERS,
            REPORTS,
            ANALYSES,
            FORECASTS,
            QUESTIONS,
            RESPONSES,
            TRANSITIONS,
            MIDROLLS,
            SIGNOFFS,
        ]
        .concat()
    }

    #[test]
    fn at_least_150_distinct_templates() {
        let mut t = all();
        let n = t.len();
        t.sort_unstable();
        t.dedup();
        assert_eq!(t.len(), n, "duplicate template");
        assert!(n >= 150, "{n}");
    }

    #[test]
    fn braces_are_balanced() {
        for t in all().into_iter().chain(TITLES.iter().copied()) {
            assert_eq!(t.matches('{').count(), t.matches('}').count(), "{t}");
        }
    }
}
