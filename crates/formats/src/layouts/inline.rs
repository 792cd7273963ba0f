//! Stamps inside running text.
super::pending_layout!(InlineStamps, "inline-stamps", "stamps in the text: \"[00:00:05] text\", \"(0:00) text\", stamps on their own lines, chapter titles ending in a stamp");
