//! Numbers said in words ("thirty-five", "twelve"), for names with numbers in them ("Su
//! thirty-five") and for forecast horizons ("within three weeks").

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The value of "zero" to "nineteen".
pub fn unit(word: &str) -> Option<u32> {
    UNITS.iter().position(|u| *u == word).map(|p| p as u32)
}

/// The value of "twenty" to "ninety".
pub fn tens(word: &str) -> Option<u32> {
    TENS.iter()
        .position(|t| *t == word)
        .map(|p| 20 + 10 * p as u32)
}

/// A number below 100 said in one or two words (`next` is the following word, when it
/// follows directly): its value, and how many words it took. The unit of "thirty five" must
/// be below ten.
pub fn below_hundred(word: &str, next: Option<&str>) -> Option<(u32, usize)> {
    if let Some(t) = tens(word) {
        return Some(match next.and_then(unit).filter(|u| (1..10).contains(u)) {
            Some(u) => (t + u, 2),
            None => (t, 1),
        });
    }
    unit(word).map(|u| (u, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_read_as_numbers() {
        assert_eq!(below_hundred("thirty", Some("five")), Some((35, 2)));
        assert_eq!(below_hundred("thirty", Some("twelve")), Some((30, 1)));
        assert_eq!(below_hundred("twelve", Some("five")), Some((12, 1)));
        assert_eq!(below_hundred("ninety", None), Some((90, 1)));
        assert_eq!(below_hundred("dozen", None), None);
        assert_eq!(unit("zero"), Some(0));
        assert_eq!(tens("twenty"), Some(20));
    }
}
